// The rooms of the house and which way imports may go (docs/architecture.md). `npm run check:imports` runs it
// and CI fails on any violation: the rules are the picture, kept true.
//
//   domain  ←  workflows  ←  reads  ←  activities  ←  worker
//     ↑          ↑   ↖ infra ↙            ↑
//     └──── client/operations  ←  client/cli, client/web
const room = (name) => `^${name}/`;
const outside = (...rooms) => ({ pathNot: `^(${rooms.join('|')})/` });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of files cannot be read from one end: each imports what imports it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ is pure TypeScript shared by everyone: no Temporal, no Node, no I/O, nothing above it.',
      from: { path: room('domain') },
      to: { pathNot: ['^domain/', '^node_modules/zod/'] },
    },
    {
      name: 'workflows-are-deterministic',
      severity: 'error',
      comment:
        'workflows/ runs in the sandbox and replays: domain, Temporal workflow APIs, xstate, zod; activities by type only.',
      from: { path: room('workflows') },
      to: {
        pathNot: ['^(domain|workflows)/', '^node_modules/(@temporalio/(workflow|common)|xstate|zod)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'infra-is-below',
      severity: 'error',
      comment:
        'infra/ (stores, SQL, SMTP, the codec, connections) serves the rooms above and imports none of them.',
      from: { path: room('infra') },
      to: { path: '^(workflows|reads|activities|worker|client)/' },
    },
    {
      name: 'reads-serve-activities-and-clients',
      severity: 'error',
      from: { path: room('reads') },
      to: { path: '^(activities|worker|client)/' },
    },
    {
      name: 'activities-below-worker-and-clients',
      severity: 'error',
      from: { path: room('activities') },
      to: { path: '^(worker|client)/' },
    },
    {
      name: 'worker-not-client',
      severity: 'error',
      from: { path: room('worker') },
      to: { path: '^client/' },
    },
    {
      name: 'clients-not-worker-or-activities',
      severity: 'error',
      comment: 'wlx and the web reach workflows through Temporal, never by running worker or activity code.',
      from: { path: room('client') },
      to: { path: '^(worker|activities)/' },
    },
    {
      name: 'operations-shared-by-cli-and-web',
      severity: 'error',
      comment: 'client/operations/ is the one copy of each rule; the front ends sit on it, not it on them.',
      from: { path: room('client/operations') },
      to: { path: '^client/(cli|web)/' },
    },
    {
      name: 'cli-and-web-apart',
      severity: 'error',
      from: { path: room('client/cli') },
      to: { path: '^client/web/' },
    },
    {
      name: 'web-and-cli-apart',
      severity: 'error',
      from: { path: room('client/web') },
      to: { path: '^client/cli/' },
    },
    {
      name: 'source-not-tests',
      severity: 'error',
      comment: 'Production code never imports tests, benches or scripts.',
      from: outside('test', 'bench', 'scripts'),
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A git worktree may link node_modules from another checkout: its packages are still node_modules.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
