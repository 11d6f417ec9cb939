// The scenario tests' step names: a failure names its step and keeps the original error.
import { describe, expect, it } from 'vitest';
import { step } from './step.ts';

describe('step', () => {
  it('returns what the step returns', async () => {
    expect(await step('adds', async () => 1 + 1)).toBe(2);
  });

  it('names the step that failed and keeps the error as its cause', async () => {
    const original = new Error('3702 never reached 督办');
    const failure = await step('the silent unit escalates', async () => {
      throw original;
    }).catch((error: Error) => error);
    expect(failure).toMatchObject({
      message: 'step "the silent unit escalates": 3702 never reached 督办',
      cause: original,
    });
  });

  it("keeps an assertion's expected and actual values, for the diff", async () => {
    const failure = await step('compares', async () => {
      expect([1, 2]).toEqual([1, 3]);
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: expect.stringMatching(/^step "compares": expected/) });
    const { expected, actual } = failure as { expected: unknown; actual: unknown };
    expect([expected, actual]).toEqual([
      [1, 3],
      [1, 2],
    ]);
  });
});
