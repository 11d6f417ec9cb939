import type { TestProject } from 'vitest/node';
import { ensureTemporalBinaries } from '../../scripts/temporalBinaries.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalCliPath: string;
    temporalTestServerPath: string;
  }
}

export default function setup(project: TestProject): void {
  const { cli, testServer } = ensureTemporalBinaries((line) => console.log(line));
  project.provide('temporalCliPath', cli);
  project.provide('temporalTestServerPath', testServer);
}
