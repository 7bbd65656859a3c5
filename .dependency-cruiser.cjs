// The layers of docs/architecture.md, checked by `npm test` (dependency-cruiser). Each rule names a
// folder and what it must not import; a new import across a layer fails the test suite.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No module imports itself through others: each layer can be read, tested and changed on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-leaves',
      severity: 'error',
      comment: 'src/errors.ts (the Problem and InputError every layer throws) and src/once.ts import no other part of vidcost.',
      from: { path: '^src/(errors|once)\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'money-is-the-bottom',
      severity: 'error',
      comment: 'src/money is exact arithmetic and its display: it imports no other part of vidcost.',
      from: { path: '^src/money/' },
      to: { path: '^src/', pathNot: '^src/money/' },
    },
    {
      name: 'input-reads-yaml-only',
      severity: 'error',
      comment: 'src/input reads YAML and words schema problems; it knows nothing of prices, scenarios, engine, renderers or CLI.',
      from: { path: '^src/input/' },
      to: { path: '^src/(pricing|scenario|engine|render|cli)/|^src/cli\\.ts$' },
    },
    {
      name: 'pricing-below-scenario-and-engine',
      severity: 'error',
      comment: 'src/pricing (sheets and their vocabulary) is used by scenarios and the engine, never the other way round.',
      from: { path: '^src/pricing/' },
      to: { path: '^src/(scenario|engine|render|cli)/|^src/cli\\.ts$' },
    },
    {
      name: 'usage-does-not-import-engine',
      severity: 'error',
      comment: 'src/usage reads usage logs and billing exports into rows; pricing them is the engine\'s job.',
      from: { path: '^src/usage/' },
      to: { path: '^src/(scenario|engine|render|cli)/|^src/cli\\.ts$' },
    },
    {
      name: 'scenario-does-not-import-engine',
      severity: 'error',
      comment: 'src/scenario turns a scenario file into a Scenario; pricing it is the engine\'s job.',
      from: { path: '^src/scenario/' },
      to: { path: '^src/(engine|render|cli)/|^src/cli\\.ts$' },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'src/engine is pure functions from sheets and scenarios to reports: no renderer, no CLI, no file system, no YAML.',
      from: { path: '^src/engine/' },
      to: { path: '^src/(render|cli|input)/|^src/cli\\.ts$|^(node:)?fs(/promises)?$|^node_modules/yaml/' },
    },
    {
      name: 'render-does-not-reach-the-cli',
      severity: 'error',
      comment: 'src/render turns a report into text; it never reads files or arguments, and never parses input.',
      from: { path: '^src/render/' },
      to: { path: '^src/(cli|input)/|^src/cli\\.ts$|^(node:)?fs(/promises)?$|^node_modules/yaml/' },
    },
    {
      name: 'commands-do-not-import-commands',
      severity: 'error',
      comment: 'A command is registered by src/cli/main.ts and shares code only through the modules beside it in src/cli/.',
      from: { path: '^src/cli/commands/([^/]+)\\.ts$' },
      to: { path: '^src/cli/commands/', pathNot: '^src/cli/commands/$1\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.cjs', '.mjs'] },
  },
};
