// Registers our search attributes on a server that lacks them: the time-skipping test server and the test
// environments of the tests and the bench. The dev server gets them as start-dev flags, docker-compose
// from its setup service.
import type { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
// Default import: the package is CommonJS, and tsx (unlike vitest) offers no named exports for it.
import proto from '@temporalio/proto';
import { searchAttributeKeys } from '../workflows/shared/searchAttributes.ts';

/** gRPC status code for "already exists". */
const ALREADY_EXISTS = 6;
const IndexedValueType = proto.temporal.api.enums.v1.IndexedValueType;
const indexedTypes: Partial<Record<SearchAttributeType, proto.temporal.api.enums.v1.IndexedValueType>> = {
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
};

/** Adds each attribute, leaving those already there: the test server cannot list what it has. */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  for (const key of searchAttributeKeys) {
    try {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: {
          [key.name]: indexedTypes[key.type] as proto.temporal.api.enums.v1.IndexedValueType,
        },
      });
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
    }
  }
}
