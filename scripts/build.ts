// `npm run build` (and `npm ci`, through `prepare`): the entry points compiled by esbuild into dist/, our code
// bundled and split so a command loads only its chunks, the packages left to node_modules. dist/build.json lists
// the sources each build read, so bin/launch.js can tell a current build from a stale one.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { projectPath, projectRoot } from '../infra/projectRoot.ts';

export const entryPoints = {
  wlx: 'client/cli/main.ts',
  worker: 'worker/main.ts',
  web: 'client/web/main.ts',
} as const;

// --outdir for a test's own build; inside the repository, where the compiled files find node_modules.
const { values } = parseArgs({ options: { outdir: { type: 'string', default: projectPath('dist') } } });
const outdir = resolve(values.outdir);
if (relative(projectRoot, outdir).startsWith('..'))
  throw new Error(`--outdir must be inside ${projectRoot}, where node_modules is: ${outdir}`);
// The sources' times are compared with the build's start: a file saved while it ran counts as newer.
const builtAt = Date.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir);
const result = await build({
  absWorkingDir: projectPath(),
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19', // package.json's engines: import attributes (`with { type: 'json' }`) kept
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs);
writeFileSync(
  join(outdir, 'build.json'),
  `${JSON.stringify({ builtAt, entryPoints, inputs, outputs: result.metafile.outputs }, null, 1)}\n`,
);
console.log(
  `built ${Object.keys(entryPoints).join(', ')} into ${relative(projectRoot, outdir)}/ from ${inputs.length} sources`,
);
