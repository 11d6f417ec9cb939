// A lazily built schema must be indistinguishable from the schema itself, wherever zod, hono or our code
// meets it, and must be built once, on first use.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../domain/lazySchema.ts';

const build = () =>
  z.object({ name: z.string().trim().min(1, 'must not be empty'), count: z.number().int() });

describe('lazySchema', () => {
  it('builds nothing until first used, then once', () => {
    let builds = 0;
    const lazy = lazySchema(() => {
      builds += 1;
      return build();
    });
    expect(builds).toBe(0);
    expect(lazy.parse({ name: ' 北京 ', count: 2 })).toEqual({ name: '北京', count: 2 });
    lazy.safeParse({});
    expect(builds).toBe(1);
  });

  it('parses, fails and describes itself as the schema does', () => {
    const eager = build();
    const lazy = lazySchema(build);
    const bad = { name: ' ', count: 1.5 };
    expect(lazy.safeParse(bad).error?.issues).toEqual(eager.safeParse(bad).error?.issues);
    expect(lazy instanceof z.ZodObject).toBe(true);
    expect(Object.keys(lazy.shape)).toEqual(['name', 'count']);
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(eager));
  });

  it('composes: inside another schema, extended, with metadata', () => {
    const lazy = lazySchema(build);
    const list = z.object({ items: z.array(lazy) });
    expect(
      list.safeParse({
        items: [
          { name: 'a', count: 1 },
          { name: '', count: 1 },
        ],
      }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ['items', 1, 'name'], message: 'must not be empty' })]);
    expect(lazy.extend({ note: z.string() }).safeParse({ name: 'a', count: 1 }).success).toBe(false);
    expect(z.toJSONSchema(lazy.meta({ description: '单位 unit' }))).toMatchObject({
      description: '单位 unit',
    });
  });
});
