// Regenerates the golden configuration files in fixtures/generate/<case>/<target>/ from each
// case's answers.yaml, with the built CLI. Review the diff before committing it.
//   npm run build && node scripts/update-goldens.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// The targets map (src/emit/targets.ts), bundled here so that this script reads the same list.
const bundled = await build({ entryPoints: [new URL('../src/emit/targets.ts', import.meta.url).pathname], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
const { targetsFor: targetsForBatch } = await import(`data:text/javascript,${encodeURIComponent(bundled.outputFiles[0].text)}`);

const root = new URL('../fixtures/generate/', import.meta.url).pathname;
const bin = new URL('../bin/deploy-advisor.cjs', import.meta.url).pathname;

export function targetsFor(caseDir) {
  const batch = /^batch:\s*true\b/m.test(readFileSync(join(caseDir, 'answers.yaml'), 'utf8'));
  return targetsForBatch(batch);
}

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  for (const target of targetsFor(dir)) {
    const out = join(dir, target);
    rmSync(out, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [bin, 'recommend', '--answers', join(dir, 'answers.yaml'), '--target', target, '-o', out, '--format', 'json'], { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`${name} ${target}: exit ${r.status}: ${r.stderr}`);
    console.log(
      `${name}/${target}: ${JSON.parse(r.stdout)
        .config.files.map((f) => f.name)
        .join(', ')}`,
    );
  }
}
