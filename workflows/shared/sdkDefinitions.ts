// Definitions of updates, queries, signals and search attribute keys, made as the SDK's define* functions make
// them (plain `{ type, name }` objects; test/workflows/shared/sdkDefinitions.test.ts holds them equal). Made here,
// a client that only reads (wlx campaign status) loads neither @temporalio/workflow nor the CommonJS library
// under it, which took a third of that command's start-up.
import type {
  QueryDefinition,
  SearchAttributeType,
  SignalDefinition,
  defineSearchAttributeKey as sdkSearchAttributeKey,
  UpdateDefinition,
} from '@temporalio/common';

export const defineUpdate = <Ret, Args extends unknown[]>(name: string) =>
  ({ type: 'update', name }) as UpdateDefinition<Ret, Args>;

export const defineQuery = <Ret>(name: string) => ({ type: 'query', name }) as QueryDefinition<Ret>;

export const defineSignal = <Args extends unknown[] = []>(name: string) =>
  ({ type: 'signal', name }) as SignalDefinition<Args>;

/** The types our search attributes use, by the SDK's names for them. */
export const attributeType = { INT: 'INT', KEYWORD: 'KEYWORD', BOOL: 'BOOL' } as const;

export const defineSearchAttributeKey = <T extends SearchAttributeType>(name: string, type: T) =>
  ({ name, type }) as ReturnType<typeof sdkSearchAttributeKey<T>>;
