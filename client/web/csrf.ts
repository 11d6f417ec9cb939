// The CSRF check's reading of a form: the `_csrf` field is found in the first bytes of the body, read from a
// copy of the stream, so that a large form (an upload) is never parsed to refuse it. The pages put `_csrf`
// first in every form (pages/forms.ts), and browsers send fields in the order of the form, so it is there.
import type { Context } from 'hono';

/** How far into a form's body `_csrf` is looked for. */
export const csrfFieldWithinBytes = 8 * 1024;

const fieldName = '_csrf';

/** The first `maxBytes` of the body, from a copy: the request's own body stays whole for its handler. */
async function prefix(request: Request, maxBytes: number): Promise<string> {
  const body = request.clone().body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    // Not awaited: a tee's branch settles its cancel only once the other branch ends too. Cancelled, this copy
    // keeps none of what the handler reads later.
    reader.cancel().catch(() => {});
  }
  // The token is ASCII; latin1 maps each byte to one character, whatever the rest of the body holds.
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('latin1');
}

/** `_csrf` of a multipart body: a part named so whose value ends within the prefix. */
function fromMultipart(text: string, contentType: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  if (delimiter === '--') return undefined;
  const named = new RegExp(`^content-disposition:\\s*form-data;\\s*name="${fieldName}"\\s*$`, 'im');
  let at = text.indexOf(`${delimiter}\r\n`);
  while (at >= 0) {
    const start = at + delimiter.length + 2;
    const split = text.indexOf('\r\n\r\n', start);
    const end = text.indexOf(`\r\n${delimiter}`, start);
    if (split < 0 || end < split) return undefined; // the part goes on past the prefix
    if (named.test(text.slice(start, split))) return text.slice(split + 4, end);
    at = text.startsWith(`${delimiter}\r\n`, end + 2) ? end + 2 : -1;
  }
  return undefined;
}

/** `_csrf` of a urlencoded body, among the fields that end within the prefix. */
function fromUrlEncoded(text: string, complete: boolean): string | undefined {
  const fields = text.split('&');
  if (!complete) fields.pop(); // the last may be cut short
  for (const field of fields) {
    const [name, value = ''] = field.split('=');
    if (name === fieldName) return decodeURIComponent(value.replaceAll('+', ' '));
  }
  return undefined;
}

/** The `_csrf` field a form sent, read from the start of its body; undefined for other bodies. */
export async function csrfFormField(c: Context): Promise<string | undefined> {
  const contentType = c.req.header('content-type') ?? '';
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (!multipart && !/^application\/x-www-form-urlencoded/i.test(contentType)) return undefined;
  const text = await prefix(c.req.raw, csrfFieldWithinBytes);
  try {
    return multipart
      ? fromMultipart(text, contentType)
      : fromUrlEncoded(text, text.length < csrfFieldWithinBytes);
  } catch {
    return undefined; // a malformed escape: no token
  }
}
