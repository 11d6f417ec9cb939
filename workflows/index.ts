// The worker's workflowsPath: everything exported here is a workflow type.
export { campaignWorkflow } from './campaignWorkflow.ts';
export { stuckNoticeWorkflow } from './stuckNoticeWorkflow.ts';
export { unitGroupWorkflow } from './unitGroupWorkflow.ts';
export { unitWorkflow } from './unitWorkflow.ts';
