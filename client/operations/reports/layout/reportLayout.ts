// What the national report asks of a page layout: the Chinese edition is a 公文 by GB/T 9704-2012
// (official.ts), the English edition a plain A4 document (english.ts). The report's wording is one
// function of the language; the look is the layout's.
import { type Footer, type ISectionPropertiesOptions, type IStylesOptions, Paragraph, TextRun } from 'docx';

export type ReportLanguage = 'zh' | 'en';
export const reportLanguages = ['zh', 'en'] as const satisfies readonly ReportLanguage[];

/** Heading levels 一、（一）1.（1） in the Chinese edition; 1. (a) i. (i) in the English. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface ReportLayout {
  lang: ReportLanguage;
  styles: IStylesOptions;
  section: ISectionPropertiesOptions;
  footers: { default: Footer; even?: Footer };
  evenAndOddFooters: boolean;
  /** The package as written by docx, finished where docx cannot say what the layout needs. */
  finish(docx: Buffer): Buffer;
  /** Twentieths of a point between the side margins: what tables are sized to. */
  textWidth: number;
  title(text: string): Paragraph;
  subtitle(text: string): Paragraph;
  heading(level: HeadingLevel, n: number, text: string): Paragraph;
  /** A paragraph of running text; `keepNext` holds a table's lead-in on the table's page. */
  body(text: string, options?: { keepNext?: boolean }): Paragraph;
  /** The table styles' ids: header row and body cells. */
  tableStyles: { header: string; cell: string };
  /** The issuer and the date at the end (发文机关署名, 成文日期). */
  signOff(issuer: string, isoDate: string): Paragraph[];
}

/** Millimetres in twentieths of a point (twips). */
export const mm = (n: number) => Math.round((n / 25.4) * 1440);

/**
 * The paragraphs both editions make the same way, by the style ids both stylesheets define: each layout gives
 * its own heading numbers (一、 or 1.) and the look lives in its styles.
 */
export function styledParagraphs(
  numbering: Record<HeadingLevel, (n: number) => string>,
): Pick<ReportLayout, 'title' | 'subtitle' | 'heading' | 'body' | 'tableStyles'> {
  return {
    title: (text) => new Paragraph({ style: 'DocumentTitle', children: [new TextRun(text)] }),
    subtitle: (text) => new Paragraph({ style: 'Subtitle', children: [new TextRun(text)] }),
    heading: (level, n, text) =>
      new Paragraph({ style: `Heading${level}`, children: [new TextRun(`${numbering[level](n)}${text}`)] }),
    body: (text, options = {}) =>
      new Paragraph({
        style: 'BodyText',
        keepNext: options.keepNext ?? false,
        children: [new TextRun(text)],
      }),
    tableStyles: { header: 'TableHeader', cell: 'TableText' },
  };
}
