// Renders a Word report or a workbook to PNG pages to look at: docx/xlsx → PDF (LibreOffice) → PNG
// (pdftoppm).
//   npx tsx client/operations/reports/renderReport.ts --sample --out docs/        the demonstration year's report and
//                                                                     the demands template's first page
//   npx tsx client/operations/reports/renderReport.ts report.docx --out /tmp/png  any report or workbook
// Needs: apt-get install libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { buildTemplate } from '../spreadsheets/template.ts';
import { convertWithLibreOffice } from './libreOffice.ts';
import { buildNationalReport } from './nationalReport.ts';
import { sampleReportData } from './sampleData.ts';

// Without the Windows fonts, let the nearest installed face stand in for each: serif for the Song and
// Fangsong faces (方正小标宋简体 bold), sans for 黑体, a Kai face where there is one, so the pages look like
// what an office prints.
const alias = (family: string, prefer: string[]) =>
  `  <alias binding="same"><family>${family}</family><prefer>${prefer.map((f) => `<family>${f}</family>`).join('')}</prefer></alias>`;
const fontAliases = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[
  alias('方正小标宋简体', ['Noto Serif CJK SC']),
  ...['仿宋_GB2312', '仿宋', '宋体'].map((f) => alias(f, ['Noto Serif CJK SC'])),
  ...['楷体_GB2312', '楷体'].map((f) => alias(f, ['AR PL UKai CN', 'Noto Serif CJK SC'])),
  alias('黑体', ['Noto Sans CJK SC']),
  alias('Times New Roman', ['Liberation Serif', 'DejaVu Serif']),
].join('\n')}
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="weight" mode="assign"><const>bold</const></edit></match>
</fontconfig>
`;

/**
 * PNG pages of `file` (.docx, .xlsx: whatever LibreOffice prints) in `outDir`, named <file name>-<page>.png;
 * with `firstPageOnly`, the first page alone as <file name>.png. Returns their paths.
 */
export async function renderToPng(
  file: string,
  outDir: string,
  dpi = 80,
  options: { firstPageOnly?: boolean } = {},
): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'wlx-render-'));
  try {
    const fontsConf = join(work, 'fonts.conf');
    await writeFile(fontsConf, fontAliases);
    const pdf = await convertWithLibreOffice(file, 'pdf', work, undefined, { FONTCONFIG_FILE: fontsConf });
    await mkdir(outDir, { recursive: true });
    const prefix = join(outDir, basename(file, extname(file)));
    const pages = options.firstPageOnly ? ['-singlefile'] : [];
    await new Promise<void>((done, fail) =>
      execFile('pdftoppm', ['-r', String(dpi), ...pages, '-png', pdf, prefix], (error) =>
        error ? fail(error) : done(),
      ),
    );
    if (options.firstPageOnly) return [`${prefix}.png`];
    const name = basename(prefix);
    return (await readdir(outDir))
      .filter((f) => f.startsWith(`${name}-`) && /^-\d+\.png$/.test(f.slice(name.length)))
      .sort()
      .map((f) => join(outDir, f));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** docs/demands-template.png: the first printed page of `wlx template demands --year 2027 --unit 11`. */
async function renderSampleTemplate(outDir: string, dpi: number): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'wlx-template-'));
  try {
    const xlsx = join(work, 'demands-template.xlsx');
    const unit = findUnit(defaultRegistry(), '11');
    await writeFile(xlsx, await buildTemplate('demands', { year: 2027, unit }));
    return await renderToPng(xlsx, outDir, dpi, { firstPageOnly: true });
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
  let file = positionals[0];
  const pngs: string[] = [];
  if (values.sample) {
    await mkdir(outDir, { recursive: true });
    file = join(outDir, 'national-report-sample.docx');
    await writeFile(file, await buildNationalReport(sampleReportData()));
    const english = join(outDir, 'national-report-sample-en.docx');
    await writeFile(english, await buildNationalReport(sampleReportData(), 'en'));
    pngs.push(...(await renderToPng(english, outDir, Number(values.dpi ?? 80))));
    // The template's table is scaled down to the page's width: its text needs more dots than the report's.
    pngs.push(...(await renderSampleTemplate(outDir, Number(values.dpi ?? 150))));
  }
  if (!file) throw new Error('give a .docx or .xlsx file, or --sample');
  pngs.push(...(await renderToPng(resolve(file), outDir, Number(values.dpi ?? 80))));
  for (const png of pngs) process.stdout.write(`${png}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  await main();
}
