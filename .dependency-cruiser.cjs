// The layers of docs/architecture.md, checked by `npm test` (dependency-cruiser). Each folder has one
// rule naming everything of vidcost it may import (the table in docs/architecture.md, row by row);
// an import of anything else fails the test suite. Where the table promises something transitive
// ("never reaches"), a `reachable` rule checks every path, not only direct imports.

// Node's file system and the YAML parser, wherever the package manager put node_modules.
const FS_OR_YAML = '^(node:)?fs(/promises)?$|(^|/)node_modules/yaml/';
const LEAVES = '^src/(errors|once)\\.ts$';
// The one part of src/input the engine and the renderers reach (through src/pricing/price-maps.ts):
// the values the exact JSON reader builds (JsonValue, JsonNumber, isJsonObject), not the reader.
const JSON_VALUES = '^src/input/json-value\\.ts$';

/** Modules under `folder` may import modules under `allowed` folders and the files `alsoAllowed`, nothing else of vidcost. */
function mayImportOnly(name, folder, allowed, alsoAllowed, comment) {
  const paths = [`^src/(${[folder, ...allowed].join('|')})/`, ...alsoAllowed];
  return { name, severity: 'error', comment, from: { path: `^src/${folder}/` }, to: { path: '^src/', pathNot: paths } };
}

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
      from: { path: LEAVES },
      to: { path: '^src/' },
    },
    mayImportOnly('money-is-the-bottom', 'money', [], [], 'src/money is exact arithmetic and its display: it imports no other part of vidcost.'),
    mayImportOnly(
      'input-reads-yaml-only',
      'input',
      ['money'],
      ['^src/errors\\.ts$'],
      'src/input reads YAML, JSON and CSV and words schema problems: money and errors only; it knows nothing of prices, scenarios, usage, engine, renderers or CLI.',
    ),
    mayImportOnly(
      'pricing-below-scenario-and-engine',
      'pricing',
      ['input', 'money'],
      [LEAVES],
      'src/pricing (sheets and their vocabulary) imports input, money and the leaves; it is used by scenarios, usage and the engine, never the other way round.',
    ),
    mayImportOnly(
      'scenario-does-not-import-engine',
      'scenario',
      ['pricing', 'input', 'money'],
      [LEAVES],
      "src/scenario turns a scenario file into a Scenario (pricing, input, money, leaves); pricing it is the engine's job.",
    ),
    mayImportOnly(
      'usage-does-not-import-engine',
      'usage',
      ['pricing', 'input', 'money'],
      [LEAVES],
      "src/usage reads usage logs and billing exports into rows (pricing, input, money, leaves); pricing them is the engine's job.",
    ),
    mayImportOnly(
      'engine-is-pure',
      'engine',
      ['scenario', 'usage', 'pricing', 'money'],
      [LEAVES],
      'src/engine is pure functions from sheets, scenarios and usage rows to reports: it imports scenario, usage, pricing, money and the leaves; no input, renderer or CLI.',
    ),
    {
      name: 'engine-reads-no-files',
      severity: 'error',
      comment: 'No path from src/engine reaches the file system or the YAML parser.',
      from: { path: '^src/engine/' },
      to: { path: FS_OR_YAML, reachable: true },
    },
    {
      name: 'engine-parses-nothing',
      severity: 'error',
      comment:
        'No path from src/engine reaches a reader of src/input: only json-value.ts, the values src/pricing/price-maps.ts reads parsed price maps with.',
      from: { path: '^src/engine/' },
      to: { path: '^src/input/', pathNot: JSON_VALUES, reachable: true },
    },
    mayImportOnly(
      'render-does-not-reach-the-cli',
      'render',
      ['engine', 'scenario', 'usage', 'pricing', 'money'],
      [LEAVES],
      'src/render turns a report into text: it imports the engine and what is below it except input; never the CLI.',
    ),
    {
      name: 'render-reads-no-files',
      severity: 'error',
      comment: 'No path from src/render reaches the file system or the YAML parser: it never reads files or arguments.',
      from: { path: '^src/render/' },
      to: { path: FS_OR_YAML, reachable: true },
    },
    {
      name: 'render-parses-nothing',
      severity: 'error',
      comment: 'No path from src/render reaches a reader of src/input, except the JSON value types the engine reaches too.',
      from: { path: '^src/render/' },
      to: { path: '^src/input/', pathNot: JSON_VALUES, reachable: true },
    },
    {
      name: 'commands-do-not-import-commands',
      severity: 'error',
      comment: 'A command is registered by src/cli/main.ts and shares code only through the modules beside it in src/cli/.',
      from: { path: '^src/cli/commands/([^/]+)\\.ts$' },
      to: { path: '^src/cli/commands/', pathNot: '^src/cli/commands/$1\\.ts$' },
    },
    {
      name: 'bin-loads-the-bundle',
      severity: 'error',
      comment:
        "bin/ (the executable and its code-cache loader) requires only its own files, the build's dist/cli.cjs (unresolved before a build) and Node's built-in modules: never src/ or a package.",
      from: { path: '^bin/' },
      to: { pathNot: '^bin/|^(\\.\\./)?dist/cli\\.cjs$', dependencyTypesNot: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.cjs', '.mjs'] },
  },
};
