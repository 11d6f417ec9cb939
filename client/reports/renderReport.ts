// Renders a Word report to PNG pages to look at: docx → PDF (LibreOffice) → PNG (pdftoppm).
//   npx tsx client/reports/renderReport.ts --sample --out docs/        the demonstration year
//   npx tsx client/reports/renderReport.ts report.docx --out /tmp/png  any report
// Needs: apt-get install libreoffice-writer poppler-utils fonts-noto-cjk
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { convertWithLibreOffice } from './libreOffice.ts';
import { buildNationalReport } from './nationalReport.ts';
import { sampleReportData } from './sampleData.ts';

// Without the Windows fonts, let the nearest Noto CJK face stand in for each: serif for 仿宋 and 宋体,
// sans for 黑体, so the pages look like what an office prints.
const fontAliases = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
`;

/** PNG pages of `docx` in `outDir`, named <docx name>-<page>.png; returns their paths. */
export async function renderToPng(docx: string, outDir: string, dpi = 80): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'wlx-render-'));
  try {
    const fontsConf = join(work, 'fonts.conf');
    await writeFile(fontsConf, fontAliases);
    const pdf = await convertWithLibreOffice(docx, 'pdf', work, undefined, { FONTCONFIG_FILE: fontsConf });
    await mkdir(outDir, { recursive: true });
    const prefix = join(outDir, basename(docx, extname(docx)));
    await new Promise<void>((done, fail) =>
      execFile('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix], (error) =>
        error ? fail(error) : done(),
      ),
    );
    const name = basename(prefix);
    return (await readdir(outDir))
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => join(outDir, f));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      sample: { type: 'boolean', default: false },
      out: { type: 'string' },
      dpi: { type: 'string' },
    },
  });
  const outDir = resolve(values.out ?? '.');
  let docx = positionals[0];
  if (values.sample) {
    await mkdir(outDir, { recursive: true });
    docx = join(outDir, 'national-report-sample.docx');
    await writeFile(docx, await buildNationalReport(sampleReportData()));
  }
  if (!docx) throw new Error('give a .docx file, or --sample');
  for (const png of await renderToPng(resolve(docx), outDir, Number(values.dpi ?? 80)))
    process.stdout.write(`${png}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  await main();
}
