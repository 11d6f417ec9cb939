// The review page's forms: propose, and each review action, as POST routes for operators. Each reads its
// fields through the review action's own schema, sends it as the signed-in operator through the same client
// function as `wlx matching` and the API, and goes back to the page with what happened, or why it could not.
import type { Context } from 'hono';
import type { Bilingual } from '../../../../domain/labels.ts';
import {
  confirmedMatches,
  confirmedPairings,
  type ReviewAction,
} from '../../../../domain/matching/review.ts';
import {
  filterQuery,
  type ReviewFilter,
  reviewFilterSchema,
} from '../../../../domain/matching/reviewPage.ts';
import {
  proposeMatching,
  type ReviewActionName,
  reviewActionFields,
  reviewMatching,
} from '../../../operations/matchingReview.ts';
import { actingFor } from '../../acting.ts';
import { operatorName } from '../../api/matching.ts';
import { problemFor } from '../../problems.ts';
import { defineRoute, type WebRoute, yearParams } from '../../routeSpec.ts';
import { readForm, setNotice } from '../forms.ts';
import { problemTitles } from '../problemPage.ts';
import { massSteps, stepPath } from './confirmSteps.ts';
import { fieldLabels } from './parts.ts';

type Fields = Record<string, string>;

interface PageAction {
  segment: string;
  summary: string;
  /** The form's fields as the action's schema takes them. */
  shape?: (fields: Fields) => unknown;
  labels: Record<string, Bilingual>;
  done(fields: Fields, review: Awaited<ReturnType<typeof reviewMatching>>): [string, string];
}

const demand = (f: Fields) => `${f.unitCode}/${f.demandId}`;

/** A Record over the schema's actions: an action added to the review without a form here does not compile. */
const pageActions: Record<ReviewActionName, PageAction> = {
  accept: {
    segment: 'accept',
    summary: "accept one demand's proposed resource, or every one still only proposed",
    shape: (f) => (f.unitCode ? { demands: [{ unitCode: f.unitCode, demandId: f.demandId }] } : {}),
    labels: fieldLabels,
    done: (f) =>
      f.unitCode
        ? [`已接受 ${demand(f)} 的建议资源`, `Accepted the proposed resource for ${demand(f)}`]
        : ['已接受全部仍为建议的匹配', 'Accepted every match still only proposed'],
  },
  override: {
    segment: 'override',
    summary: 'give one demand another resource',
    labels: fieldLabels,
    done: (f) => [`已调整 ${demand(f)} 的匹配资源`, `${demand(f)} now goes to another resource`],
  },
  reject: {
    segment: 'reject',
    summary: 'match nothing to one demand, saying why',
    labels: fieldLabels,
    done: (f) => [`已退回 ${demand(f)} 的匹配`, `Rejected the match for ${demand(f)}`],
  },
  acceptPairings: {
    segment: 'accept-pairings',
    summary: "accept one unit's proposed partner, or every one still only proposed",
    shape: (f) => (f.unitCode ? { units: [f.unitCode] } : {}),
    labels: fieldLabels,
    done: (f) =>
      f.unitCode
        ? [`已接受 ${f.unitCode} 的建议对口`, `Accepted the proposed partner of ${f.unitCode}`]
        : ['已接受全部仍为建议的对口', 'Accepted every pairing still only proposed'],
  },
  overridePairing: {
    segment: 'override-pairing',
    summary: 'give one unit another one-to-one partner',
    labels: { ...fieldLabels, resourceId: fieldLabels.partner },
    done: (f) => [`已调整 ${f.unitCode} 的对口`, `${f.unitCode} now has another partner`],
  },
  rejectPairing: {
    segment: 'reject-pairing',
    summary: "reject one unit's proposed partner, saying why",
    labels: fieldLabels,
    done: (f) => [`已退回 ${f.unitCode} 的对口`, `Rejected the partner of ${f.unitCode}`],
  },
  confirm: {
    segment: 'confirm',
    summary: 'confirm the review: only confirmed matches and partners go out',
    labels: fieldLabels,
    done: (_, review) => {
      const [matches, pairings] = [confirmedMatches(review).length, confirmedPairings(review).length];
      return [
        `已确认：${matches} 项匹配、${pairings} 个对口将于匹配阶段结束时发出`,
        `Confirmed: ${matches} matches and ${pairings} partners go out when matching closes`,
      ];
    },
  },
};

