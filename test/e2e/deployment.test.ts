// Keeps the deployment (docker-compose.yml, Dockerfile) in step with the code it deploys. No Docker engine
// runs in CI, so these read the files; scripts/validateCompose.sh checks the compose syntax itself.
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { webConfigSchema } from '../../client/web/config.ts';
import { documentConfigSchema } from '../../infra/documents/config.ts';
import { serverVersion } from '../../scripts/cluster/serverSetup.ts';
import { workerConfigSchema } from '../../worker/config.ts';
import { shutdownGraceTime } from '../../worker/createWorker.ts';
import { searchAttributeFlags } from '../../workflows/shared/searchAttributes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

type Mount = string | { type?: string; source?: string; target?: string };
interface Service {
  image?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  command?: string | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: Mount[];
  ports?: string[];
  healthcheck?: { test?: string[] };
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(read('docker-compose.yml')) as Compose;
const services = Object.entries(compose.services);

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => [entry.split('=')[0] ?? '', entry.split('=').slice(1).join('=')]),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

function commandText(service: Service): string {
  return Array.isArray(service.command) ? service.command.join('\n') : (service.command ?? '');
}

/** The one service whose image is `repository`, whatever the tag; its name is what other services dial. */
function serviceByImage(repository: string): [string, Service] {
  const found = services.filter(([, service]) => service.image?.split(':')[0] === repository);
  expect(
    found.map(([name]) => name),
    `services running ${repository}`,
  ).toHaveLength(1);
  return found[0] as [string, Service];
}

/** `{source, target}` of a service's volume mounts, short or long syntax. */
function mounts(service: Service): { source: string; target: string }[] {
  return (service.volumes ?? []).map((mount) => {
    if (typeof mount !== 'string') return { source: mount.source ?? '', target: mount.target ?? '' };
    const [source = '', target = ''] = mount.split(':');
    return { source, target };
  });
}

/** Whether `path` in the container lies on a named volume declared at the top level. */
function onNamedVolume(service: Service, path: string): boolean {
  return mounts(service).some(
    ({ source, target }) =>
      Object.hasOwn(compose.volumes ?? {}, source) &&
      (path === target || path.startsWith(`${target.replace(/\/$/, '')}/`)),
  );
}

const [workerName, worker] = ((): [string, Service] => {
  const found = services.find(([, service]) => Object.hasOwn(service, 'build'));
  expect(found, 'a service built from the Dockerfile').toBeDefined();
  return found as [string, Service];
})();
/** The worker's environment as compose gives it when no variable is set: `${NAME:-default}` is its default. */
const workerEnv = Object.fromEntries(
  Object.entries(environment(worker)).map(([key, value]) => [
    key,
    value.replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
  ]),
);
/** The namespace the worker polls: its TEMPORAL_NAMESPACE, or the schema's default when unset. */
const workerNamespace = () => workerConfigSchema.parse(workerEnv).TEMPORAL_NAMESPACE;

/** The one service running `temporal operator search-attribute create`: what it registers, as `Name=Type`. */
function registeredSearchAttributes(): { service: string; flags: string[]; namespaces: string[] } {
  const setup = services.filter(([, service]) => commandText(service).includes('search-attribute create'));
  expect(
    setup.map(([name]) => name),
    'services registering search attributes',
  ).toHaveLength(1);
  const [name, service] = setup[0] as [string, Service];
  const flags: string[] = [];
  const namespaces: string[] = [];
  for (const [, args = ''] of commandText(service).matchAll(/search-attribute create\b([^\n]*)/g)) {
    const names = [...args.matchAll(/--name[=\s]+(\w+)/g)].map((match) => match[1]);
    const types = [...args.matchAll(/--type[=\s]+(\w+)/g)].map((match) => match[1]);
    // Older CLIs pair each --name with a --type; newer ones take one --type for all the names.
    expect(types.length === names.length || types.length === 1, `types for ${names.join(', ')}`).toBe(true);
    names.forEach((saName, i) => {
      flags.push(`${saName}=${types.length === 1 ? types[0] : types[i]}`);
    });
    namespaces.push(args.match(/(?:--namespace|-n)[=\s]+([\w.-]+)/)?.[1] ?? '(the CLI default)');
  }
  return { service: name, flags, namespaces };
}

const minioRelease = /^RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/;

