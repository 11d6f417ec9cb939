// The done-when of the audit trail (留痕): a whole compressed year on a real dev server, acted on from wlx's
// path, the API and the worker's timers, lists every action once with its actor and where it came from; its
// .xlsx export is read by LibreOffice; `wlx audit` reads the same trail; and the unit's history names the
// operator the trail names.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../activities/mail.ts';
import { withActing } from '../../client/cli/acting.ts';
import { designateKeyRegions } from '../../client/operations/designateKeyRegions.ts';
import { returnForRevision } from '../../client/operations/returnForRevision.ts';
import { planCampaign, startCampaign } from '../../client/operations/startCampaign.ts';
import { sendSubmission } from '../../client/operations/submit.ts';
import { unitDemandListFileName } from '../../client/operations/unitDemandListExport.ts';
import type { AuditEntry, AuditKind } from '../../domain/audit/entry.ts';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { clientConfig } from '../../infra/temporal/connection.ts';
import { campaignStatus } from '../../reads/campaignStatus.ts';
import { type LedgerServer, startLedgerServer } from '../../scripts/ledgerServer.ts';
import { campaignWorkflowId, unitWorkflowId } from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { historyText } from '../support/historyText.ts';
import { type LocalStack, localStack } from '../support/localCampaign.ts';
import { sampleDemandList, sampleWorkPlan } from '../support/samples.ts';
import { runWlx } from '../support/wlx.ts';
import { addOperator, Browser, signInUnit, type WebHarness, webHarness } from '../web/support.ts';

const run = promisify(execFile);
const year = new Date().getUTCFullYear() + 6;
const units = ['11', '12', '13'];
const cliOperator = '周敏';
const beijingLiaison = '北京市知识产权局 Beijing Intellectual Property Office';

let dir: string;
/** The web's database, served over the PostgreSQL protocol: the worker, the web and wlx processes share it. */
let database: LedgerServer;
let trail: AuditTrail;
let stack: LocalStack;
let harness: WebHarness;
const savedEnv = { WEB_DB_URL: process.env.WEB_DB_URL, WLX_OPERATOR: process.env.WLX_OPERATOR };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wlx-audit-'));
  database = await startLedgerServer({ dir: join(dir, 'db'), port: 0 });
  trail = await openAuditTrail(database.url);
  stack = await localStack({ audit: trail });
  harness = await webHarness({ sink: stack.sink, client: stack.client, audit: trail });
  await addOperator(harness.store, 'operator-zhang', 'operator', 'operator password 1');
  // What `wlx` reads: the operator's name and the web's database.
  process.env.WEB_DB_URL = database.url;
  process.env.WLX_OPERATOR = cliOperator;
}, 180_000);

