// A unit's mail history as an .xlsx workbook: the notices the operator panel's filter keeps, in its order,
// with when, what, for which deadline, to whom and how it ended; filters on the header row.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { formatShanghaiDateTime } from '../../../domain/calendar.ts';
import { notificationKindLabels } from '../../../domain/notices/notificationLabels.ts';
import { info, type SheetSpec } from '../../../domain/spreadsheets/column.ts';
import type { MailEntry } from '../mailHistory.ts';
import type { MailListQuery } from '../mailList.ts';
import { addExportSheet, addFilter, finish } from './exportSheet.ts';

export const mailListSheet: SheetSpec = {
  name: { zh: '通知记录', en: 'Mail history' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”通知记录`,
    en: `${year} IP Service Campaign — mail history`,
  }),
  schema: z.unknown(),
  columns: [
    info('at', { zh: '时间（北京时间）', en: 'When (Beijing time)' }, 18),
    info('kind', { zh: '通知', en: 'Notice' }, 24),
    info('deadline', { zh: '截止日期', en: 'Deadline' }, 12),
    info('to', { zh: '收件人', en: 'To' }, 30),
    info('cc', { zh: '抄送', en: 'Cc' }, 30),
    info('outcome', { zh: '结果', en: 'Outcome' }, 12),
    info('failure', { zh: '未送达原因', en: 'Why not delivered' }, 30),
    info('key', { zh: '业务键', en: 'Business key' }, 40),
  ],
  templateRows: 0,
  rules: {},
};

export async function buildMailListExport(
  unit: { year: number; unitCode: string; nameZh: string },
  query: MailListQuery,
  mail: readonly MailEntry[],
  exportedOn: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const rows = mail.map((m) => {
    const kind = notificationKindLabels[m.kind];
    return [
      formatShanghaiDateTime(m.at),
      `${kind.zh} ${kind.en}`,
      m.deadline,
      m.to.join(', '),
      m.cc.join(', ') || null,
      m.outcome,
      m.failure,
      m.key,
    ];
  });
  const filter = [query.kind && `通知 notice ${query.kind}`, query.outcome && `结果 outcome ${query.outcome}`]
    .filter(Boolean)
    .join('; ');
  const note = `　单位 unit ${unit.unitCode} ${unit.nameZh}${filter ? `　筛选 filter: ${filter}` : ''}`;
  const title = mailListSheet.title(unit.year);
  const sheet = addExportSheet(workbook, mailListSheet, title, exportedOn, rows, note);
  addFilter(sheet, mailListSheet.columns.length, Math.max(rows.length, 1));
  return finish(workbook);
}
