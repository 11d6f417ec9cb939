// Typed search attributes: what operators filter on in the Temporal Web UI and `temporal workflow list`,
// e.g. `CampaignYear = 2027 AND Overdue = true`. Registered on the server by `npm start`, docker-compose
// and the test servers: the names and types here are the one source for all of them.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const campaignYearKey = defineSearchAttributeKey('CampaignYear', SearchAttributeType.INT);
export const unitCodeKey = defineSearchAttributeKey('UnitCode', SearchAttributeType.KEYWORD);
export const campaignPhaseKey = defineSearchAttributeKey('CampaignPhase', SearchAttributeType.KEYWORD);
export const unitStateKey = defineSearchAttributeKey('UnitState', SearchAttributeType.KEYWORD);
export const overdueKey = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
export const escalationLevelKey = defineSearchAttributeKey('EscalationLevel', SearchAttributeType.KEYWORD);

export const searchAttributeKeys = [
  campaignYearKey,
  unitCodeKey,
  campaignPhaseKey,
  unitStateKey,
  overdueKey,
  escalationLevelKey,
] as const;

/** `Name=Type` pairs as `temporal server start-dev --search-attribute` and `operator search-attribute create` take them. */
export const searchAttributeFlags = searchAttributeKeys.map((key) => `${key.name}=${cliType(key.type)}`);

function cliType(type: SearchAttributeType): string {
  switch (type) {
    case SearchAttributeType.INT:
      return 'Int';
    case SearchAttributeType.BOOL:
      return 'Bool';
    case SearchAttributeType.KEYWORD:
      return 'Keyword';
    default:
      throw new Error(`no CLI name for search attribute type ${type}`);
  }
}