/** The form's text fields (the review's forms have no files, and each field once). */
function textFields(fields: Record<string, string | File | (string | File)[]>): Fields {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return typeof first === 'string' ? [[name, first]] : [];
    }),
  );
}

/** Why it was refused, each field named as the page labels it. */
function refusal(
  errors: readonly { field: string; message: string; label?: Bilingual }[],
  title: Bilingual,
  labels: Record<string, Bilingual>,
): [string, string] {
  const named = errors.map((e) => {
    const label = labels[e.field.split(/[.[]/)[0] ?? ''] ?? e.label;
    return {
      zh: label ? `${label.zh}：${e.message}` : e.message,
      en: label ? `${label.en}: ${e.message}` : e.message,
    };
  });
  return [
    `${title.zh}：${named.map((e) => e.zh).join('；')}`,
    `${title.en}: ${named.map((e) => e.en).join('; ')}`,
  ];
}

/** Runs the action and leaves its notice for the page: a refusal (4xx) as a problem, a failure stays an error. */
async function attempt(
  c: Context,
  labels: Record<string, Bilingual>,
  run: () => Promise<[string, string]>,
): Promise<void> {
  try {
    const [zh, en] = await run();
    setNotice(c, zh, en);
  } catch (error) {
    const problem = problemFor(error);
    if (problem.status >= 500) throw error;
    const [zh, en] = problemTitles[problem.status] ?? ['未能办理', problem.title];
    const title = { zh, en };
    const errors = problem.errors ?? [{ field: '', message: problem.detail }];
    setNotice(c, ...refusal(errors, title, labels), 'problem');
  }
}

/** Back to the review page, showing what it showed when the form was sent. */
const backToPage = (c: Context, year: number, filter: ReviewFilter) =>
  c.redirect(`/campaigns/${year}/matching${filterQuery(filter)}`, 303);

const proposePage = defineRoute({
  rule: 'operator',
  page: true,
  method: 'post',
  path: '/campaigns/{year}/matching/propose',
  summary: '(re-)compute the matching proposal; decisions taken are kept',
  tags: ['pages'],
  params: yearParams,
  query: reviewFilterSchema,
  success: { status: 303, description: 'back to the review page, with a notice' },
  handle: async ({ c, params, query, principal, services }) => {
    await attempt(c, fieldLabels, async () => {
      const review = await proposeMatching(
        services.client,
        params.year,
        operatorName(principal),
        undefined,
        actingFor(c, services, principal),
      );
      const [demands, pairings] = [review.decisions.length, review.pairings.length];
      return [
        `已生成匹配建议：${demands} 项需求、${pairings} 个对口；已作出的决定保留`,
        `Proposed: ${demands} demands and ${pairings} pairings; decisions already taken are kept`,
      ];
    });
    return backToPage(c, params.year, query);
  },
});

export const reviewActionPages: WebRoute[] = [
  proposePage,
  ...(Object.entries(pageActions) as [ReviewActionName, PageAction][]).map(([action, spec]) =>
    defineRoute({
      rule: 'operator',
      page: true,
      method: 'post',
      path: `/campaigns/{year}/matching/${spec.segment}`,
      summary: spec.summary,
      tags: ['pages'],
      params: yearParams,
      query: reviewFilterSchema,
      success: { status: 303, description: 'back to the review page, with a notice' },
      handle: async ({ c, params, query, principal, services }) => {
        let fields: Fields = {};
        const form = await readForm(c, reviewActionFields(action), spec.labels, (raw) => {
          fields = textFields(raw);
          return spec.shape ? spec.shape(fields) : fields;
        });
        // Many units at once: the step that says how many comes first.
        const mass = massSteps[action];
        if (mass?.isMass(fields) && fields.confirmed !== 'yes')
          return c.redirect(stepPath(params.year, mass, filterQuery(query)), 303);
        if (!form.ok) {
          const [zh, en] = problemTitles[422] ?? ['输入有误', 'Invalid input'];
          const title = { zh, en };
          setNotice(c, ...refusal(form.errors, title, spec.labels), 'problem');
          return backToPage(c, params.year, query);
        }
        await attempt(c, spec.labels, async () => {
          const review = await reviewMatching(
            services.client,
            params.year,
            { ...form.data, action, by: operatorName(principal) } as ReviewAction,
            undefined,
            actingFor(c, services, principal),
          );
          return spec.done(fields, review);
        });
        return backToPage(c, params.year, query);
      },
    }),
  ),
];
