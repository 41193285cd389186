// Lint benchmark: deploy-advisor lint on 1,000 templates against cfn-lint on the same files and a
// parse-only baseline (same parser, no rules), in the same run; peak memory at 100, 300, 1,000 files.
//   node scripts/bench-lint.mjs [--runs N] [--no-cfn-lint]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const RUNS = Number(arg('--runs', 5));
const root = new URL('..', import.meta.url).pathname;
const BIN = join(root, 'bin/deploy-advisor.cjs');

// Source templates: the real-world corpus and the generated goldens.
const cfnDir = join(process.env.DEPLOY_ADVISOR_CORPUS ?? join(root, '../shared/corpus/real-world'), 'cloudformation');
const sources = [
  ...readdirSync(cfnDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(cfnDir, f)),
  ...readdirSync(join(root, 'fixtures/generate')).flatMap((c) => {
    try {
      return [join(root, 'fixtures/generate', c, 'cloudformation/template.yaml')].filter(() => readdirSync(join(root, 'fixtures/generate', c, 'cloudformation')).length);
    } catch {
      return [];
    }
  }),
];
const work = mkdtempSync(join(tmpdir(), 'da-bench-'));
const sets = {};
for (const n of [100, 300, 1000]) {
  const dir = join(work, String(n));
  mkdirSync(dir);
  for (let i = 0; i < n; i++) copyFileSync(sources[i % sources.length], join(dir, `t${String(i).padStart(4, '0')}-${sources[i % sources.length].split('/').pop()}`));
  sets[n] = dir;
}
const probe = join(work, 'rss.cjs');
writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nMAXRSS ${process.resourceUsage().maxRSS}\\n`));");

function run(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1];
  return { ms, status: r.status, rssMiB: rss ? Number(rss) / 1024 : null, stdout: r.stdout };
}
const lint = (dir) => run(process.execPath, ['--require', probe, BIN, 'lint', '--format', 'json', dir]);
const parse = (dir) => run(process.execPath, ['--require', probe, join(root, 'scripts/parse-only.cjs'), dir]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Sanity: the linter really linted every file.
const check = JSON.parse(lint(sets[1000]).stdout);
if (check.summary.files !== 1000) throw new Error(`linted ${check.summary.files} files, not 1000`);

const L = [],
  P = [];
for (let i = 0; i < RUNS; i++) {
  L.push(lint(sets[1000]).ms);
  P.push(parse(sets[1000]).ms);
}
const mem = Object.fromEntries([100, 300, 1000].map((n) => [n, lint(sets[n]).rssMiB]));

let cfn = null;
const haveCfn = !process.argv.includes('--no-cfn-lint') && spawnSync('cfn-lint', ['--version']).status === 0;
if (haveCfn) {
  // One run over all 1,000 files (cfn-lint takes many files), and one of deploy-advisor right after it.
  const c = run('cfn-lint', ['--format', 'parseable', ...readdirSync(sets[1000]).map((f) => join(sets[1000], f))]);
  cfn = { ms: c.ms, after: lint(sets[1000]).ms };
}

console.log(`Machine: ${cpus().length} x ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}; 1,000 templates (${sources.length} distinct: real-world corpus and generated goldens); ${RUNS} interleaved runs\n`);
console.log('| run | median ms | ratio |');
console.log('|---|---:|---:|');
console.log(`| parse-only baseline (same parser, no rules) | ${median(P).toFixed(0)} | 1.00x |`);
console.log(`| deploy-advisor lint | ${median(L).toFixed(0)} | ${(median(L) / median(P)).toFixed(2)}x parse-only |`);
if (cfn) console.log(`| cfn-lint (one run) | ${cfn.ms.toFixed(0)} | ${(cfn.ms / cfn.after).toFixed(1)}x deploy-advisor's run right after it (${cfn.after.toFixed(0)} ms) |`);
else console.log('| cfn-lint | not run (not installed, or --no-cfn-lint) | |');
console.log('\n| files | peak RSS of deploy-advisor lint |');
console.log('|---:|---:|');
for (const [n, m] of Object.entries(mem)) console.log(`| ${n} | ${m?.toFixed(0)} MiB |`);
rmSync(work, { recursive: true, force: true });
