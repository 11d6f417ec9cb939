import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    // Each Temporal test file starts its own server; two cores do not gain from running them side by side.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The document store of test workers and clients (matching reviews, uploads) unless a test gives its own:
    // outside the working tree, shared, harmless since documents are kept by content.
    env: { DOCUMENT_DIR: join(tmpdir(), 'wlx-test-documents') },
  },
});
