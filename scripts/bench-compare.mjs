// Before/after start-up in one interleaved run: node scripts/bench-compare.mjs RUNS OLD_ROOT NEW_ROOT (each a built checkout).
// Wall time and CPU time (user + system, from scripts/bench-cpu.cjs), medians, each against bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
const [RUNS, OLD, NEW] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const CPU = new URL('./bench-cpu.cjs', import.meta.url).pathname;
/** @type {Record<string, string | undefined>} */
const quiet = { PATH: process.env.PATH, NO_COLOR: '1' };
const plain = { PATH: process.env.PATH };
/** name: [args, env, expected exit code] @type {Record<string, [string[], Record<string, string | undefined>, number]>} */
const paths = {
  'recommend --format json (flags)': [['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'], quiet, 0],
  'recommend --format json (--answers)': [['recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--format', 'json'], quiet, 0],
  'recommend, text, piped, NO_COLOR unset': [['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent'], plain, 0],
  'lint one clean file': [['lint', 'fixtures/lint/DA1001/valid.yaml'], quiet, 0],
  'lint one file with findings, piped, NO_COLOR unset': [['lint', 'fixtures/lint/DA1001/invalid.yaml'], plain, 1],
  'lint one CloudFormation template': [['lint', 'fixtures/generate/real-time-inference-components-scale-to-zero/cloudformation/template.yaml'], quiet, 0],
};
const cases = [{ name: 'baseline: node -e 0', args: ['-e', '0'], cwd: NEW, env: quiet, exit: 0 }];
for (const [n, [a, env, exit]] of Object.entries(paths))
  for (const [tag, root] of [
    ['before', OLD],
    ['after', NEW],
  ])
    cases.push({ name: `${n} ${tag}`, args: [`${root}/bin/deploy-advisor.cjs`, ...a], cwd: root, env, exit });
const once = (c) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', CPU, ...c.args], { env: c.env, cwd: c.cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  if (r.status !== c.exit) throw new Error(`${c.name}: exit ${r.status}`);
  return [Number(process.hrtime.bigint() - t) / 1e6, Number(r.output[3]) / 1000];
};
/** @type {number[][]} */
const wall = cases.map(() => []);
/** @type {number[][]} */
const cpu = cases.map(() => []);
cases.forEach(once);
for (let i = 0; i < RUNS; i++)
  cases.forEach((c, j) => {
    const [w, u] = once(c);
    wall[j].push(w);
    cpu[j].push(u);
  });
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const [base, cpuBase] = [med(wall[0]), med(cpu[0])];
console.log(`${cpus().length} x ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString()}; ${RUNS} interleaved runs`);
console.log('| command | wall ms | wall / baseline | CPU ms | CPU / baseline |');
console.log('|---|---:|---:|---:|---:|');
cases.forEach((c, j) => console.log(`| ${c.name} | ${med(wall[j]).toFixed(1)} | ${(med(wall[j]) / base).toFixed(2)}x | ${med(cpu[j]).toFixed(1)} | ${(med(cpu[j]) / cpuBase).toFixed(2)}x |`));
