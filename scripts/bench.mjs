// Start-up benchmark: the scripted commands a user or CI runs, against bare `node -e 0`,
// measured interleaved in the same run (these machines are shared and noisy), medians compared.
//   node scripts/bench.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;
const BIN = new URL('../bin/deploy-advisor.cjs', import.meta.url).pathname;
const env = { PATH: process.env.PATH, NO_COLOR: '1' };

const cases = [
  { name: 'baseline: node -e 0', args: ['-e', '0'] },
  { name: 'deploy-advisor --version', args: [BIN, '--version'] },
  {
    name: 'recommend --format json (flags)',
    args: [BIN, 'recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'],
  },
  { name: 'recommend --format json (--answers)', args: [BIN, 'recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--format', 'json'] },
  // With a volume: every option planned, priced and sized, and the break-even regions scanned (issue 19).
  {
    name: 'recommend --requests --format json (priced, break-even)',
    args: [BIN, 'recommend', '--no-batch', '--payload', '20KB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--model-size', '1.5GB', '--requests', '120k/day', '--format', 'json'],
  },
  { name: 'lint one clean file (a pre-commit run)', args: [BIN, 'lint', 'fixtures/lint/DA1001/valid.yaml'] },
  { name: 'lint one clean Terraform file (loads the HCL parser)', args: [BIN, 'lint', 'fixtures/lint/DA1001/valid.tf'] },
  // A template with all seven resource types the CloudFormation schema rules read (issue 22).
  { name: 'lint one CloudFormation template', args: [BIN, 'lint', 'fixtures/generate/real-time-inference-components-scale-to-zero/cloudformation/template.yaml'] },
];

function once(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** @type {number[][]} */
const times = cases.map(() => []);
for (const c of cases) once(c.args); // warm the file cache
for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => times[j].push(once(c.args)));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const base = median(times[0]);

console.log(`Machine: ${cpus().length} x ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}; ${RUNS} interleaved runs of each\n`);
console.log('| command | median ms | p90 ms | median / baseline |');
console.log('|---|---:|---:|---:|');
cases.forEach((c, j) => {
  const m = median(times[j]);
  console.log(`| ${c.name} | ${m.toFixed(1)} | ${p90(times[j]).toFixed(1)} | ${(m / base).toFixed(2)}x |`);
});
