// A page's body rendered once per read for everyone who sees the same page (its language, whether they may
// act, its query), then given to each reader with their own CSRF token in its forms: under load the
// dashboard costs its frame, not its tiles and forms again for every request. For bodies with nothing
// else of the reader's in them (no per-render form ids, no form errors).
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import { csrfToken } from '../session.ts';
import type { Html } from './html.ts';

/** Bodies kept per app; past this many (years × pages × filters), the oldest are dropped. */
const maxBodies = 500;
/** A body cut at the token of the reader it was rendered for: joined again with each reader's own. */
const kept = new WeakMap<WebServices, Map<string, { version: string; parts: string[] }>>();

/** The body for `key` as rendered from the read `version` (the snapshots' read times). */
export async function keptBody(
  c: Context<WebEnv>,
  services: WebServices,
  key: string,
  version: string,
  render: () => Html,
): Promise<Html> {
  const token = csrfToken(c, services.cookies);
  let bodies = kept.get(services);
  if (!bodies) {
    bodies = new Map();
    kept.set(services, bodies);
  }
  const found = bodies.get(key);
  if (found?.version === version) return raw(found.parts.join(token));
  const body = String(await render());
  bodies.delete(key);
  if (bodies.size >= maxBodies) bodies.delete(bodies.keys().next().value as string);
  bodies.set(key, { version, parts: body.split(token) });
  return raw(body);
}
