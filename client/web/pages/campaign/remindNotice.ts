// What a reminder's outcome says on the page it returns to: the counts, and each failure with its reason.
import type { RemindOutcome } from '../../../operations/remindUnits.ts';

/** The outcome counts, and each failure with its reason; for one unit, the unit too. */
export function remindNotice(outcomes: readonly RemindOutcome[]): {
  zh: string;
  en: string;
  failed: boolean;
} {
  const of = <K extends RemindOutcome['outcome']>(kind: K) =>
    outcomes.filter((o): o is Extract<RemindOutcome, { outcome: K }> => o.outcome === kind);
  const [reminded, notDue, failed] = [of('reminded'), of('notDue'), of('failed')];
  const reasons = failed.map((o) => `${o.unitCode} ${o.nameZh}: ${o.reason}`).join('; ');
  const one = outcomes.length === 1 ? outcomes[0] : undefined;
  const who = one ? { zh: `${one.unitCode} ${one.nameZh}：`, en: `${one.unitCode}: ` } : null;
  const why = one && one.outcome === 'notDue' ? ` (${one.reason})` : '';
  return {
    zh: `${who?.zh ?? ''}已催报 ${reminded.length} 个单位，无需催报 ${notDue.length} 个，失败 ${failed.length} 个${why}${failed.length ? `。失败：${reasons}` : ''}`,
    en: `${who?.en ?? ''}${reminded.length} reminded, ${notDue.length} not due, ${failed.length} failed${why}${failed.length ? `: ${reasons}` : ''}`,
    failed: failed.length > 0,
  };
}