/** Whether a value is `${name}` interpolated from the environment with no default written here. */
const fromEnvironment = (name: string) => new RegExp(`^\\$\\{${name}(:?-|:?\\?[^}]*)?\\}$`);

describe('docker-compose.yml', () => {
  it('gives the web its configuration and the document store the uploads go to, once MinIO is set up', () => {
    const [, web] = services.find(([name]) => name === 'web') ?? [];
    expect(web, 'a web service').toBeDefined();
    const env = Object.fromEntries(
      Object.entries(environment(web as Service)).map(([key, value]) => [
        key,
        value.replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
      ]),
    );
    const parsed = webConfigSchema.safeParse({ ...env, WEB_SESSION_SECRET: 'x'.repeat(32) });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const documents = documentConfigSchema.safeParse({
      ...env,
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    });
    expect(documents.success, JSON.stringify(documents.error?.issues)).toBe(true);
    expect(documents.data).toMatchObject({ DOCUMENT_STORE: 's3', S3_ENDPOINT: 'http://minio:9000' });
    expect((web as { depends_on?: Record<string, unknown> }).depends_on).toHaveProperty('minio-setup');
  });

  it("gives the worker only workerConfigSchema's variables, forming a valid configuration", () => {
    const known = Object.keys(workerConfigSchema.shape);
    for (const key of Object.keys(workerEnv)) expect(known, `${workerName} environment`).toContain(key);
    expect(Object.keys(workerEnv)).toEqual(expect.arrayContaining(['TEMPORAL_ADDRESS', 'SMTP_URL']));
    const parsed = workerConfigSchema.safeParse(workerEnv);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('gives the worker the document store the web reads, where the matching review is kept', () => {
    const [, web] = services.find(([name]) => name === 'web') ?? [];
    const webEnv = environment(web as Service);
    const store = ['DOCUMENT_STORE', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
    for (const key of store) expect(environment(worker)[key], key).toBe(webEnv[key]);
    expect((worker as { depends_on?: Record<string, unknown> }).depends_on).toHaveProperty('minio-setup');
  });

  it('points the worker at the Temporal frontend and the Mailpit SMTP port by service name', () => {
    const [temporalName, temporal] = serviceByImage('temporalio/server');
    const frontendPort = environment(temporal).FRONTEND_GRPC_PORT ?? '7233';
    expect(workerEnv.TEMPORAL_ADDRESS).toBe(`${temporalName}:${frontendPort}`);

    const [mailpitName, mailpit] = serviceByImage('axllent/mailpit');
    const smtpPort = environment(mailpit).MP_SMTP_BIND_ADDR?.split(':').at(-1) ?? '1025';
    const smtp = new URL(workerEnv.SMTP_URL ?? '');
    expect(smtp.protocol).toBe('smtp:');
    expect(smtp.hostname).toBe(mailpitName);
    expect(smtp.port).toBe(smtpPort);
  });

  it('registers exactly the search attributes of workflows/shared/searchAttributes.ts, in the worker namespace', () => {
    const { flags, namespaces } = registeredSearchAttributes();
    expect(flags.length, `duplicates in ${flags.join(' ')}`).toBe(new Set(flags).size);
    expect([...flags].sort()).toEqual([...searchAttributeFlags].sort());
    expect(new Set(namespaces)).toEqual(new Set([workerNamespace()]));
  });

  it('creates the namespace the worker polls, and starts the worker only once that setup has finished', () => {
    const { service: setupName } = registeredSearchAttributes();
    const setup = compose.services[setupName] as Service;
    const created = commandText(setup).match(/namespace create\b[^\n]*?(?:--namespace|-n)[=\s]+([\w.-]+)/);
    expect(created?.[1]).toBe(workerNamespace());
    const dependsOn = worker.depends_on;
    expect(Array.isArray(dependsOn) ? undefined : dependsOn?.[setupName]?.condition).toBe(
      'service_completed_successfully',
    );
  });

  it('runs two worker replicas that share one mail ledger on the compose database', () => {
    expect((worker as { deploy?: { replicas?: number } }).deploy?.replicas).toBeGreaterThanOrEqual(2);
    const [postgresName] = serviceByImage('postgres');
    const ledger = new URL(workerEnv.MAIL_LEDGER_URL ?? '');
    expect(ledger.protocol).toBe('postgres:');
    expect(ledger.hostname).toBe(postgresName);
    const dependsOn = worker.depends_on;
    expect(Array.isArray(dependsOn) ? undefined : dependsOn?.[postgresName]?.condition).toBe(
      'service_healthy',
    );
  });

  it('gives a stopping worker longer than its shutdown grace time, so a started delivery finishes', () => {
    const grace = (worker as { stop_grace_period?: string }).stop_grace_period ?? '10s';
    expect(seconds(grace)).toBeGreaterThan(seconds(shutdownGraceTime));
  });

  it('uses the current Temporal images, never auto-setup, each pinned to a version', () => {
    for (const [name, service] of services) {
      if (service.image === undefined) continue;
      expect(service.image, name).not.toMatch(/auto-setup/);
      const [repository = '', tag = 'latest'] = service.image.split(':');
      expect(tag, `${name}: ${service.image}`).not.toBe('latest');
      // MinIO names its releases by date and time (RELEASE.2025-04-22T22-12-26Z), never with a number.
      const version = repository.startsWith('quay.io/minio/') ? minioRelease : /^v?\d/;
      expect(tag, `${name}: ${service.image}`).toMatch(version);
    }
    serviceByImage('temporalio/server');
    serviceByImage('temporalio/ui');
  });

  it('runs the release of the Temporal server that npm run cluster builds from its Go module', () => {
    const [, server] = serviceByImage('temporalio/server');
    expect(`v${server.image?.split(':')[1]}`).toBe(serverVersion);
    const tools = services.filter(([, service]) => service.image?.startsWith('temporalio/admin-tools:'));
    expect(tools.length).toBeGreaterThan(0);
    for (const [name, service] of tools) expect(`v${service.image?.split(':')[1]}`, name).toBe(serverVersion);
  });

  it('runs MinIO for the document store, its root account from the environment, its data on a named volume', () => {
    const [, minio] = serviceByImage('quay.io/minio/minio');
    const env = environment(minio);
    expect(env.MINIO_ROOT_USER).toMatch(fromEnvironment('MINIO_ROOT_USER'));
    expect(env.MINIO_ROOT_PASSWORD).toMatch(fromEnvironment('MINIO_ROOT_PASSWORD'));
    // With either blank MinIO would fall back to minioadmin/minioadmin: the command stops first.
    const command = commandText(minio);
    const beforeStart = command.slice(0, command.indexOf('exec minio server'));
    for (const check of ['-z "$$MINIO_ROOT_USER"', '-z "$$MINIO_ROOT_PASSWORD"', 'exit 1'])
      expect(beforeStart).toContain(check);
    const data = command.match(/exec minio server (\S+)/)?.[1] ?? '';
    expect(onNamedVolume(minio, data), `minio data ${data}`).toBe(true);
    expect(minio.healthcheck?.test).toEqual(expect.arrayContaining(['mc', 'ready']));
    for (const port of minio.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it("creates the documents bucket and the CLI's account once MinIO is healthy", () => {
    const [minioName] = serviceByImage('quay.io/minio/minio');
    const [, setup] = serviceByImage('quay.io/minio/mc');
    const dependsOn = setup.depends_on;
    expect(Array.isArray(dependsOn) ? undefined : dependsOn?.[minioName]?.condition).toBe('service_healthy');
    const env = environment(setup);
    for (const key of ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
      expect(env[key], key).toMatch(fromEnvironment(key));
    const command = commandText(setup);
    const [, alias, url] = command.match(/mc alias set (\S+) (\S+)/) ?? [];
    expect(url).toBe(`http://${minioName}:9000`);
    expect(command).toContain(`mc mb --ignore-existing "${alias}/$$S3_BUCKET"`);
    expect(command).toMatch(/mc admin user add \S+ "\$\$S3_ACCESS_KEY_ID" "\$\$S3_SECRET_ACCESS_KEY"/);
    expect(command).toMatch(/mc admin policy attach \S+ \S+ --user "\$\$S3_ACCESS_KEY_ID"/);
  });

  it('publishes MinIO where the CLI, configured as docs/deployment.md says, finds the bucket', () => {
    const [, minio] = serviceByImage('quay.io/minio/minio');
    const [, setup] = serviceByImage('quay.io/minio/mc');
    const [, port] = (minio.ports ?? []).find((p) => p.endsWith(':9000'))?.split(':') ?? [];
    const documented = {
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: `http://localhost:${port}`,
      S3_BUCKET: environment(setup).S3_BUCKET,
    };
    const guide = read('docs/deployment.md');
    for (const [key, value] of Object.entries(documented))
      expect(guide, `docs/deployment.md: ${key}=${value}`).toContain(`${key}=${value}`);
    const parsed = documentConfigSchema.safeParse({
      ...documented,
      S3_ACCESS_KEY_ID: 'from .env',
      S3_SECRET_ACCESS_KEY: 'from .env',
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("keeps more than Mailpit's default 500 messages, on a named volume", () => {
    const [, mailpit] = serviceByImage('axllent/mailpit');
    const env = environment(mailpit);
    expect(Number(env.MP_MAX_MESSAGES)).toBeGreaterThan(500);
    expect(onNamedVolume(mailpit, env.MP_DATABASE ?? ''), `MP_DATABASE ${env.MP_DATABASE}`).toBe(true);
  });
});

/** `60s`, `1m30s`, `50 seconds` as seconds. */
function seconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, hour: 3600, minute: 60, second: 1 };
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+)\s*([a-z]+?)s?\b/g))
    total += Number(n) * (units[unit ?? ''] ?? NaN);
  return total;
}

/** What a module loads when it runs: relative files (followed) and packages; `import type` is erased. */
function runtimeGraph(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(root, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/.test(file)) continue; // JSON and other assets load nothing further
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else if (specifier.startsWith('/')) pending.push(specifier);
      else if (!isBuiltin(specifier)) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
      }
    }
  }
  return { files: [...seen].map((file) => relative(root, file)), packages };
}

function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    } else if (
      // projectPath('workflows', 'index.ts'): how the worker names its workflowsPath, from the repository's root.
      ts.isCallExpression(node) &&
      node.expression.getText(source) === 'projectPath' &&
      node.arguments.length > 0 &&
      node.arguments.every(ts.isStringLiteral)
    ) {
      specifiers.push(resolve(root, ...node.arguments.map((a) => (a as ts.StringLiteral).text)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const copied = new Set(
    instructions
      .filter((line) => /^COPY\s/i.test(line))
      .flatMap((line) =>
        line
          .split(/\s+/)
          .slice(1, -1)
          .filter((word) => !word.startsWith('--')),
      )
      .map((source) => source.replace(/^\.\//, '').replace(/\/$/, '')),
  );
  const graph = runtimeGraph('worker/main.ts');

  it('copies every top-level folder the worker loads a module from, and .dockerignore keeps them', () => {
    const folders = new Set(
      graph.files.filter((file) => file.includes(sep)).map((file) => file.split(sep)[0]),
    );
    // A sanity check on the walk itself: the worker's graph spans these at least.
    expect([...folders]).toEqual(expect.arrayContaining(['worker', 'workflows', 'activities', 'domain']));
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim().replace(/^\//, '').replace(/\/$/, ''));
    for (const folder of folders) {
      expect([...copied], `COPY ${folder}`).toContain(folder);
      expect(ignored, `.dockerignore must not exclude ${folder}`).not.toContain(folder);
    }
    expect([...copied]).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
  });

  it('finds every package the worker imports at run time in dependencies, which `npm ci --omit=dev` installs', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies?: Record<string, string> };
    const dependencies = Object.keys(pkg.dependencies ?? {});
    expect(graph.packages.size).toBeGreaterThan(0);
    for (const name of graph.packages) {
      expect(dependencies, `${name}, imported by the worker`).toContain(name);
    }
    // The image compiles what it runs with the build `npm ci` runs (esbuild through tsx), and runs the result.
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(instructions).toContain('RUN node --import tsx scripts/build.ts');
    expect([...copied]).toEqual(expect.arrayContaining(['bin', 'scripts/build.ts']));
    expect(instructions.find((line) => line.startsWith('CMD'))).toBe('CMD ["node", "bin/worker.js"]');
    expect(dependencies).toEqual(expect.arrayContaining(['tsx', 'esbuild']));
  });

  it('runs the worker as the unprivileged node user', () => {
    const users = instructions.filter((line) => /^USER\s/i.test(line));
    expect(users.at(-1)).toBe('USER node');
  });
});
