// The Chinese edition's page: a 公文 by GB/T 9704-2012 (党政机关公文格式). A4; 版心 156 mm × 225 mm with
// 天头 37 mm and 订口 28 mm, so margins of 37/35/28/26 mm; 22 lines of 28 characters (a line and character
// grid); title in 2号 方正小标宋简体; text in 3号 仿宋_GB2312; headings 一、 in 黑体, （一） in 楷体_GB2312,
// 1. and （1） in 仿宋_GB2312; page numbers "— 1 —" in 4号 宋体, 7 mm below the 版心, odd pages right and
// even pages left, one character in. Where an office lacks a face, the font table names its fallback.
import { AlignmentType, DocumentGridType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { offGridStyles, rewriteParts } from './docxParts.ts';
import { officialFontTable } from './fontTable.ts';
import { type HeadingLevel, mm, type ReportLayout, styledParagraphs } from './reportLayout.ts';

export const officialFonts = {
  title: '方正小标宋简体',
  text: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt. */
export const officialSizes = { title: 44, text: 32, pageNumber: 28, table: 21 } as const;

const page = { width: 11906, height: 16838 };
const margin = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const textWidth = page.width - margin.left - margin.right;
const textHeight = page.height - margin.top - margin.bottom;
/** 22 lines fill the 225 mm 版心: 579 twips (28.95 pt) a line. */
export const linePitch = Math.floor(textHeight / 22);
/** 28 characters fill the 156 mm line: the grid's pitch less the 3号 text's 16 pt, in 4096ths of a point. */
export const charSpace = Math.floor((textWidth / 20 / 28 - officialSizes.text / 2) * 4096);
/** Twips each character gives up so that a 3号 character fits one cell of the grid. */
const condensed = -5;
/** One character of the grid, in twips. */
const char = textWidth / 28;

const face = (eastAsia: string) => ({ ascii: officialFonts.latin, hAnsi: officialFonts.latin, eastAsia });
const onGrid = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
// The title, tables and page numbers are not text of the grid: their characters keep their own width.
const offGrid = { snapToGrid: false };
// Exact spacing keeps tables and the footer off the grid: 15 pt lines for 五号 text.
const tableLine = { line: 300, lineRule: LineRuleType.EXACT };
const twoCharIndent = { firstLine: Math.round(2 * char), firstLineChars: 200 };

const headingStyle = (level: HeadingLevel, font: string) => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: face(font), size: officialSizes.text, bold: false, color: '000000' },
  paragraph: { keepNext: true, keepLines: true, spacing: onGrid, indent: twoCharIndent },
});

const numbering: Record<HeadingLevel, (n: number) => string> = {
  1: (n) => `${chineseNumeral(n)}、`,
  2: (n) => `（${chineseNumeral(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 21 → 二十一 (up to 99, more than a report's sections). */
export function chineseNumeral(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? digits[tens] : ''}十${n % 10 ? digits[n % 10] : ''}`;
}

/** Characters a line takes: a Chinese character one, a digit or Latin letter half. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

const pageNumber = (alignment: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        style: 'PageNumber',
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字: one 4号 character, 14 pt.
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });

export const officialLayout: ReportLayout = {
  lang: 'zh',
  textWidth,
  styles: {
    default: {
      document: {
        run: { font: face(officialFonts.text), size: officialSizes.text, color: '000000' },
        paragraph: { spacing: onGrid },
      },
      heading1: headingStyle(1, officialFonts.heading1),
      heading2: headingStyle(2, officialFonts.heading2),
      heading3: headingStyle(3, officialFonts.text),
      heading4: headingStyle(4, officialFonts.text),
    },
    paragraphStyles: [
      // Normal names the text's face and size itself: both Word and LibreOffice take the grid's character
      // from it. LibreOffice gives a character wider than the grid's 15.8 pt two cells (14 to a line), so
      // the text is condensed by a quarter point: 15.75 pt, 28 to a line in either.
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: face(officialFonts.text), size: officialSizes.text, characterSpacing: condensed },
      },
      {
        id: 'DocumentTitle',
        name: '公文标题 Document title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: face(officialFonts.title), size: officialSizes.title, ...offGrid },
        // 标题下空一行: one line of the grid after it.
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { ...onGrid, after: linePitch },
        },
      },
      {
        id: 'Subtitle',
        name: '题注 Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: face(officialFonts.heading2) },
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { ...onGrid, after: linePitch },
        },
      },
      {
        id: 'BodyText',
        name: '正文 Body text',
        basedOn: 'Normal',
        run: {},
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: twoCharIndent },
      },
      {
        id: 'TableHeader',
        name: '表头 Table header',
        basedOn: 'Normal',
        run: { font: face(officialFonts.heading1), size: officialSizes.table, ...offGrid },
        paragraph: { alignment: AlignmentType.CENTER, spacing: tableLine, keepNext: true },
      },
      {
        id: 'TableText',
        name: '表格文字 Table text',
        basedOn: 'Normal',
        run: { size: officialSizes.table, ...offGrid },
        paragraph: { spacing: tableLine },
      },
      {
        id: 'PageNumber',
        name: '页码 Page number',
        basedOn: 'Normal',
        run: { font: face(officialFonts.pageNumber), size: officialSizes.pageNumber, ...offGrid },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT } },
      },
    ],
  },
  section: {
    page: { size: page, margin: { ...margin, header: mm(15), footer: mm(21.6) } },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch, charSpace },
  },
  footers: { default: pageNumber('right'), even: pageNumber('left') },
  evenAndOddFooters: true,
  finish: (docx) =>
    rewriteParts(docx, {
      'word/styles.xml': (xml) =>
        offGridStyles(xml, ['DocumentTitle', 'TableHeader', 'TableText', 'PageNumber']),
      'word/fontTable.xml': () => officialFontTable,
    }),
  ...styledParagraphs(numbering),
  signOff: (issuer, isoDate) => {
    const [y, m, d] = isoDate.split('-').map(Number);
    const date = `${y}年${m}月${d}日`;
    // 成文日期右空二字；发文机关署名在其上，首字比日期首字左移二字 (GB/T 9704 7.3.5.2).
    const issuerIndent = Math.round((4 + width(date) - width(issuer)) * char);
    return [
      new Paragraph({ children: [] }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: issuerIndent },
        children: [new TextRun(issuer)],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(2 * char) },
        children: [new TextRun(date)],
      }),
    ];
  },
};