afterAll(async () => {
  process.env.WEB_DB_URL = savedEnv.WEB_DB_URL;
  process.env.WLX_OPERATOR = savedEnv.WLX_OPERATOR;
  if (savedEnv.WEB_DB_URL === undefined) delete process.env.WEB_DB_URL;
  if (savedEnv.WLX_OPERATOR === undefined) delete process.env.WLX_OPERATOR;
  await harness?.close();
  await stack?.stop();
  await trail?.close();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

it('lists every action of a compressed year once, with its actor, and exports it to .xlsx that LibreOffice reads', async () => {
  const { client } = stack;
  // wlx campaign start: the whole year in 90 seconds, for three units.
  const plan = await planCampaign({ year, compress: 90_000, units, calendarDays: true });
  await withActing((acting) => startCampaign(client, clientConfig({}), plan, acting));
  await eventually(
    async () => ((await campaignStatus(client, year)).units.length === units.length ? true : undefined),
    30_000,
    'the units reporting',
  );

  // Beijing's liaison signs in and hands in its demand list through the API; the plan from the command line.
  const beijing = await signInUnit(harness, stack.sink, '11', 'wanlixing@bj.ipa.example');
  const demands = await beijing.request(
    'POST',
    `/api/campaigns/${year}/units/11/demands`,
    sampleDemandList(),
  );
  expect(demands.status, await demands.text()).toBe(200);
  // …and takes its demand list back as a workbook.
  expect((await beijing.request('GET', `/campaigns/${year}/units/11/demand-list`)).status).toBe(200);
  await withActing(
    (acting) => sendSubmission(client, 'plan', { year, unit: '11' }, [sampleWorkPlan()], undefined, acting),
    { kind: 'unit', by: '北京市知识产权局 Beijing liaison' },
  );

  // An operator from the command line returns Beijing's demand list and chooses the key regions.
  await withActing((acting) =>
    returnForRevision(
      client,
      { year, unit: '11', what: 'demandList', reason: '请补充联系人电话 (add the contact phone)' },
      acting,
    ),
  );
  await withActing((acting) =>
    designateKeyRegions(
      client,
      { year, regions: units, exchangeHosts: ['中关村知识产权服务业集聚区'] },
      acting,
    ),
  );

  // Another operator, through the API: an extension for Tianjin (sent twice under one key) and a reminder for Hebei.
  const operator = await new Browser(harness.web).start();
  expect((await operator.signInWithPassword('operator-zhang', 'operator password 1')).status).toBe(200);
  for (let i = 0; i < 2; i++) {
    const extended = await operator.request(
      'POST',
      `/api/campaigns/${year}/units/12/extend`,
      { track: 'plan', until: `${year}-06-05` },
      { 'idempotency-key': 'extend-12-once' },
    );
    expect(extended.status, await extended.text()).toBe(200);
  }
  const reminded = await operator.request('POST', `/api/campaigns/${year}/units/13/remind`, {});
  expect(reminded.status, await reminded.text()).toBe(200);

  // The year runs to its close: reminders and the escalation ladder go out on the worker's timers.
  await client.workflow.getHandle(campaignWorkflowId(year)).result();

  // The operators' page, filtered to one unit; the unit's own page shows its entries to its liaison.
  const filtered = await operator.request('GET', `/campaigns/${year}/audit?unit=12&kind=extension`);
  const filteredHtml = await filtered.text();
  expect(filtered.status, filteredHtml).toBe(200);
  expect(filteredHtml.match(/<tr data-kind="/g)).toHaveLength(1);
  expect(filteredHtml).toContain('data-kind="extension"');
  const own = await beijing.request('GET', `/campaigns/${year}/units/11`);
  const ownHtml = await own.text();
  expect(own.status, ownHtml).toBe(200);
  expect(ownHtml).toContain('id="audit-trail"');
  expect(ownHtml).toContain('data-kind="return"');
  expect(ownHtml).not.toContain('data-kind="extension"');

  expect((await beijing.request('GET', `/campaigns/${year}/units/11/templates/demands`)).status).toBe(200);
  const exported = await operator.request('GET', `/campaigns/${year}/audit/export`);
  expect(exported.status).toBe(200);
  const workbook = Buffer.from(await exported.arrayBuffer());
  expect((await beijing.request('POST', '/api/session/sign-out')).status).toBe(204);
  expect((await operator.request('POST', '/api/session/sign-out')).status).toBe(204);

  const entries = await trail.list({ year });
  const of = (kind: AuditKind) => entries.filter((e) => e.kind === kind);
  const only = (kind: AuditKind): AuditEntry => {
    const found = of(kind);
    expect(found, kind).toHaveLength(1);
    return found[0] as AuditEntry;
  };
  const who = (e: AuditEntry) => [e.actor.kind, e.actor.name, e.via, e.unitCode];
  expect(who(only('campaign.start'))).toEqual(['operator', cliOperator, 'cli', null]);
  expect(who(only('submission.demands'))).toEqual(['unit', beijingLiaison, 'api', '11']);
  expect(who(only('submission.plan'))).toEqual(['unit', '北京市知识产权局 Beijing liaison', 'cli', '11']);
  expect(who(only('return'))).toEqual(['operator', cliOperator, 'cli', '11']);
  expect(who(only('keyRegions'))).toEqual(['operator', cliOperator, 'cli', null]);
  // Twice under one idempotency key: one extension, one entry.
  expect(who(only('extension'))).toEqual(['operator', 'operator-zhang', 'api', '12']);
  expect(who(only('remind'))).toEqual(['operator', 'operator-zhang', 'api', '13']);
  // Sign-ins and sign-outs belong to no campaign: they are filed under the year they happen in.
  const sessions = await trail.list({
    year: Number(formatShanghaiDate(Date.now()).slice(0, 4)),
    kinds: ['signIn', 'signOut'],
  });
  const signed = (kind: AuditKind) =>
    sessions.filter((e) => e.kind === kind && ['operator-zhang', beijingLiaison].includes(e.actor.name));
  expect(
    signed('signIn')
      .map((e) => [e.actor.kind, e.via])
      .sort(),
  ).toEqual([
    ['operator', 'api'],
    ['unit', 'api'],
  ]);
  expect(
    signed('signOut')
      .map((e) => [e.actor.kind, e.via])
      .sort(),
  ).toEqual([
    ['operator', 'api'],
    ['unit', 'api'],
  ]);
  expect(of('download').map((e) => [...who(e), e.detail.file])).toEqual([
    ['unit', beijingLiaison, 'web', '11', unitDemandListFileName(year, '11')],
    ['unit', beijingLiaison, 'web', '11', `${year}-11-demands.xlsx`],
    ['operator', 'operator-zhang', 'web', null, `wanlixing-${year}-audit.xlsx`],
  ]);

  // Every notice the sink received is in the trail once, as the system's, and nothing else is.
  const notices = entries.filter((e) => e.kind.startsWith('notice.'));
  for (const notice of notices)
    expect(who(notice).slice(0, 3)).toEqual([systemActor.kind, systemActor.name, 'timer']);
  const mailedKeys = new Set(stack.sink.messages().flatMap((m) => (m.headers.key ? [m.headers.key] : [])));
  expect(notices.map((e) => e.detail.key).sort()).toEqual([...mailedKeys].sort());
  expect(of('notice.reminder').length).toBeGreaterThan(0);
  expect(of('notice.escalation').length).toBeGreaterThan(0);
  for (const entry of entries) expect(entry.actor.name.length).toBeGreaterThan(0);

  // The unit's history names the operator the trail names.
  expect(await historyText(client, unitWorkflowId(year, '11'))).toContain(`"by":"${cliOperator}"`);

  // wlx audit reads the same trail, from its own process.
  const listed = await runWlx({ ...process.env, WEB_DB_URL: database.url }, [
    'audit',
    '--year',
    String(year),
    '--json',
  ]);
  expect(listed.code, listed.stderr).toBe(0);
  // The download's own entry came after the workbook was built: the export holds every entry before it.
  const beforeDownload = entries.filter(
    (e) => !(e.kind === 'download' && e.actor.kind === 'operator') && e.kind !== 'signOut',
  );
  expect((JSON.parse(listed.stdout) as { entries: AuditEntry[] }).entries).toEqual(entries);

  const table = await runWlx({ ...process.env, WEB_DB_URL: database.url }, [
    'audit',
    '--year',
    String(year),
    '--unit',
    '12',
  ]);
  expect(table.code, table.stderr).toBe(0);
  expect(table.stdout).toContain('延期 extension granted');
  expect(table.stdout).toContain('operator-zhang（运营人员 operator）');
  expect(table.stdout).not.toContain('退回修改');

  const file = join(dir, 'audit.xlsx');
  await writeFile(file, workbook);
  try {
    await run('soffice', ['--version']);
  } catch {
    console.warn('soffice is absent here: the .xlsx was not read by LibreOffice (CI has it)');
    return;
  }
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 120_000 },
  );
  const csv = await readFile(join(dir, 'audit.csv'), 'utf8');
  const lines = csv.split('\n').filter((line) => line.trim() !== '');
  expect(
    lines.some((line) => line.includes('时间 When') || (line.includes('时间') && line.includes('办理人'))),
  ).toBe(true);
  for (const entry of beforeDownload) {
    expect(csv, entry.actionId).toContain(entry.actor.name);
  }
  const dataRows = lines.filter((line) => /^"?\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(line));
  expect(dataRows).toHaveLength(beforeDownload.length);
}, 420_000);
