// Generated bad update payloads: a valid payload from examples/ with one fault put into one field — the
// field missing, of the wrong type, out of range, naming a unit that is not in the campaign, or a demand
// flagged for CNIPA coordination without its reason. Each knows the field the rejection must name.
import fc from 'fast-check';
import type { z } from 'zod';
import { fieldPath } from '../../../domain/validation.ts';

export type Path = (string | number)[];

export interface BadPayload {
  /** Which update it is for (a key of the targets given to badPayloads). */
  target: string;
  fault: 'missing' | 'wrongType' | 'outOfRange' | 'unknownUnit' | 'flaggedWithoutReason';
  payload: unknown;
  /** The field as the rejection names it, e.g. `items[0].keyTask`. */
  field: string;
}

export interface Target {
  schema: z.ZodType;
  valid: unknown;
  /** Paths of unit codes the campaign checks beyond the schema (key regions, match decisions). */
  unitCodePaths?: Path[];
}

/** Every path into a JSON value, parents before children, the root excepted. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }
  return [];
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)?.[key], value);
}

/** A copy with the value at `path` replaced, or removed when `replacement` is `remove`. */
const remove = Symbol('remove');
function put(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (replacement === remove) delete parent[key];
  else parent[key] = replacement;
  return copy;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
const others = [42, 'text', true, null, [], { unexpected: 1 }];
const outOfRange = [-1, 0, 1.5, 6, 1e13, '', '   ', '2027-02-30', '25/05/2027', 'notAnEnum', '１２'];

/** Faulty payloads for each target; only faults the schemas must refuse are kept. */
export function badPayloadArbitrary(targets: Record<string, Target>): fc.Arbitrary<BadPayload> {
  const perTarget = Object.entries(targets).map(([name, target]) => {
    const all = paths(target.valid);
    const objectKeys = all.filter((p) => typeof p[p.length - 1] === 'string');
    const leaves = all.filter((p) => {
      const v = get(target.valid, p);
      return v === null || typeof v !== 'object';
    });
    const flagged = all.filter((p) => p[p.length - 1] === 'needsCnipaCoordination');
    const candidates: fc.Arbitrary<BadPayload>[] = [
      fc.constantFrom(...objectKeys).map((p) => ({
        target: name,
        fault: 'missing' as const,
        payload: put(target.valid, p, remove),
        field: fieldPath(p),
      })),
      fc
        .tuple(fc.constantFrom(...all), fc.constantFrom(...others))
        .filter(([p, v]) => kindOf(v) !== kindOf(get(target.valid, p)))
        .map(([p, v]) => ({
          target: name,
          fault: 'wrongType' as const,
          payload: put(target.valid, p, v),
          field: fieldPath(p),
        })),
      fc.tuple(fc.constantFrom(...leaves), fc.constantFrom(...outOfRange)).map(([p, v]) => ({
        target: name,
        fault: 'outOfRange' as const,
        payload: put(target.valid, p, v),
        field: fieldPath(p),
      })),
    ];
    if (target.unitCodePaths?.length) {
      candidates.push(
        fc
          .tuple(fc.constantFrom(...target.unitCodePaths), fc.constantFrom('99', '4199', '1201'))
          .map(([p, code]) => ({
            target: name,
            fault: 'unknownUnit' as const,
            payload: put(target.valid, p, code),
            field: fieldPath(p),
          })),
      );
    }
    if (flagged.length) {
      candidates.push(
        fc.constantFrom(...flagged).map((p) => {
          const item = p.slice(0, -1);
          const flaggedItem = put(put(target.valid, p, true), [...item, 'coordinationReason'], remove);
          return {
            target: name,
            fault: 'flaggedWithoutReason' as const,
            payload: flaggedItem,
            field: fieldPath([...item, 'coordinationReason']),
          };
        }),
      );
    }
    // A fault the schema lets through is no fault (an optional field removed, a count that is still a count).
    return fc
      .oneof(...candidates)
      .filter((bad) => bad.fault === 'unknownUnit' || !target.schema.safeParse(bad.payload).success);
  });
  return fc.oneof(...perTarget);
}
