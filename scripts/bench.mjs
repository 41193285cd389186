// Start-up benchmark: the scripted commands a user or CI runs, against bare `node -e 0`,
// measured interleaved in the same run (these machines are shared and noisy), medians compared.
//   node scripts/bench.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;
const BIN = new URL('../bin/deploy-advisor.cjs', import.meta.url).pathname;
/** @type {Record<string, string | undefined>} */
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
  // pre-commit's case when a check fails: findings as text on a pipe, colours neither on nor off.
  { name: 'lint one file with findings, piped, NO_COLOR unset', args: [BIN, 'lint', 'fixtures/lint/DA1001/invalid.yaml'], env: { PATH: process.env.PATH }, exit: 1 },
  { name: 'recommend, text, piped, NO_COLOR unset', args: [BIN, 'recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent'], env: { PATH: process.env.PATH } },
  { name: 'lint one clean Terraform file (loads the HCL parser)', args: [BIN, 'lint', 'fixtures/lint/DA1001/valid.tf'] },
  // A template with all seven resource types the CloudFormation schema rules read (issue 22).
  { name: 'lint one CloudFormation template', args: [BIN, 'lint', 'fixtures/generate/real-time-inference-components-scale-to-zero/cloudformation/template.yaml'] },
];

const CPU = new URL('./bench-cpu.cjs', import.meta.url).pathname;

/** Wall time (ms) and CPU time (user + system, ms; from scripts/bench-cpu.cjs on fd 3) of one run. */
function once({ args, env: caseEnv = env, exit = 0 }) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', CPU, ...args], { env: caseEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== exit) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return [ms, Number(r.output[3]) / 1000];
}

/** @type {number[][]} */
const times = cases.map(() => []);
/** @type {number[][]} */
const cpu = cases.map(() => []);
for (const c of cases) once(c); // warm the file cache
for (let i = 0; i < RUNS; i++)
  cases.forEach((c, j) => {
    const [ms, cpuMs] = once(c);
    times[j].push(ms);
    cpu[j].push(cpuMs);
  });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const base = median(times[0]);
const cpuBase = median(cpu[0]);

console.log(`Machine: ${cpus().length} x ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}; ${RUNS} interleaved runs of each\n`);
console.log('| command | median ms | p90 ms | median / baseline | CPU ms (median) | CPU / baseline |');
console.log('|---|---:|---:|---:|---:|---:|');
cases.forEach((c, j) => {
  const m = median(times[j]);
  const cm = median(cpu[j]);
  console.log(`| ${c.name} | ${m.toFixed(1)} | ${p90(times[j]).toFixed(1)} | ${(m / base).toFixed(2)}x | ${cm.toFixed(1)} | ${(cm / cpuBase).toFixed(2)}x |`);
});
