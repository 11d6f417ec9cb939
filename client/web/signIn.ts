// Signing in, for the API and the pages alike: an operator's password (rate-limited per account and address
// and per address, the same time whether or not the name exists; repeated failures mailed to the operator), and a unit's one-time link, mailed to the
// registry's office address in the background so that the answer never tells whether the unit exists.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { isReporting } from '../../domain/registry.ts';
import { decoyHash, verifyPassword } from '../../infra/webStore/passwords.ts';
import { recordWebEvent } from './auditEvents.ts';
import { signInLimits } from './rateLimit.ts';
import type { WebServices } from './routeSpec.ts';
import { type Principal, startSession } from './session.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Sign-in links last 15 minutes and work once. */
export const signInLinkLifetimeMs = 15 * 60_000;
/** The page a mailed link opens: it asks for a click, so a mail scanner fetching the link spends nothing. */
export const signInLinkPath = (token: string) => `/sign-in/link/${token}`;
export const signInTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type RateLimited = { refused: 'rate-limited'; retryAfterSeconds: number };
export type SignInRefusal = RateLimited | { refused: 'wrong' };

/** Makes, keeps and mails a unit's sign-in link. */
async function mailSignInLink(services: WebServices, unitCode: string): Promise<void> {
  const unit = services.registry.units.find((u) => u.code === unitCode && isReporting(u));
  if (!unit) return;
  const now = services.clock();
  if (!(await services.limits.linkMailsPerUnit.hit(unitCode, now)).allowed) {
    services.log(`sign-in link for ${unitCode} not sent: too many requests for this unit`);
    return;
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + signInLinkLifetimeMs;
  await services.store.saveSignInLink({ tokenHash: sha256(token), unitCode, expiresAt }, now);
  await services.mailer.sendSignInLink({
    to: unit.contacts.office,
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
    url: `${services.publicUrl}${signInLinkPath(token)}`,
    expiresAt,
  });
}

/** Starts mailing a link to the unit's office, unless this address asked too often. */
export async function requestSignInLink(
  services: WebServices,
  c: Context,
  unitCode: string,
): Promise<{ accepted: true } | RateLimited> {
  const limit = await services.limits.linkPerAddress.hit(services.clientAddress(c), services.clock());
  if (!limit.allowed) return { refused: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const task = mailSignInLink(services, unitCode).catch((error: unknown) =>
    services.log(`sign-in link for ${unitCode} failed`, error),
  );
  services.background.add(task);
  void task.finally(() => services.background.delete(task));
  return { accepted: true };
}

/** Checks name and password and starts the operator's session. */
export async function signInWithPassword(
  services: WebServices,
  c: Context,
  name: string,
  password: string,
): Promise<{ principal: Principal } | SignInRefusal> {
  const now = services.clock();
  const address = services.clientAddress(c);
  // The account's attempts are counted per address: an attacker elsewhere slows only himself.
  const pair = `${name}\n${address}`;
  const byAddress = await services.limits.passwordPerAddress.hit(address, now);
  const byPair = await services.limits.passwordPerAccountAndAddress.hit(pair, now);
  if (!byAddress.allowed || !byPair.allowed) {
    const retryAfterSeconds = Math.max(byAddress.retryAfterSeconds, byPair.retryAfterSeconds);
    return { refused: 'rate-limited', retryAfterSeconds };
  }
  const account = await services.store.findUser(name);
  // An unknown name costs a hash too: the time does not tell which names exist.
  const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !ok) {
    if (account) await failedOn(services, account, address, now);
    return { refused: 'wrong' };
  }
  await services.limits.passwordPerAccountAndAddress.reset(pair);
  const principal: Principal = { kind: 'operator', name: account.name, role: account.role };
  await startSession(c, services.cookies, services.store, principal, now);
  await recordWebEvent(c, services, principal, { kind: 'signIn', detail: { with: 'password' } });
  return { principal };
}

/** Counts a failure against the account; at the threshold, tells its operator by mail (once a window). */
async function failedOn(
  services: WebServices,
  account: { name: string; email?: string | null },
  address: string,
  now: number,
): Promise<void> {
  const { count } = await services.limits.passwordFailuresPerAccount.hit(account.name, now);
  const { max, windowMs } = signInLimits.passwordFailuresPerAccount;
  if (count !== max) return;
  if (!account.email) {
    services.log(`${count} failed sign-ins to ${account.name}; the account has no address to tell`);
    return;
  }
  const mail = {
    to: { name: account.name, email: account.email },
    failures: count,
    windowMinutes: windowMs / 60_000,
    from: address,
  };
  const task = services.mailer
    .sendSignInAlert(mail)
    .catch((error: unknown) => services.log(`the sign-in alert to ${account.name} failed`, error));
  services.background.add(task);
  void task.finally(() => services.background.delete(task));
}

/** Spends a mailed link (once, within its lifetime) and starts the unit's session; null if it cannot. */
export async function signInWithLink(
  services: WebServices,
  c: Context,
  token: string,
): Promise<Principal | null> {
  const now = services.clock();
  const used = await services.store.useSignInLink(sha256(token), now);
  if (!used) return null;
  const principal: Principal = { kind: 'unit', unitCode: used.unitCode };
  await startSession(c, services.cookies, services.store, principal, now);
  await recordWebEvent(c, services, principal, { kind: 'signIn', detail: { with: 'link' } });
  return principal;
}
