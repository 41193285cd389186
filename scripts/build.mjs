// Bundles the CLI into dist/ for fast start-up (see BENCHMARKS.md):
// - dist/cli.cjs: our code and commander, CommonJS (Node's ESM loader costs ~3 ms at start-up).
// - dist/vendor/*.cjs: yaml, chalk, the prompts and tar, each bundled on its own and required only by the
//   modules that use them, which esbuild initialises lazily on their first dynamic import.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const VENDOR = ['yaml', 'chalk', '@inquirer/prompts', 'tar'];
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

// V8 code cache for the bundle, made after a typical scripted run so that the functions that
// run compile from the cache too. bin/deploy-advisor.cjs reads it.
import { spawnSync } from 'node:child_process';
const cache = spawnSync(
  process.execPath,
  ['bin/deploy-advisor.cjs', 'recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'],
  { env: { ...process.env, DEPLOY_ADVISOR_WRITE_CODE_CACHE: '1', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (cache.status !== 0) throw new Error(`writing the code cache failed (exit ${cache.status})`);
