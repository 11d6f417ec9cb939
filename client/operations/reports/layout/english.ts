// The English edition's page: a plain A4 report in Times New Roman, for readers abroad. It is a
// translation for information; the Chinese edition is the official document.
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { type HeadingLevel, mm, type ReportLayout, styledParagraphs } from './reportLayout.ts';

const font = 'Times New Roman';
const margin = { top: mm(25), bottom: mm(25), left: mm(25), right: mm(25) };
const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const numbering: Record<HeadingLevel, (n: number) => string> = {
  1: (n) => `${n}. `,
  2: (n) => `(${String.fromCharCode(96 + n)}) `,
  3: (n) => `${roman[n - 1] ?? n}. `,
  4: (n) => `(${roman[n - 1] ?? n}) `,
};

const heading = (level: HeadingLevel) => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font, size: level === 1 ? 26 : 24, bold: level <= 2, italics: level > 2, color: '000000' },
  paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } },
});

const month = (m: number) =>
  new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });

export const englishLayout: ReportLayout = {
  lang: 'en',
  textWidth: 11906 - margin.left - margin.right,
  styles: {
    default: {
      document: { run: { font, size: 24, color: '000000' }, paragraph: { spacing: { line: 300 } } },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
    },
    paragraphStyles: [
      {
        id: 'DocumentTitle',
        name: 'Document title',
        basedOn: 'Normal',
        run: { size: 32, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 120 } },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        run: { italics: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 240 } },
      },
      { id: 'BodyText', name: 'Body text', basedOn: 'Normal', paragraph: { spacing: { after: 120 } } },
      {
        id: 'TableHeader',
        name: 'Table header',
        basedOn: 'Normal',
        run: { size: 20, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240 } },
      },
      {
        id: 'TableText',
        name: 'Table text',
        basedOn: 'Normal',
        run: { size: 20 },
        paragraph: { spacing: { line: 240 } },
      },
    ],
  },
  section: { page: { size: { width: 11906, height: 16838 }, margin: { ...margin, footer: mm(12) } } },
  footers: {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT] })],
        }),
      ],
    }),
  },
  evenAndOddFooters: false,
  finish: (docx) => docx,
  ...styledParagraphs(numbering),
  signOff: (issuer, isoDate) => {
    const [y, m, d] = isoDate.split('-').map(Number);
    return [
      new Paragraph({ children: [] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(issuer)] }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun(`${d} ${month(m ?? 1)} ${y}`)],
      }),
    ];
  },
};
