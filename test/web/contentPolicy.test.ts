// The Content-Security-Policy: on every answer, no script allowed, styles only by hash; and the pages keep to
// it (every <style> they inline is one the policy names, no style attributes, no script).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';
import { Browser, type WebHarness, webHarness } from './support.ts';

let sink: MailSink;
let harness: WebHarness;

beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
  harness = await webHarness({ sink });
});
afterAll(async () => {
  await harness?.close();
  await sink?.close();
});

const directives = (header: string | null) =>
  new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([n, ...v]) => [n, v]),
  );

describe('the Content-Security-Policy', () => {
  it('allows no script and only the hashed stylesheets, on pages, the API docs, problems and JSON alike', async () => {
    const browser = await new Browser(harness.web).start();
    for (const path of ['/sign-in', '/api/docs', '/campaigns/2031', '/nowhere', '/api/session/csrf']) {
      const response = await browser.request('GET', path);
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('default-src'), path).toEqual(["'none'"]);
      expect(policy.get('script-src'), path).toBeUndefined(); // so default-src 'none' holds for scripts
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(policy.get('style-src')?.join(' '), path).not.toMatch(/unsafe/);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      const text = await response.text();
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      expect(text, path).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
      const styles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
      expect(styles.length, path).toBeGreaterThan(0);
      for (const css of styles) {
        const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
        expect(policy.get('style-src'), path).toContain(hash);
      }
    }
  });

  it('sends the same headers with refusals: signed out, too large, no such route', async () => {
    const browser = await new Browser(harness.web).start();
    const refusals = [
      await browser.request('GET', '/api/campaigns/2031/audit'),
      await browser.request('POST', '/api/session/password', { name: 'x'.repeat(3 * 1024 * 1024) }),
      await browser.request('DELETE', '/campaigns/2031'),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 413, 404]);
    for (const response of refusals) {
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('server-timing')).toMatch(/^app;dur=\d/);
    }
  });

  it('keeps the pages free of style attributes and scripts in their source', async () => {
    const root = join(import.meta.dirname, '../../client/web');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const offending: string[] = [];
    for (const file of files) {
      const source = await readFile(join(root, file), 'utf8');
      if (/\sstyle="|<script/.test(source)) offending.push(file);
    }
    expect(offending).toEqual([]);
  });
});
