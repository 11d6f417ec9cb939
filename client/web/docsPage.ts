// The API's docs page: the operations of the OpenAPI document, with who may call each and what they take.
// Plain HTML from the document itself, nothing fetched from elsewhere (the servers may have no Internet).
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

interface OperationLike {
  summary?: string;
  tags?: string[];
  'x-authorization'?: string;
  description?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}
export interface OpenApiLike {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, OperationLike>>;
}

/** The docs page's own few rules, inlined (their hash is in the Content-Security-Policy, contentPolicy.ts). */
export const docsStylesheet = `
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #ddd; padding: .35rem .6rem; text-align: left; vertical-align: top; }
code { font-size: 13px; }
`;

export function docsPage(document: OpenApiLike): HtmlEscapedString | Promise<HtmlEscapedString> {
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(
      ([method, op]) => html`<tr>
        <td><code>${method.toUpperCase()}</code></td>
        <td><code>${path}</code></td>
        <td>${op.summary ?? ''}</td>
        <td><code>${op['x-authorization'] ?? '?'}</code></td>
        <td>${Object.keys(op.responses ?? {}).join(' ')}</td>
      </tr>`,
    ),
  );
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${document.info?.title ?? 'API'} — docs</title>
<style>${raw(docsStylesheet)}</style>
</head>
<body>
<h1>${document.info?.title ?? 'API'} <small>${document.info?.version ?? ''}</small></h1>
<p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are
<code>application/problem+json</code> (type, title, status, detail, errors[field, message]). Every POST needs
the <code>x-csrf-token</code> header from <code>GET /api/session/csrf</code>.</p>
<table>
<thead><tr><th>method</th><th>path</th><th>what</th><th>who may</th><th>answers</th></tr></thead>
<tbody>${raw(rows.join(''))}</tbody>
</table>
</body>
</html>`;
}
