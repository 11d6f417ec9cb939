import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bySize } from '../../domain/batches.ts';

describe('bySize', () => {
  it('keeps every item once, in order, each batch within the size unless one item alone is larger', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 })), fc.integer({ min: 1, max: 100 }), (items, max) => {
        const batches = bySize(items, max);
        expect(batches.flat()).toEqual(items);
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          const bytes = batch.reduce((total, item) => total + JSON.stringify(item).length, 0);
          if (batch.length > 1) expect(bytes).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('cuts where the next item would pass the size', () => {
    expect(bySize(['aaaa', 'bbbb', 'cc', 'dddddddddd'], 12)).toEqual([
      ['aaaa', 'bbbb'],
      ['cc'],
      ['dddddddddd'],
    ]);
  });
});
