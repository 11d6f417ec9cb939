// The annexes' tables against the schemas they fill: a column is required exactly when its field is, and
// no two columns of a sheet answer to the same header.
import { describe, expect, it } from 'vitest';
import { annexes } from '../../../domain/spreadsheets/annexes.ts';
import type { SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { headerKey } from '../../../domain/spreadsheets/header.ts';
import { activityTypes } from '../../../domain/submissions.ts';
import { sampleActivity, sampleDemandList, sampleResults } from '../../support/samples.ts';

const sheets = Object.values(annexes).flatMap((annex) => annex.sheets);

/** An item of each sheet with every field filled in, optional ones too. */
function complete(spec: SheetSpec): unknown {
  const [demand] = sampleDemandList().items;
  const results = sampleResults();
  const items: Record<string, unknown> = {
    需求清单: {
      ...demand,
      needsCnipaCoordination: false,
      contact: { ...demand?.contact, email: 'li@example.com' },
    },
    活动记录: sampleActivity(),
    成果汇总: { ...results, activitiesByType: Object.fromEntries(activityTypes.map((t) => [t, 1])) },
    典型案例: results.typicalCases[0],
  };
  return structuredClone(items[spec.name.zh]);
}

function without(item: unknown, path: string): unknown {
  const parts = path.split('.');
  let node = item as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts.at(-1) as string;
  expect(node[last], path).toBeDefined();
  delete node[last];
  return item;
}

describe('the annexes’ tables', () => {
  it.each(sheets.map((spec) => [spec.name.zh, spec] as const))(
    '%s: a column is required exactly when its schema field is',
    (_, spec) => {
      expect(spec.schema.safeParse(complete(spec)).success).toBe(true);
      for (const column of spec.columns.filter((c) => !c.informational)) {
        const parsed = spec.schema.safeParse(without(complete(spec), column.key));
        expect(parsed.success, column.key).toBe(!column.required);
      }
    },
  );

  it.each(sheets.map((spec) => [spec.name.zh, spec] as const))(
    '%s: no two columns answer to the same header',
    (_, spec) => {
      const owner = new Map<string, string>();
      for (const column of spec.columns) {
        for (const name of new Set(
          [column.header.zh, column.header.en, ...(column.aliases ?? [])].map(headerKey),
        )) {
          expect(owner.get(name) ?? column.key, name).toBe(column.key);
          owner.set(name, column.key);
        }
      }
    },
  );
});
