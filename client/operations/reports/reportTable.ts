// A table of the national report: a header row repeated on every page, rows that never break across
// pages, sized to the layout's text width, in the layout's table styles.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ReportLayout } from './layout/reportLayout.ts';

export type Align = 'left' | 'center' | 'right';
const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

/** `widths` in percent of the text width. */
export function reportTable(
  layout: ReportLayout,
  header: string[],
  rows: string[][],
  widths: number[],
  align: Align[],
): Table {
  const twips = widths.map((w) => Math.round((layout.textWidth * w) / 100));
  const cell = (text: string, i: number, style: string, alignment: Align) =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      width: { size: twips[i] ?? 0, type: WidthType.DXA },
      children: [new Paragraph({ style, alignment: alignments[alignment], children: [new TextRun(text)] })],
    });
  return new Table({
    width: { size: layout.textWidth, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, i, layout.tableStyles.header, 'center')),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, i, layout.tableStyles.cell, align[i] ?? 'center')),
          }),
      ),
    ],
  });
}
