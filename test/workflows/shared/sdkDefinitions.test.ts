// messages.ts and searchAttributes.ts make their definitions without the SDK (so that status reads load less):
// each must be what the SDK's own define* function makes, or workflows, clients and the server would not meet.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import * as messages from '../../../workflows/shared/messages.ts';
import { searchAttributeKeys } from '../../../workflows/shared/searchAttributes.ts';

const sdk: Record<'query' | 'signal' | 'update', (name: string) => unknown> = {
  query: defineQuery,
  signal: defineSignal,
  update: defineUpdate,
};
const isDefinition = (value: unknown): value is { type: keyof typeof sdk; name: string } =>
  typeof value === 'object' && value !== null && 'type' in value && 'name' in value;
const definitions = Object.entries(messages).flatMap(([exported, value]) =>
  isDefinition(value) ? [{ exported, definition: value }] : [],
);

describe('definitions made without the SDK', () => {
  it('are every update, query and signal exactly as the SDK makes them', () => {
    expect(new Set(definitions.map(({ definition }) => definition.type))).toEqual(
      new Set(['query', 'signal', 'update']),
    );
    for (const { exported, definition } of definitions)
      expect(definition, exported).toEqual(sdk[definition.type](definition.name));
  });

  it('give each message its own name', () => {
    const names = definitions.map(({ definition }) => `${definition.type}:${definition.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are the search attribute keys the SDK would make, of types it knows', () => {
    for (const key of searchAttributeKeys) {
      expect(Object.values(SearchAttributeType)).toContain(key.type);
      expect(key).toEqual(defineSearchAttributeKey(key.name, key.type));
    }
  });
});
