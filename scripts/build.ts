// `npm run build` (and `npm ci`, through `prepare`): the entry points compiled by esbuild into dist/, our code
// bundled and split so a command loads only its chunks, the packages left to node_modules. dist/build.json lists
// the sources each build read, so bin/launch.js can tell a current build from a stale one.
//
// wlx also bundles zod: loaded from node_modules it is some hundred files, a sixth of a status read. The web
// cannot (@hono/zod-openapi extends node_modules' zod, which our schemas must then be made with), so wlx is
// built on its own, its chunks apart, and holds one copy of zod whatever it loads.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildOptions, build, type Plugin } from 'esbuild';
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
const common: BuildOptions = {
  absWorkingDir: projectPath(),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19', // package.json's engines: import attributes (`with { type: 'json' }`) kept
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};
/** Every package left to node_modules but zod. */
const bundleZod: Plugin = {
  name: 'bundle-zod',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path === 'zod' || path.startsWith('zod/') ? undefined : { external: true },
    );
  },
};
const { wlx, ...servers } = entryPoints;
const results = await Promise.all([
  build({ ...common, entryPoints: { wlx }, plugins: [bundleZod], chunkNames: 'chunks/wlx/[name]-[hash]' }),
  build({ ...common, entryPoints: servers, packages: 'external', chunkNames: 'chunks/[name]-[hash]' }),
]);
const result = {
  metafile: {
    inputs: Object.assign({}, ...results.map((r) => r.metafile?.inputs)),
    outputs: Object.assign({}, ...results.map((r) => r.metafile?.outputs)),
  },
};
const inputs = Object.keys(result.metafile.inputs);
writeFileSync(
  join(outdir, 'build.json'),
  `${JSON.stringify({ builtAt, entryPoints, inputs, outputs: result.metafile.outputs }, null, 1)}\n`,
);
console.log(
  `built ${Object.keys(entryPoints).join(', ')} into ${relative(projectRoot, outdir)}/ from ${inputs.length} sources`,
);
