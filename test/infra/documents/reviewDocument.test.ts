// The matching review by reference, read back: what was stored comes back, frozen; a review read again is
// not read from the store again, the last two only; a review that could not be read is not kept.
import { mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewOf } from '../../../client/operations/matchingReview.ts';
import type { MatchingReview } from '../../../domain/matching/review.ts';
import type { ReviewDigest } from '../../../domain/matching/reviewDigest.ts';
import { type DocumentConfig, documentConfig, openDocumentStore } from '../../../infra/documents/config.ts';
import { saveReview } from '../../../infra/documents/reviewDocument.ts';
import { DocumentNotFoundError } from '../../../infra/documents/store.ts';

let config: DocumentConfig;
const fileOf = (digest: ReviewDigest) =>
  join(config.DOCUMENT_DIR, 'sha256', digest.document.sha256.slice(0, 2), digest.document.sha256);

/** A review of `n` proposed decisions; `by` makes each one different. */
const reviewOfSize = (n: number, by: string): MatchingReview => ({
  proposed: { by, at: '2027-05-20T04:00:00.000Z' },
  totalScore: n,
  decisions: Array.from({ length: n }, (_, i) => ({
    unitCode: '11',
    demandId: `BJ-${i}`,
    status: 'proposed' as const,
    resourceId: 'experts-navigation',
    proposedResourceId: 'experts-navigation',
    alternates: ['cnipa-strategy'],
    reason: { zh: '服务类别一致', en: 'same service category' },
  })),
  pairings: [],
  pairingMaxLoad: 1,
  confirmed: null,
});

beforeAll(async () => {
  config = documentConfig({ DOCUMENT_DIR: await mkdtemp(join(tmpdir(), 'wlx-review-')) });
});

describe('a stored review, read back', () => {
  it('is the review that was stored, frozen for every reader', async () => {
    const review = reviewOfSize(3, '张伟');
    const digest = await saveReview(openDocumentStore(config), 2027, review);
    expect(digest.counts.proposed).toBe(3);
    const read = await reviewOf(digest, config);
    expect(read).toEqual(review);
    expect(Object.isFrozen(read.decisions[0]?.reason)).toBe(true);
    expect(() => {
      (read.decisions as unknown[]).push('another');
    }).toThrow(TypeError);
  });

  it('is read from the store once while it is among the last two read', async () => {
    const store = openDocumentStore(config);
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((by) => saveReview(store, 2027, reviewOfSize(2, by))),
    );
    if (!a || !b || !c) throw new Error('three digests');
    const first = await reviewOf(a, config);
    await rename(fileOf(a), `${fileOf(a)}.away`);
    expect(await reviewOf(a, config)).toBe(first);
    await reviewOf(b, config);
    await reviewOf(c, config);
    // a is now the third most recent: it is read again, and it is gone.
    await expect(reviewOf(a, config)).rejects.toBeInstanceOf(DocumentNotFoundError);
    await rename(`${fileOf(a)}.away`, fileOf(a));
    expect(await reviewOf(a, config)).toEqual(first);
  });
});
