// The repository's folder, from wherever this module runs: its TypeScript source, or a chunk compiled into dist/.
// Paths to what ships beside the code (the workflows' sources, examples/) start here, not at the caller's file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, e.g. projectPath('workflows', 'index.ts'). */
export const projectPath = (...parts: string[]) => join(projectRoot, ...parts);
