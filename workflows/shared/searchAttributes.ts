// Typed search attributes: what operators filter on in the Temporal Web UI and `temporal workflow list`,
// e.g. `CampaignYear = 2027 AND Overdue = true`. Registered on the server by `npm start`, docker-compose
// and the test servers: the names and types here are the one source for all of them.
import type { SearchAttributeType } from '@temporalio/common';
import { attributeType, defineSearchAttributeKey } from './sdkDefinitions.ts';

export const campaignYearKey = defineSearchAttributeKey('CampaignYear', attributeType.INT);
export const unitCodeKey = defineSearchAttributeKey('UnitCode', attributeType.KEYWORD);
export const campaignPhaseKey = defineSearchAttributeKey('CampaignPhase', attributeType.KEYWORD);
export const unitStateKey = defineSearchAttributeKey('UnitState', attributeType.KEYWORD);
export const overdueKey = defineSearchAttributeKey('Overdue', attributeType.BOOL);
export const escalationLevelKey = defineSearchAttributeKey('EscalationLevel', attributeType.KEYWORD);

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
    case attributeType.INT:
      return 'Int';
    case attributeType.BOOL:
      return 'Bool';
    case attributeType.KEYWORD:
      return 'Keyword';
    default:
      throw new Error(`no CLI name for search attribute type ${type}`);
  }
}
