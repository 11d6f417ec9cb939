// `npm run docs:machine`: docs/unit-machine.md drawn from the unit machine's own definition
// (workflows/unit/unitMachine.ts), so the picture cannot drift from the code. test/docs/machineDiagram.test.ts
// fails when the file differs from what this script would write now.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { unitMachine } from '../workflows/unit/unitMachine.ts';

export const machineDocPath = fileURLToPath(new URL('../docs/unit-machine.md', import.meta.url));

interface Edge {
  /** The innermost compound state holding both ends: where Mermaid must be told of the edge. */
  scope: AnyStateNode;
  from: string;
  to: string;
  label: string;
}

/** A Mermaid id: the state's path, since nested states share names (both tracks have `overdue`). */
const idOf = (node: AnyStateNode) => node.path.join('_');
const childrenOf = (node: AnyStateNode): AnyStateNode[] => Object.values(node.states);
const isWithin = (node: AnyStateNode, ancestor: AnyStateNode) => node.id.startsWith(`${ancestor.id}.`);

function commonScope(a: AnyStateNode, b: AnyStateNode): AnyStateNode {
  let scope = a.parent ?? a;
  while (scope.parent && !(isWithin(b, scope) && isWithin(a, scope))) scope = scope.parent;
  return scope;
}

/** A guard as the machine names it: `returns(plan)`, `onTrack(plan) and extendsLater`. */
function guardName(guard: unknown): string {
  if (guard === undefined) return '';
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    // xstate's and()/or()/not() keep the guards they combine.
    const parts = (guard as { guards?: unknown[] }).guards;
    if (!parts) return guard.name || 'guard';
    const names = parts.map(guardName);
    return guard.name === 'not' ? `not ${names[0]}` : names.join(` ${guard.name} `);
  }
  const { type, params } = guard as { type: string; params?: unknown };
  if (params === undefined || typeof params === 'function') return type;
  return `${type}(${Object.values(params as object).join(', ')})`;
}

/** An action as the machine names it; `notify` with the notice it builds (`notify: reminderNotice`). */
function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') return action.name || 'action';
  const { type, params } = action as { type: string; params?: unknown };
  return typeof params === 'function' && params.name ? `${type}: ${params.name}` : type;
}

/** On the picture an event's name, and the guard only of `always`, which says nothing without it. */
const labelOf = (event: string, transition: AnyTransitionDefinition) =>
  event === 'always' ? `always [${guardName(transition.guard)}]` : event;

/**
 * Mermaid draws no edge from a compound state into itself, so a transition declared on a state that targets
 * one of its own descendants (or any declared on the machine's root) is drawn from each child it applies in.
 */
function edgesFrom(source: AnyStateNode, target: AnyStateNode, label: string): Edge[] {
  if (source.parent && !isWithin(target, source)) {
    return [{ scope: commonScope(source, target), from: idOf(source), to: idOf(target), label }];
  }
  return childrenOf(source)
    .filter((child) => child.type !== 'final')
    .flatMap((child) => edgesFrom(child, target, label));
}

function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...childrenOf(node).flatMap(allNodes)];
}

const machineNodes = () => allNodes(unitMachine.root);

/** A state's own transitions in the order declared, eventless (`always`) ones last. */
function declared(node: AnyStateNode): [event: string, transition: AnyTransitionDefinition][] {
  const on = [...node.transitions].flatMap(([event, ts]) => ts.map((t) => [event, t] as [string, typeof t]));
  return [...on, ...(node.always ?? []).map((t) => ['always', t] as [string, typeof t])];
}

function moves(): Edge[] {
  return machineNodes().flatMap((node) =>
    declared(node).flatMap(([event, t]) =>
      (t.target ?? []).flatMap((target) => edgesFrom(node, target, labelOf(event, t))),
    ),
  );
}

/** One line per pair of states, its events one under another. */
function edgeLines(edges: Edge[]): string[] {
  const byPair = new Map<string, Set<string>>();
  for (const { from, to, label } of edges) {
    const pair = `${from} --> ${to}`;
    byPair.set(pair, (byPair.get(pair) ?? new Set()).add(label));
  }
  return [...byPair].map(([pair, labels]) => `${pair} : ${[...labels].join('<br/>')}`);
}

function stateLines(node: AnyStateNode, edges: Edge[], indent: string): string[] {
  const lines: string[] = [];
  for (const child of childrenOf(node)) {
    if (child.type === 'compound') {
      lines.push(`${indent}state ${idOf(child)} {`, ...stateLines(child, edges, `${indent}  `), `${indent}}`);
    } else lines.push(`${indent}state "${child.key}" as ${idOf(child)}`);
  }
  for (const initial of node.initial?.target ?? []) lines.push(`${indent}[*] --> ${idOf(initial)}`);
  lines.push(...edgeLines(edges.filter((e) => e.scope === node)).map((line) => `${indent}${line}`));
  for (const child of childrenOf(node))
    if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
  return lines;
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const code = (text: string) => (text ? `\`${text}\`` : '');
const stateName = (node: AnyStateNode) => code(node.path.join('.'));

/** Every transition where the machine declares it, with its guard and actions; no target: the state stays. */
function transitionRows(): string[] {
  return machineNodes().flatMap((node) =>
    declared(node).map(([event, t]) =>
      row([
        node.parent ? stateName(node) : 'any (the machine)',
        code(event),
        code(guardName(t.guard)),
        t.target ? t.target.map(stateName).join(', ') : 'stays',
        t.actions.map((a) => code(actionName(a))).join(', '),
      ]),
    ),
  );
}

export function unitMachineMarkdown(): string {
  const root = unitMachine.root;
  const tagged = machineNodes().filter((node) => node.tags.length > 0);
  return [
    '# The unit machine (报送单位年度状态机)',
    '',
    '<!-- Written by `npm run docs:machine` (scripts/machineDiagram.ts) from workflows/unit/unitMachine.ts.',
    '     Do not edit by hand: test/docs/machineDiagram.test.ts fails when this file is not what it writes. -->',
    '',
    "A reporting unit's year (报送单位的一年) as the XState machine `unitMachine` defines it",
    '(`workflows/unit/unitMachine.ts`): states, nested states, and every transition with its event and guard.',
    'A transition declared on a compound state (or on the whole machine) is drawn from each state it applies',
    'in. `always` marks a transition taken as soon as its guard holds. The unit workflow',
    '(`workflows/unit/unitWorkflow.ts`) sends the events: updates and signals from people and the campaign,',
    'timers for `deadline.remind` and `deadline.escalate`.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    ...stateLines(root, moves(), '  '),
    '```',
    '',
    '## Every transition (状态转换)',
    '',
    'As declared, with its guard and actions. A transition without a target leaves the state as it is: it',
    'stores what arrived or sends a notice (`notify`, which the workflow runs as the mail activity).',
    '',
    row(['declared on', 'event', 'guard', 'target', 'actions']),
    row(['---', '---', '---', '---', '---']),
    ...transitionRows(),
    '',
    '## Tags (状态标签)',
    '',
    'What a state means to everyone outside the machine (`UnitTag`): the workflow, the status and the pages',
    'read tags, never state names.',
    '',
    row(['state', 'tags']),
    row(['---', '---']),
    ...tagged.map((node) => row([stateName(node), node.tags.map(code).join(', ')])),
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(machineDocPath, unitMachineMarkdown());
  console.log(`wrote ${machineDocPath}`);
}
