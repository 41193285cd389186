// Before/after start-up in one interleaved run: node scripts/bench-compare.mjs RUNS OLD_ROOT NEW_ROOT (each a built checkout)
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
const [RUNS, OLD, NEW] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const env = { PATH: process.env.PATH, NO_COLOR: '1' };
const paths = {
  'recommend --format json (flags)': ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'],
  'recommend --format json (--answers)': ['recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--format', 'json'],
  'lint one clean file': ['lint', 'fixtures/lint/DA1001/valid.yaml'],
  'lint one CloudFormation template': ['lint', 'fixtures/generate/real-time-inference-components-scale-to-zero/cloudformation/template.yaml'],
};
const cases = [{ name: 'baseline', args: ['-e', '0'], cwd: NEW }];
for (const [n, a] of Object.entries(paths))
  for (const [tag, root] of [
    ['before', OLD],
    ['after', NEW],
  ])
    cases.push({ name: `${n} ${tag}`, args: [`${root}/bin/deploy-advisor.cjs`, ...a], cwd: root });
const once = (c) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { env, cwd: c.cwd, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(c.name + ' ' + r.status);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
/** @type {number[][]} */
const times = cases.map(() => []);
cases.forEach(once);
for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => times[j].push(once(c)));
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = med(times[0]);
console.log(`${cpus().length} x ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString()}; ${RUNS} interleaved runs`);
cases.forEach((c, j) => console.log(`| ${c.name} | ${med(times[j]).toFixed(1)} | ${(med(times[j]) / base).toFixed(2)}x |`));
