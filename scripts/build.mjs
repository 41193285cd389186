// Bundles the CLI into dist/ for fast start-up (see BENCHMARKS.md):
// - dist/cli.cjs: our code and commander, CommonJS (Node's ESM loader costs ~3 ms at start-up).
// - dist/vendor/*.cjs: yaml, chalk, the prompts, tar, stream-json and web-tree-sitter, each bundled on its own and
//   required only by the modules that use them, which esbuild initialises lazily on their first dynamic import.
// - dist/vendor/*.wasm: the tree-sitter runtime and its Terraform grammar (tree-sitter-hcl), read only when
//   `lint` meets a .tf file.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const VENDOR = ['yaml', 'chalk', '@inquirer/prompts', 'tar', 'stream-json', 'web-tree-sitter'];
// dist/cli.cjs is a small entry: a plain `lint FILE…` (pre-commit) goes straight to
// dist/cmd/lint.cjs; anything else loads the commander program, dist/program.cjs. The program holds
// recommend (the advisor's own path: one file, and the input and limits tables evaluated once);
// the other commands are bundles of their own (dist/cmd/<name>.cjs), loaded only when they run;
// dist/cmd/audit.cjs holds the AWS SDK clients, so nothing else ever loads them.
const COMMANDS = ['lint', 'check-artifact', 'rules-cmd', 'limits-cmd', 'prices-update', 'prices', 'audit'];
const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });

/** @type {import('esbuild').BuildOptions} */
const common = { sourcemap: process.env.SOURCEMAP === '1', bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning' };

/** Vendor packages (and, from dist/cli.cjs, the commands) stay separate files, required on demand. */
const split = (prefix, commands) => ({
  name: 'split',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDOR.join('|').replace(/\//g, '\\/')})$`) }, (args) => ({ path: `${prefix}vendor/${args.path}.cjs`, external: true }));
    if (commands) {
      // import('./lint') in program.ts (and index.ts, for a plain lint) becomes a stub that requires the command's bundle: a plain
      // require, which the bin compiles with its code cache (vm.Script has no dynamic import()).
      b.onResolve({ filter: new RegExp(`^\\./(${COMMANDS.join('|')}|program)$`) }, (args) => (/(program|index)\.ts$/.test(args.importer) ? { path: args.path.slice(2), namespace: 'command' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'command' }, (args) => ({
        contents: `module.exports = require('./${args.path === 'program' ? 'program' : `cmd/${args.path}`}.cjs');`,
        loader: 'js',
      }));
      b.onResolve({ filter: /^\.\/(cmd\/.*|program\.cjs)$/ }, (args) => ({ path: args.path, external: true }));
    }
    // commander requires child_process (and with it net and dgram) only to run executable
    // subcommands, which deploy-advisor does not have: leave it out of start-up.
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes(`${'node_modules'}/commander/`) ? { path: 'child_process', namespace: 'stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "const no = () => { throw new Error('executable subcommands are not supported'); }; module.exports = { spawn: no, execFileSync: no };",
      loader: 'js',
    }));
  },
});

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.cjs', plugins: [split('./', true)] }),
  build({ ...common, entryPoints: ['src/cli/program.ts'], outfile: 'dist/program.cjs', plugins: [split('./', true)] }),
  ...COMMANDS.map((name) => build({ ...common, entryPoints: [`src/cli/${name}.ts`], outfile: `dist/cmd/${name}.cjs`, plugins: [split('../', false)] })),
  ...VENDOR.map((name) => build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.' }, outfile: `dist/vendor/${name}.cjs` })),
]);

import { copyFileSync, mkdirSync } from 'node:fs';
mkdirSync('dist/vendor', { recursive: true });
copyFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/vendor/web-tree-sitter.wasm');
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'dist/vendor/tree-sitter-terraform.wasm');

// bin/deploy-advisor.cjs reads the bundles as latin1 (a plain copy; UTF-8 decoding costs
// milliseconds at start), which is right only for ASCII: esbuild escapes anything else, and this
// checks it.
import { readdirSync, readFileSync } from 'node:fs';
for (const entry of readdirSync('dist', { recursive: true })) {
  const f = `dist/${entry}`;
  if (f.endsWith('.cjs') && readFileSync(f).some((byte) => byte > 0x7f)) throw new Error(`${f} is not ASCII; bin/deploy-advisor.cjs reads bundles as latin1`);
}

// V8 code caches for the bundle and its vendor files, written after typical runs so that the
// functions they run compile from the cache too. The scripted recommend runs last: its cache of
// dist/cli.cjs is the one kept. bin/deploy-advisor.cjs reads them.
import { spawnSync } from 'node:child_process';
const runs = [
  // Terraform first: the YAML lint after it writes the cache of dist/cmd/lint.cjs that the YAML path uses.
  ['lint', 'fixtures/lint/DA1001/invalid.tf'],
  ['lint', 'fixtures/lint/DA1001/invalid.yaml'],
  ['recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--format', 'json'],
  ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'sustained', '--color'],
  ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'],
];
import { rmSync as rm } from 'node:fs';
for (const [i, args] of runs.entries()) {
  // The last run writes dist/cli.cjs.cache from scratch: a cache that carried every earlier run's
  // functions too would be twice the size, and slower to load on the scripted path.
  if (i === runs.length - 1) rm('dist/cli.cjs.cache', { force: true });
  // Likewise the YAML lint writes dist/cmd/lint.cjs.cache from scratch, without the Terraform run's functions.
  if (args[0] === 'lint' && args[1].endsWith('.yaml')) rm('dist/cmd/lint.cjs.cache', { force: true });
  const r = spawnSync(process.execPath, ['bin/deploy-advisor.cjs', ...args], { env: { ...process.env, DEPLOY_ADVISOR_WRITE_CODE_CACHE: '1', NO_COLOR: '' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`writing the code cache failed (deploy-advisor ${args[0]}: exit ${r.status})`);
}
