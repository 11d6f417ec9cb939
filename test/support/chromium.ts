// Debian's Chromium for the browser tests, driven by playwright-core (which ships no browser of its own).
// CHROMIUM_PATH names another build; without one the browser tests skip, saying why (CI installs it).
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const chromiumPath: string | undefined = [process.env.CHROMIUM_PATH, ...candidates].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

export const chromiumMissing =
  'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH): the browser tests are skipped';

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error(chromiumMissing);
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
}
