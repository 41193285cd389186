// Writes docs/rules/<id>.md and fixtures/lint/<id>/{invalid,valid}.yaml (and .tf, the Terraform form) from the rules.
//   npm run gen:rule-docs
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Inside the project, so that packages (yaml) resolve from node_modules.
mkdirSync('node_modules/.cache', { recursive: true });
const out = join('node_modules/.cache', `da-rules-${process.pid}.mjs`);
await build({
  stdin: {
    contents:
      "export { RULES } from './src/rules/lint/index.ts'; export { rulePage, terraformExamples } from './src/rules/lint/docs.ts'; export { artifactRulePage } from './src/rules/artifact/docs.ts'; export { ARTIFACT_RULES } from './src/rules/artifact/checks.ts'; export { AUDIT_RULES, auditRulePage } from './src/rules/audit/rules.ts';",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { RULES, rulePage, ARTIFACT_RULES, artifactRulePage, terraformExamples, AUDIT_RULES, auditRulePage } = await import(new URL(`../${out}`, import.meta.url).href);
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
  const tf = terraformExamples(r);
  if (tf) {
    writeFileSync(join(dir, 'invalid.tf'), tf.invalid);
    writeFileSync(join(dir, 'valid.tf'), tf.valid);
  }
}
for (const r of ARTIFACT_RULES) writeFileSync(`docs/rules/${r.id}.md`, artifactRulePage(r));
for (const r of AUDIT_RULES) writeFileSync(`docs/rules/${r.id}.md`, auditRulePage(r));
console.log(`${RULES.length} lint rules (docs/rules/, fixtures/lint/), ${ARTIFACT_RULES.length} artifact rules and ${AUDIT_RULES.length} audit rules (docs/rules/) written`);
