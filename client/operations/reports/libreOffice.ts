// LibreOffice, when installed, converts between office formats (CSV → xlsx, docx → PDF). Each run gets
// its own profile folder, so conversions can run side by side and never touch the user's own profile.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary on PATH, or null (Debian: apt-get install libreoffice-calc libreoffice-writer). */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export const sofficeMissing =
  'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc libreoffice-writer fonts-noto-cjk';

/**
 * Converts `file` to `format` ("xlsx", "pdf", ...) into `outDir`; returns the new file's path.
 * `inputFilter` names LibreOffice's import filter with its options, e.g. CSV:44,34,76,1 (comma, quote, UTF-8, from row 1).
 */
export async function convertWithLibreOffice(
  file: string,
  format: string,
  outDir: string,
  inputFilter?: string,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error(sofficeMissing);
  const profile = await mkdtemp(join(tmpdir(), 'wlx-soffice-'));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      ...(inputFilter ? [`--infilter=${inputFilter}`] : []),
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        args,
        { timeout: 120_000, env: { ...process.env, ...env } },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`soffice failed: ${error.message} ${stderr}`)) : resolve(),
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const out = join(outDir, `${basename(file, extname(file))}.${format.split(':')[0]}`);
  if (!existsSync(out)) throw new Error(`soffice wrote no ${out}`);
  return out;
}
