// check-artifact on a 2 GB model.tar.gz against `tar -tzf` on the same file, interleaved in the same
// run; peak memory of check-artifact. The archive (4 x 512 MiB of random weights plus code) is made
// once and kept in the temp folder.   node scripts/bench-artifact.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';

const RUNS = Number(process.argv.includes('--runs') ? process.argv[process.argv.indexOf('--runs') + 1] : 3);
const root = new URL('..', import.meta.url).pathname;
const BIN = join(root, 'bin/deploy-advisor.cjs');
const SHARD = 512 * 1024 ** 2;
const file = join(tmpdir(), 'deploy-advisor-bench-2g.tar.gz');

function header(name, size) {
  const h = Buffer.alloc(512);
  const oct = (n, w) => n.toString(8).padStart(w - 1, '0') + '\0';
  h.write(name, 0);
  h.write(oct(0o644, 8), 100);
  h.write(oct(0, 8), 108);
  h.write(oct(0, 8), 116);
  h.write(oct(size, 12), 124);
  h.write(oct(1_700_000_000, 12), 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(oct(sum, 7) + ' ', 148);
  return h;
}

if (!existsSync(file)) {
  console.error(`making ${file} (about 2 GB; once)...`);
  const tmp = `${file}.part`;
  const fd = openSync(tmp, 'w');
  const gz = createGzip({ level: 1 });
  gz.on('data', (c) => writeSync(fd, c));
  const ended = new Promise((r) => gz.on('end', r));
  const put = async (buf) => {
    if (!gz.write(buf)) await new Promise((r) => gz.once('drain', r));
  };
  const code = Buffer.from('def model_fn(model_dir):\n    return None\n');
  await put(header('code/inference.py', code.length));
  await put(code);
  await put(Buffer.alloc(512 - code.length));
  for (let s = 0; s < 4; s++) {
    await put(header(`model-0000${s + 1}-of-00004.safetensors`, SHARD));
    for (let done = 0; done < SHARD; done += 1 << 20) await put(randomBytes(1 << 20));
  }
  await put(Buffer.alloc(1024));
  gz.end();
  await ended;
  closeSync(fd);
  renameSync(tmp, file);
}

const probe = join(tmpdir(), 'deploy-advisor-rss.cjs');
writeFileSync(probe, "process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'))");
const time = (cmd, args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && cmd !== process.execPath) throw new Error(`${cmd} failed: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rss: Number(/MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1] ?? 0) / 1024, out: r.stdout };
};
const T = [],
  D = [],
  R = [];
for (let i = 0; i < RUNS; i++) {
  T.push(time('tar', ['-tzf', file]).ms);
  const d = time(process.execPath, ['--require', probe, BIN, 'check-artifact', '--format', 'json', file]);
  const j = JSON.parse(d.out);
  if (j.files[0].artifact.entries !== 5 || !j.files[0].artifact.complete) throw new Error('check-artifact did not read the whole archive');
  D.push(d.ms);
  R.push(d.rss);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Machine: ${cpus().length} x ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${spawnSync('tar', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}; archive ${(statSync(file).size / 1e9).toFixed(2)} GB compressed, ${((4 * SHARD) / 1e9).toFixed(2)} GB uncompressed; ${RUNS} interleaved runs\n`);
console.log('| run | median ms | speed vs tar -tzf | peak RSS |');
console.log('|---|---:|---:|---:|');
console.log(`| tar -tzf | ${med(T).toFixed(0)} | 1.00x | |`);
console.log(`| deploy-advisor check-artifact | ${med(D).toFixed(0)} | ${(med(T) / med(D)).toFixed(2)}x | ${Math.max(...R).toFixed(0)} MiB (max of ${RUNS}) |`);
