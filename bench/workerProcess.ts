// One Temporal worker for one bench run, in its own process: its memory is then the run's alone (within one
// process freed memory stays in RSS, so alternating runs would hide each other's peaks). Started by
// bench/workerControl.ts over IPC; not meant to be run by hand.
import { getHeapStatistics } from 'node:v8';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createMailActivities } from '../activities/mail.ts';
import { createMatchingActivities } from '../activities/matching.ts';
import { createOutcomeActivities } from '../activities/outcomes.ts';
import { documentConfig, openDocumentStore } from '../infra/documents/config.ts';
import { createSmtpTransport } from '../infra/mail/smtp.ts';
import { openMailLedger } from '../infra/mailLedger/open.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';

export interface WorkerProcessConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** A bundle the parent wrote once per bench process. */
  bundlePath: string;
  smtpUrl: string;
  /** The SDK's default (from the heap size) when absent. */
  maxCachedWorkflows?: number;
}

/** Bytes, measured in this process; heap is the main thread's, where activities run (workflows run in a worker thread). */
export interface WorkerMemory {
  rssAtReady: number;
  peakRss: number;
  heapAtReady: number;
  peakHeap: number;
  /** CPU time the whole process (every thread) spent from ready to stop, ms: less noisy than wall time. */
  cpuMs: number;
}

export type FromWorker = { type: 'ready' } | { type: 'done'; memory: WorkerMemory };
export type ToWorker = { type: 'stop' };

const send = (message: FromWorker) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

const config = JSON.parse(process.argv[2] ?? '') as WorkerProcessConfig;
Runtime.install({ logger: new DefaultLogger('WARN') });

const ledger = await openMailLedger('pglite:memory://');
const transport = createSmtpTransport(config.smtpUrl);
const connection = await NativeConnection.connect({ address: config.address });
const worker = await Worker.create({
  connection,
  dataConverter,
  namespace: config.namespace,
  taskQueue: config.taskQueue,
  workflowBundle: { codePath: config.bundlePath },
  ...(config.maxCachedWorkflows && { maxCachedWorkflows: config.maxCachedWorkflows }),
  activities: {
    ...createMailActivities({
      transport,
      from: 'wanlixing@cnipa.example',
      ledger,
      messageIdDomain: 'bench.wanlixing.example',
    }),
    ...createMatchingActivities(openDocumentStore(documentConfig())),
    ...createOutcomeActivities(),
  },
});
const running = worker.run();

// Start from a collected heap, so the peak above it is what the run itself held.
globalThis.gc?.();
const rssAtReady = process.memoryUsage.rss();
const heapAtReady = getHeapStatistics().used_heap_size;
const cpuAtReady = process.cpuUsage();
let peakRss = rssAtReady;
let peakHeap = heapAtReady;
// Sampled rather than ru_maxrss: that peak counts start-up (bundle loading) too, which both scenarios share.
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
}, 20);

let stopping = false;
// Without its bench (crashed, killed) nobody will ever say stop: go rather than poll forever.
process.once('disconnect', () => {
  if (!stopping) process.exit(1);
});

process.once('message', async (message: ToWorker) => {
  if (message.type !== 'stop') return;
  stopping = true;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuAtReady);
  const memory: WorkerMemory = {
    rssAtReady,
    peakRss,
    heapAtReady,
    peakHeap,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  worker.shutdown();
  await running;
  transport.close();
  await ledger.close();
  await connection.close();
  await send({ type: 'done', memory });
  process.disconnect();
});

await send({ type: 'ready' });
