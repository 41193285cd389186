// Writes docs/rules/<id>.md and fixtures/lint/<id>/{invalid,valid}.yaml from the rules.
//   node scripts/gen-rule-docs.mjs
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(tmpdir(), `da-rules-${process.pid}.mjs`);
await build({ stdin: { contents: "export { RULES } from './src/rules/lint/index.ts'; export { rulePage, artifactRulePage } from './src/rules/lint/docs.ts'; export { ARTIFACT_RULES } from './src/rules/artifact/checks.ts';", resolveDir: '.', loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { RULES, rulePage, ARTIFACT_RULES, artifactRulePage } = await import(out);
rmSync(out);
rmSync('docs/rules', { recursive: true, force: true });
mkdirSync('docs/rules', { recursive: true });
for (const r of RULES) {
  writeFileSync(`docs/rules/${r.id}.md`, rulePage(r));
  const dir = `fixtures/lint/${r.id}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'invalid.yaml'), r.examples.invalid);
  writeFileSync(join(dir, 'valid.yaml'), r.examples.valid);
}
for (const r of ARTIFACT_RULES) writeFileSync(`docs/rules/${r.id}.md`, artifactRulePage(r));
console.log(`${RULES.length} lint rules (docs/rules/, fixtures/lint/) and ${ARTIFACT_RULES.length} artifact rules (docs/rules/) written`);
