// A matching review kept in the document store (claim check): gzipped JSON under its SHA-256. The campaign
// holds the digest only; the activities that change the review and everyone who reads it go through here.
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { MatchingReview } from '../../domain/matching/review.ts';
import { glanceOf, type ReviewDigest } from '../../domain/matching/reviewDigest.ts';
import type { DocumentStore } from './store.ts';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/** Stores the review (again harmless: same review, same bytes, same key) and returns its digest. */
export async function saveReview(
  store: DocumentStore,
  year: number,
  review: MatchingReview,
): Promise<ReviewDigest> {
  const bytes = await zip(JSON.stringify(review));
  const { sha256 } = await store.put(bytes, 'json.gz');
  return {
    ...glanceOf(review),
    document: { fileName: `matching-review-${year}.json.gz`, sha256, sizeBytes: bytes.length },
  };
}

/** The review a digest names, checked against its SHA-256 by the store. */
export async function loadReview(
  store: DocumentStore,
  digest: Pick<ReviewDigest, 'document'>,
): Promise<MatchingReview> {
  const bytes = await store.get(digest.document.sha256);
  return JSON.parse((await unzip(bytes)).toString('utf8')) as MatchingReview;
}
