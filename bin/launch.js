// Runs an entry point compiled (dist/, made by `npm run build`, which `npm ci` runs) while the build is current,
// else its TypeScript through tsx: a fresh clone runs, and a source edited since the build is never run stale.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function current(name) {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist/build.json', root), 'utf8'));
    statSync(new URL(`dist/${name}.js`, root));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/** `name` is the compiled entry (dist/<name>.js), `source` its TypeScript from the repository's root. */
export async function launch(name, source) {
  if (process.env.WLX_FROM_SOURCE !== '1' && current(name)) {
    await import(new URL(`dist/${name}.js`, root).href);
    return;
  }
  // Where the compiled build is required (CI's end-to-end tests), running the sources instead would hide it.
  if (process.env.WLX_COMPILED === '1')
    throw new Error(`dist/${name}.js is missing or older than its sources: run npm run build`);
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL(source, root).href);
}
