// A liaison over real HTTP on one of the cluster's web replicas: signs in by the link the cluster's SMTP sink
// kept as a file, as a person does from their mailbox, then submits through the portal's API.
import { listMail } from '../../infra/mail/mailbox.ts';
import { Browser } from '../web/support.ts';

/** A browser and the replica its requests go to; moving it to another replica keeps its cookies. */
export interface ReplicaBrowser {
  browser: Browser;
  target: { base: string };
}

export async function signInLiaison(
  base: string,
  mailDir: string,
  unitCode: string,
  address: string,
): Promise<ReplicaBrowser> {
  const target = { base };
  const browser = await new Browser({
    // As the in-process harness answers: a 303 is the answer, not followed.
    app: { request: (path, init) => fetch(`${target.base}${path}`, { ...init, redirect: 'manual' }) },
  }).start();
  const asked = Date.now();
  const requested = await browser.request('POST', '/api/session/link', { unitCode });
  if (requested.status !== 202) throw new Error(`the link request answered ${requested.status}`);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const mail = (await listMail(mailDir)).filter(
      (m) => Date.parse(m.receivedAt) >= asked && m.to.includes(address),
    );
    const token = mail.at(-1)?.text.match(/\/sign-in\/link\/([A-Za-z0-9_-]{43})/)?.[1];
    if (token) {
      const used = await browser.request('POST', `/api/session/link/${token}`);
      if (used.status !== 200) throw new Error(`the link answered ${used.status}: ${await used.text()}`);
      return { browser, target };
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`no sign-in link reached ${address} within 60 s`);
}

/** A filled-in work-plan form (the unit page's plan form), without its document. */
export function planFormFields(year: number, updateId: string): Record<string, string> {
  return {
    updateId,
    title: '万里行工作方案',
    objectives: '走访企业不少于100家',
    'plannedActivities.0.title': '专利导航进园区',
    'plannedActivities.0.type': 'lecture',
    'plannedActivities.0.keyTask': '2',
    'plannedActivities.0.month': `${year}-06`,
    'contacts.0.name': '王芳',
    'contacts.0.phone': '010-00000000',
  };
}
