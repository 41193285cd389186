// Writes docs/rules/<id>.md and fixtures/lint/<id>/{invalid,valid}.yaml from the rules.
//   node scripts/gen-rule-docs.mjs
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(tmpdir(), `da-rules-${process.pid}.mjs`);
await build({ stdin: { contents: "export { RULES } from './src/rules/lint/index.ts'; export { rulePage, artifactRulePage } from './src/rules/lint/docs.ts'; export { ARTIFACT_RULES } from './src/rules/artifact/checks.ts'; export { AUDIT_RULES, auditRulePage } from './src/rules/audit/rules.ts';", resolveDir: '.', loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { RULES, rulePage, ARTIFACT_RULES, artifactRulePage, AUDIT_RULES, auditRulePage } = await import(out);
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
for (const r of AUDIT_RULES) writeFileSync(`docs/rules/${r.id}.md`, auditRulePage(r));
console.log(`${RULES.length} lint rules (docs/rules/, fixtures/lint/), ${ARTIFACT_RULES.length} artifact rules and ${AUDIT_RULES.length} audit rules (docs/rules/) written`);
