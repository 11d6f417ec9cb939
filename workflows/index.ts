// The worker's workflowsPath: everything exported here is a workflow type.
export { campaignWorkflow } from './campaign/campaignWorkflow.ts';
export { unitGroupWorkflow } from './campaign/unitGroupWorkflow.ts';
export { stuckNoticeWorkflow } from './stuck/stuckNoticeWorkflow.ts';
export { unitWorkflow } from './unit/unitWorkflow.ts';
