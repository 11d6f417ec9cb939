// docs/unit-machine.md is the unit machine as it is now: written by `npm run docs:machine` from the machine's own
// definition, and checked here so that a change to the machine cannot leave its picture behind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { machineDocPath, unitMachineMarkdown } from '../../scripts/machineDiagram.ts';
import { unitMachine } from '../../workflows/unit/unitMachine.ts';

const statesOf = (node: AnyStateNode): AnyStateNode[] =>
  Object.values(node.states).flatMap((child) => [child, ...statesOf(child)]);

describe('docs/unit-machine.md', () => {
  it('is what npm run docs:machine writes now', () => {
    expect(readFileSync(machineDocPath, 'utf8'), 'run npm run docs:machine').toBe(unitMachineMarkdown());
  });

  it('draws every state of the machine and every event it handles', () => {
    const diagram = unitMachineMarkdown();
    for (const state of statesOf(unitMachine.root)) expect(diagram).toContain(state.path.join('_'));
    for (const event of unitMachine.events) expect(diagram).toContain(`\`${event}\``);
  });
});
