// Bundles the CLI into dist/ for fast start-up (see BENCHMARKS.md):
// - dist/cli.cjs: our code and commander, CommonJS (Node's ESM loader costs ~3 ms at start-up).
// - dist/vendor/*.cjs: yaml, chalk, the prompts, tar and stream-json, each bundled on its own and required only by the
//   modules that use them, which esbuild initialises lazily on their first dynamic import.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const VENDOR = ['yaml', 'chalk', '@inquirer/prompts', 'tar', 'stream-json'];
const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.cjs',
    plugins: [
      {
        name: 'vendor',
        setup(b) {
          b.onResolve({ filter: new RegExp(`^(${VENDOR.join('|').replace(/\//g, '\\/')})$`) }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
          // commander requires child_process (and with it net and dgram) only to run executable
          // subcommands, which deploy-advisor does not have: leave it out of start-up.
          b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
            args.importer.includes(`${'node_modules'}/commander/`) ? { path: 'child_process', namespace: 'stub' } : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents: "const no = () => { throw new Error('executable subcommands are not supported'); }; module.exports = { spawn: no, execFileSync: no };",
            loader: 'js',
          }));
        },
      },
    ],
  }),
  ...VENDOR.map((name) =>
    build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.' }, outfile: `dist/vendor/${name}.cjs` }),
  ),
]);

// V8 code caches for the bundle and its vendor files, written after typical runs so that the
// functions they run compile from the cache too. The scripted recommend runs last: its cache of
// dist/cli.cjs is the one kept. bin/deploy-advisor.cjs reads them.
import { spawnSync } from 'node:child_process';
const runs = [
  ['lint', 'fixtures/lint/DA1001/invalid.yaml'],
  ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'sustained', '--color'],
  ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'],
];
import { rmSync as rm } from 'node:fs';
for (const [i, args] of runs.entries()) {
  // The last run writes dist/cli.cjs.cache from scratch: a cache that carried every earlier run's
  // functions too would be twice the size, and slower to load on the scripted path.
  if (i === runs.length - 1) rm('dist/cli.cjs.cache', { force: true });
  const r = spawnSync(process.execPath, ['bin/deploy-advisor.cjs', ...args], { env: { ...process.env, DEPLOY_ADVISOR_WRITE_CODE_CACHE: '1', NO_COLOR: '' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`writing the code cache failed (deploy-advisor ${args[0]}: exit ${r.status})`);
}
