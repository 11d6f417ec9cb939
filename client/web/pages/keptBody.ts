// A page's body rendered once per read for everyone who sees the same page (its language, whether they may
// act, its query), then given to each reader with their own CSRF token in its forms: under load the
// dashboard costs its frame, not its tiles and forms again for every request. For bodies with nothing
// else of the reader's in them (no per-render form ids, no form errors). The body is kept as UTF-8 and sent
// as it is: joining and encoding a 100 kB page anew for each reader was most of what a page cost under load.
import type { Context } from 'hono';
import type { WebServices } from '../routeSpec.ts';
import type { WebEnv } from '../rules.ts';
import { csrfToken } from '../session.ts';
import type { Html } from './html.ts';

/** Bodies kept per app; past this many (years × pages × filters), the oldest are dropped. */
const maxBodies = 500;
/** A body cut at the token of the reader it was rendered for: joined again with each reader's own. */
const kept = new WeakMap<WebServices, Map<string, { version: string; parts: Promise<Buffer[]> }>>();

/** A kept body for one reader: its parts, to be sent with the reader's token between them. */
export class ReaderBody {
  constructor(
    private readonly parts: readonly Buffer[],
    private readonly token: Buffer,
  ) {}

  /** The whole page, `head` and `tail` being the frame around this body. */
  between(head: string, tail: string): Uint8Array<ArrayBuffer> {
    const pieces = [
      Buffer.from(head),
      ...this.parts.flatMap((part, i) => (i === 0 ? [part] : [this.token, part])),
    ];
    pieces.push(Buffer.from(tail));
    // Buffer.concat allocates an ordinary ArrayBuffer, never a shared one.
    return Buffer.concat(pieces) as Uint8Array<ArrayBuffer>;
  }
}

/** The body for `key` as rendered from the read `version` (the snapshots' read times). */
export async function keptBody(
  c: Context<WebEnv>,
  services: WebServices,
  key: string,
  version: string,
  render: () => Html,
): Promise<ReaderBody> {
  const token = csrfToken(c, services.cookies);
  let bodies = kept.get(services);
  if (!bodies) {
    bodies = new Map();
    kept.set(services, bodies);
  }
  let found = bodies.get(key);
  if (found?.version !== version) {
    // Rendered once for a version, by the first reader to ask: the readers who come while it renders wait
    // for it rather than render it again (a new read lands for hundreds of readers at once under load).
    const rendering = Promise.resolve(render()).then((body) =>
      String(body)
        .split(token)
        .map((part) => Buffer.from(part)),
    );
    found = { version, parts: rendering };
    const mine = found;
    bodies.delete(key);
    if (bodies.size >= maxBodies) bodies.delete(bodies.keys().next().value as string);
    bodies.set(key, found);
    rendering.catch(() => {
      if (bodies.get(key) === mine) bodies.delete(key);
    });
  }
  return new ReaderBody(await found.parts, Buffer.from(token));
}
