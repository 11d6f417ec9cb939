// The worker process: workflows and mail activities on task queue `wanlixing`, configured by environment.
import { taskQueue } from '../workflows/shared/messages.ts';
import { workerConfig } from './config.ts';
import { createWorker } from './createWorker.ts';

const config = workerConfig();
const { run } = await createWorker(config);
console.log(
  `worker polling task queue "${taskQueue}" on ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE})`,
);
// Worker.run() stops on SIGINT/SIGTERM by itself, finishing the tasks in hand first.
await run();
