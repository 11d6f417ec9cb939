// `npm start` as a person runs it, in a process group of its own as a terminal would: after some activity on
// the web (a unit signs in and uploads its plan), everything it wrote is under --data-dir, and a Ctrl-C to the
// whole group stops every child, the Temporal dev server included, leaving no port open. The banner's export line
// is what a second terminal needs: wlx given it adds an operator the web then signs in.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listMail } from '../../infra/mail/mailbox.ts';
import { portIsFree } from '../../scripts/processes.ts';
import { eventually } from '../support/eventually.ts';
import { planFormFields } from '../support/liaison.ts';
import { freePort } from '../support/ports.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess | undefined;

// A test that failed before its Ctrl-C: stop npm start the same way (it stops the dev server it started, which
// runs in a group of its own), and kill the group only if it will not go.
afterAll(async () => {
  const running = child;
  if (!running?.pid || running.exitCode !== null) return;
  const exited = new Promise((done) => running.once('exit', done));
  process.kill(-running.pid, 'SIGINT');
  const gone = await Promise.race([
    exited.then(() => true),
    new Promise((done) => setTimeout(() => done(false), 30_000)),
  ]);
  if (!gone) process.kill(-running.pid, 'SIGKILL');
}, 40_000);

describe('npm start', () => {
  it('keeps its documents under --data-dir, and stops every child on Ctrl-C to its group', async () => {
    const ports = {
      '--port': await freePort(),
      '--http-port': await freePort(),
      '--ui-port': await freePort(),
      '--smtp-port': await freePort(),
      '--ledger-port': await freePort(),
      '--web-port': await freePort(),
    };
    const dataDir = await mkdtemp(join(tmpdir(), 'wlx-start-'));
    const { DOCUMENT_DIR: _ignored, ...env } = process.env; // the tests' own store, not npm start's
    let output = '';
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'scripts/start.ts'),
        ...Object.entries(ports).flat().map(String),
        '--data-dir',
        dataDir,
      ],
      {
        cwd: root,
        env: { ...env, TEMPORAL_CLI_PATH: inject('temporalCliPath') },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // a process group of its own, as in a terminal
      },
    );
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    await eventually(async () => output.includes('is running') || undefined, 90_000, `npm start:\n${output}`);

    const web = `http://127.0.0.1:${ports['--web-port']}`;
    const csrf = ((await (await fetch(`${web}/api/session/csrf`)).json()) as { csrfToken: string }).csrfToken;
    const headers = { cookie: `wlx_csrf=${csrf}`, 'x-csrf-token': csrf };
    await fetch(`${web}/api/session/link`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ unitCode: '11' }),
    });
    const link = await eventually(
      async () =>
        (await listMail(join(dataDir, 'mail')))
          .map((m) => m.text.match(/\/sign-in\/link\/([A-Za-z0-9_-]{43})/)?.[1])
          .find(Boolean),
      30_000,
      'the sign-in link in the mail folder',
    );
    const used = await fetch(`${web}/api/session/link/${link}`, { method: 'POST', headers });
    expect(used.status).toBe(200);
    const session = used.headers
      .getSetCookie()
      .find((c) => c.startsWith('wlx_session='))
      ?.split(';')[0];
    const form = new FormData();
    form.set('_csrf', csrf);
    const year = new Date().getUTCFullYear() + 3;
    const fields = planFormFields(year, 'start-test-0001');
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set(
      'document',
      new File(['%PDF-1.4\n% the plan\n%%EOF\n'], '工作方案.pdf', { type: 'application/pdf' }),
    );
    const posted = await fetch(`${web}/campaigns/${year}/units/11/plan`, {
      method: 'POST',
      headers: { cookie: `${headers.cookie}; ${session}` },
      body: form,
      redirect: 'manual',
    });
    expect(posted.status).toBeLessThan(500);
    for (let i = 0; i < 20; i++) await (await fetch(`${web}/sign-in`)).arrayBuffer();

    const exported = /^ {2}export (.+)$/m.exec(output)?.[1];
    expect(exported, output).toBeDefined();
    const banner = Object.fromEntries((exported ?? '').split(' ').map((pair) => pair.split('=', 2)));
    expect(Object.keys(banner)).toEqual(
      expect.arrayContaining(['TEMPORAL_ADDRESS', 'TEMPORAL_HTTP_URL', 'WEB_DB_URL', 'DOCUMENT_DIR']),
    );
    const added = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin/wlx.js'), 'operator', 'add-user', '--name', 'banner', '--role', 'viewer'],
      { cwd: root, env: { ...env, ...banner, WLX_PASSWORD: 'a long password 7' } },
    );
    expect(added.stdout).toBe('added viewer banner\n');
    const signedIn = await fetch(`${web}/api/session/password`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'banner', password: 'a long password 7' }),
    });
    expect(signedIn.status).toBe(200);

    const documents = await readdir(join(dataDir, 'documents'), { recursive: true });
    expect(documents.length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((done) => child?.once('exit', done));
    process.kill(-(child.pid as number), 'SIGINT');
    const code = await Promise.race([
      exited,
      new Promise((done) => setTimeout(() => done('timeout'), 60_000)),
    ]);
    expect(code, output).not.toBe('timeout');
    for (const [flag, port] of Object.entries(ports))
      expect(await portIsFree(port), `${flag} ${port}`).toBe(true);
  }, 240_000);
});
