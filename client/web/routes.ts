// The web API's one route table. Every route declares its authorization rule (rules.ts) next to its method,
// path and schemas; app.ts registers routes only from here, puts `authorize(rule)` in front of each, and
// refuses to start when any route lacks a rule or was registered outside this table. The handlers call the
// same client functions as `wlx` (client/operations/), with the same domain schemas: no rule lives here twice.
import { campaignRoutes } from './api/campaign.ts';
import { documentationRoutes } from './api/documentation.ts';
import { matchingRoutes } from './api/matching.ts';
import { sessionRoutes } from './api/session.ts';
import { auditRoutes } from './pages/audit/routes.ts';
import { remindAllPages } from './pages/campaign/remindAll.ts';
import { dashboardPages } from './pages/campaign/routes.ts';
import { cataloguePages } from './pages/matching/cataloguePage.ts';
import { matchingPages } from './pages/matching/page.ts';
import { signInPages } from './pages/signIn.ts';
import { submissionPages } from './pages/submissions/routes.ts';
import { unitPages } from './pages/unit/routes.ts';
import type { WebRoute } from './routeSpec.ts';
/** The route table: every route the web serves, each with its rule. */
export const routeTable: readonly WebRoute[] = [
  ...sessionRoutes,
  ...campaignRoutes,
  ...matchingRoutes,
  ...documentationRoutes,
  ...signInPages,
  ...unitPages,
  ...submissionPages,
  ...cataloguePages,
  ...matchingPages,
  ...dashboardPages,
  ...remindAllPages,
  ...auditRoutes,
];
