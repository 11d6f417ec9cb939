// The review's actions that touch many units — confirm the review, accept every proposed match or partner —
// go through a step that says how many and what will happen (confirmStep.ts). The action's POST without the
// step's `confirmed=yes` is sent here instead of acting.
import { html } from 'hono/html';
import type { Bilingual } from '../../../../domain/labels.ts';
import type { MatchingReview } from '../../../../domain/matching/review.ts';
import { filterQuery, reviewFilterSchema } from '../../../../domain/matching/reviewPage.ts';
import type { ReviewActionName } from '../../../operations/matchingReview.ts';
import { statusReview } from '../../../operations/matchingReview.ts';
import { defineRoute, type WebRoute, yearParams } from '../../routeSpec.ts';
import { confirmStep } from '../confirmStep.ts';
import { count, t } from '../html.ts';
import { renderPage } from '../layout.ts';

interface MassStep {
  segment: string;
  title: readonly [string, string];
  /** The posted form is the mass action (accept with no unit named accepts them all). */
  isMass(fields: Record<string, string>): boolean;
  describe(review: MatchingReview): { what: Bilingual; button: Bilingual; count: number };
}

type Row = { unitCode: string; status: string; resourceId: string | null };
const goesOut = (list: readonly Row[]) =>
  list.filter((d) => d.status !== 'proposed' && d.resourceId !== null);
const stillProposed = (list: readonly Row[]) =>
  list.filter((d) => d.status === 'proposed' && d.resourceId !== null);
const unitsOf = (list: readonly { unitCode: string }[]) => new Set(list.map((d) => d.unitCode)).size;

export const massSteps: Partial<Record<ReviewActionName, MassStep>> = {
  confirm: {
    segment: 'confirm',
    title: ['确认匹配结果', 'Confirm the review'],
    isMass: () => true,
    describe: (review) => {
      const [matches, pairings] = [goesOut(review.decisions), goesOut(review.pairings)];
      const units = unitsOf([...matches, ...pairings]);
      const open = review.decisions.length - matches.length;
      return {
        count: units,
        what: {
          zh: `确认后，${matches.length} 项匹配和 ${pairings.length} 个对口将于匹配阶段结束时发给 ${units} 个单位及相关资源方；其余 ${open} 项需求不会发出。`,
          en: `Once confirmed, ${count(matches.length, 'match', 'matches')} and ${count(pairings.length, 'partner')} go out to ${count(units, 'unit')} and their resource providers when matching closes; the other ${count(open, 'demand')} do not.`,
        },
        button: { zh: `确认，发给 ${units} 个单位`, en: `Confirm for ${count(units, 'unit')}` },
      };
    },
  },
  accept: {
    segment: 'accept',
    title: ['接受全部建议匹配', 'Accept every proposed match'],
    isMass: (f) => !f.unitCode,
    describe: (review) => {
      const open = stillProposed(review.decisions);
      const units = unitsOf(open);
      return {
        count: open.length,
        what: {
          zh: `将接受 ${units} 个单位仍为建议的 ${open.length} 项匹配。`,
          en: `${count(open.length, 'match', 'matches')} still only proposed, of ${count(units, 'unit')}, will be accepted.`,
        },
        button: { zh: `接受 ${open.length} 项`, en: `Accept ${open.length}` },
      };
    },
  },
  acceptPairings: {
    segment: 'accept-pairings',
    title: ['接受全部建议对口', 'Accept every proposed partner'],
    isMass: (f) => !f.unitCode,
    describe: (review) => {
      const open = stillProposed(review.pairings);
      return {
        count: open.length,
        what: {
          zh: `将接受 ${open.length} 个单位仍为建议的对口。`,
          en: `The proposed partners of ${count(open.length, 'unit')} will be accepted.`,
        },
        button: { zh: `接受 ${open.length} 个对口`, en: `Accept ${open.length} partners` },
      };
    },
  },
};

export const stepPath = (year: number, step: MassStep, query = '') =>
  `/campaigns/${year}/matching/${step.segment}${query}`;

export const massStepPages: WebRoute[] = Object.values(massSteps).map((step) =>
  defineRoute({
    rule: 'operator',
    page: true,
    method: 'get',
    path: `/campaigns/{year}/matching/${step.segment}`,
    summary: `the step before "${step.title[1]}": how many, and what will happen`,
    tags: ['pages'],
    params: yearParams,
    query: reviewFilterSchema,
    success: { status: 200, description: 'HTML' },
    handle: async ({ c, params, query, services }) => {
      const { value: status } = await services.reads.campaign(params.year);
      const review = await statusReview(status);
      const back = `/campaigns/${params.year}/matching${filterQuery(query)}`;
      const described = review ? step.describe(review) : null;
      const refused = !review
        ? t('尚无匹配建议。', 'No proposal yet.')
        : status.feedbackSent
          ? t('匹配反馈已发出，审核已结束。', 'Matching feedback has gone out; the review is closed.')
          : described?.count === 0
            ? t('没有可办理的项目。', 'There is nothing to do.')
            : undefined;
      return renderPage(c, services, {
        title: step.title,
        year: params.year,
        body: html`<div class="matching">${confirmStep(c, services, {
          what: described ? t(described.what.zh, described.what.en) : html``,
          refused,
          action: stepPath(params.year, step, filterQuery(query)),
          button: described ? t(described.button.zh, described.button.en) : html``,
          back,
        })}</div>`,
      });
    },
  }),
);
