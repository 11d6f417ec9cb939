// Starts and stops bench/workerProcess.ts, a worker in a process of its own, so a run's memory is its own.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker, WorkerMemory, WorkerProcessConfig } from './workerProcess.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Starts bench/workerProcess.ts and resolves once its worker polls. */
export async function startWorker(workerConfig: WorkerProcessConfig) {
  const child: ChildProcess = fork(here('./workerProcess.ts'), [JSON.stringify(workerConfig)], {
    execArgv: [
      '--expose-gc',
      '--import',
      import.meta.resolve('tsx'),
      // A CPU profile per thread of the worker (workflows run in their own thread), to open in DevTools.
      ...(process.env.BENCH_CPU_PROFILES
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILES}`]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`bench worker exited early (code ${code}, signal ${signal})`)),
    ),
  );
  exited.catch(() => undefined);
  const next = (type: FromWorker['type']) =>
    Promise.race([
      new Promise<FromWorker>((resolve) => {
        const listen = (message: FromWorker) => {
          if (message.type !== type) return;
          child.off('message', listen);
          resolve(message);
        };
        child.on('message', listen);
      }),
      exited,
    ]);
  await next('ready');
  return {
    async stop(): Promise<WorkerMemory> {
      const done = next('done');
      child.send({ type: 'stop' } satisfies ToWorker);
      const message = await done;
      if (message.type !== 'done') throw new Error('bench worker: no memory report');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      return message.memory;
    },
    kill: () => child.kill('SIGKILL'),
  };
}
