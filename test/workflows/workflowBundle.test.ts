// What goes into Temporal's workflow sandbox: our deterministic code and the pure domain, never data
// files (workflows get the registry as input) and never the side-effect folders.
import { describe, expect, it } from 'vitest';
import { bundleWorkflows } from '../support/temporal.ts';

describe('the workflow bundle', () => {
  it('holds workflows/ and pure domain/ modules only, no data files', async () => {
    const { code } = await bundleWorkflows();
    const ours = [...new Set([...code.matchAll(/"\.\/([a-z]+\/[^"]+\.(?:ts|json))"/g)].map((m) => m[1]))];
    expect(ours).toContain('workflows/campaign/campaignWorkflow.ts');
    expect(ours).toContain('domain/registry.ts');
    const outside = ours.filter(
      (path) => !/^(workflows|domain)\//.test(path ?? '') || path?.endsWith('.json'),
    );
    expect(outside).toEqual([]);
    // The default registry's units by name: none of them is compiled in.
    expect(code).not.toContain('河北省知识产权局');
  });
});
