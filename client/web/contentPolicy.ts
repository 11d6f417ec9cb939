// The Content-Security-Policy of every answer: nothing may load or run but what the pages are made of. They
// run no script at all, and their only styles are the two stylesheets inlined in them, allowed by their
// SHA-256 (no 'unsafe-inline', no style attributes); forms post only to this origin, and no other site may
// frame a page.
import { createHash } from 'node:crypto';
import { docsStylesheet } from './docsPage.ts';
import { stylesheet } from './pages/style.ts';

const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

export const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${[stylesheet, docsStylesheet].map(hashOf).join(' ')}`,
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
