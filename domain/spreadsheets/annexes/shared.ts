// Columns and hints the demand list and the activity records share.
import { type Bilingual, formLabels } from '../../labels.ts';
import { forms } from '../../submissions.ts';
import { choice, column, keyTask } from '../column.ts';

export const pickFromList: Bilingual = { zh: '从下拉列表选择', en: 'pick from the list' };

export const keyTaskColumn = column('keyTask', { zh: '重点任务', en: 'Key task' }, keyTask, {
  aliases: ['重点任务编号', '关键任务', '任务'],
  hint: { zh: '从下拉列表选择，或填 1–5', en: 'pick from the list, or type 1–5' },
  width: 30,
});

export function formColumn<K extends string>(key: K, header: Bilingual, aliases: readonly string[]) {
  return column(key, header, choice(forms, formLabels), {
    aliases,
    hint: { zh: '线上、线下或线上线下结合', en: 'online, offline or both' },
    width: 26,
  });
}
