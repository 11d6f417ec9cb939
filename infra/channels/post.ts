// One webhook post, and where it ended: answered, never reached the platform, or broken at a point after which
// the platform may have posted the message to the group (as SMTP's broken DATA phase in activities/mail.ts).

export type PostOutcome =
  | { kind: 'answered'; status: number; json: unknown }
  /** The request never reached the platform (refused connection, unknown host): nothing was posted. */
  | { kind: 'unreached'; message: string }
  /** Sent, but the answer never came whole: the platform may have posted it. */
  | { kind: 'broken'; message: string };

/** Before any byte of the request left: undici's codes for a connection that was never made. */
const notConnected = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Short enough that a post ends well inside the ledger's 30-second claim, so the claim needs no renewal. */
export const postTimeoutMs = 10_000;

/** `headers`: our own beside the content type, which the platforms ignore. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = postTimeoutMs,
): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = cause?.message ?? (error as Error).message;
    if (cause?.code && notConnected.has(cause.code)) return { kind: 'unreached', message };
    return { kind: 'broken', message };
  }
  try {
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A gateway's HTML error page: the status says enough.
      if (response.ok)
        return { kind: 'broken', message: `HTTP ${response.status} without JSON: ${text.slice(0, 200)}` };
    }
    return { kind: 'answered', status: response.status, json };
  } catch (error) {
    return { kind: 'broken', message: (error as Error).message };
  }
}
