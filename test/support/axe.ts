// axe-core in a page, at WCAG 2.2 AA, and the phone checks: what a screen-reader user and a liaison on a
// 390 px phone meet. The page's CSP forbids scripts, so the contexts that run axe bypass it (the test's
// script only; the pages themselves still carry the policy).

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe's violations of WCAG 2.2 A and AA on the page as it stands, each with up to three of its nodes. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(await axeSource);
  const results = await page.evaluate(
    (tags) =>
      (
        globalThis as unknown as {
          axe: {
            run(options: unknown): Promise<{
              violations: {
                id: string;
                impact: string | null;
                help: string;
                nodes: { target: unknown[] }[];
              }[];
            }>;
          };
        }
      ).axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    wcag22aa,
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/**
 * How far the page is wider than its viewport (0 when nothing scrolls sideways), and the outermost elements
 * that reach past its right edge, to say what to fix.
 */
export function overflowX(page: Page): Promise<{ by: number; past: string[] }> {
  return page.evaluate(() => {
    type Element = {
      tagName: string;
      className: string;
      parentElement: Element | null;
      getBoundingClientRect(): { right: number };
    };
    const document = (
      globalThis as unknown as {
        document: {
          documentElement: { scrollWidth: number; clientWidth: number };
          querySelectorAll(selector: string): Element[];
        };
      }
    ).document;
    const root = document.documentElement;
    const past = (e: Element | null) => e !== null && e.getBoundingClientRect().right > root.clientWidth + 1;
    const outermost = [...document.querySelectorAll('body *')].filter(
      (e) => past(e) && !past(e.parentElement) && e.tagName !== 'BODY',
    );
    return {
      by: root.scrollWidth - root.clientWidth,
      past: outermost.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    };
  });
}
