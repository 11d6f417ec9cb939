// What the campaign holds of each unit, from the dotted state names units report. Apart from status.ts so
// that a client reading status (reads/) does not load the machine, and xstate with it.
import { type UnitTag, unitMachine } from '../unit/unitMachine.ts';
import type { ProgressWithRows, UnitFacts, UnitProgress, UnitStatus } from './status.ts';

/** A unit the campaign has started and not heard from: nothing flagged, nothing all in. */
export const noFacts = (unitCode: string): UnitFacts => ({ unitCode, flaggedDemandIds: [], allIn: false });

export function unitFacts(status: UnitStatus): UnitFacts {
  return {
    unitCode: status.unitCode,
    flaggedDemandIds: status.flaggedDemands.map((d) => d.id),
    allIn: reportedStateHasTag(status.state, 'allIn'),
  };
}

/** The campaign keeps the facts, whichever form a unit reported in (earlier releases sent more). */
export function factsOf(reported: UnitFacts | UnitProgress | ProgressWithRows): UnitFacts {
  if ('allIn' in reported) return reported;
  const flaggedDemandIds =
    'flaggedDemandIds' in reported ? reported.flaggedDemandIds : reported.flaggedDemands.map((d) => d.id);
  return {
    unitCode: reported.unitCode,
    flaggedDemandIds,
    allIn: reportedStateHasTag(reported.state, 'allIn'),
  };
}

/**
 * A tag of the state a unit reported, for what the campaign holds as the dotted name: the machine's
 * state nodes answer, so the campaign never matches on names.
 */
export function reportedStateHasTag(state: string, tag: UnitTag): boolean {
  const path = state.split('.');
  return path.some((_, i) =>
    unitMachine.getStateNodeById(['unit', ...path.slice(0, i + 1)].join('.')).tags.includes(tag),
  );
}
