// The escalation ladder: its order, its default steps, its names.
import { describe, expect, it } from 'vitest';
import {
  defaultEscalation,
  escalationLevels,
  higherLevel,
  levelLabels,
  levelNoticeLabel,
  nextStep,
  stepAt,
} from '../../domain/escalation.ts';

describe('the escalation ladder', () => {
  it('climbs 逾期 → 催办 → 督办 from the deadline, one step at a time, and no further', () => {
    const climbed = [];
    for (let step = nextStep(defaultEscalation, null); step; step = nextStep(defaultEscalation, step.level)) {
      climbed.push(`${levelLabels[step.level].zh} +${step.daysAfter}d`);
    }
    expect(climbed).toEqual(['逾期 +0d', '催办 +3d', '督办 +7d']);
    expect(stepAt(defaultEscalation, 'urging')?.recipients).toEqual(['unitOffice', 'unitLeadership']);
    expect(stepAt(defaultEscalation, null)).toBeUndefined();
  });

  it('keeps the highest level reached', () => {
    expect(higherLevel(null, 'overdue')).toBe('overdue');
    expect(higherLevel('supervision', 'urging')).toBe('supervision');
    expect(higherLevel('urging', null)).toBe('urging');
    expect(higherLevel(null, null)).toBeNull();
  });

  it('names each level and the notice that brings a unit to it, in Chinese and English', () => {
    expect(escalationLevels.map((level) => levelLabels[level].zh)).toEqual(['逾期', '催办', '督办']);
    expect(levelNoticeLabel('supervision')).toEqual({ zh: '督办通知', en: 'supervision notice' });
  });
});
