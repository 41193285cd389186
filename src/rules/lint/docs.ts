// A rule's doc page, made from the rule itself (so docs and rules cannot drift apart).
import { terraformExample } from './terraform/examples';
import type { Rule } from './types';

/**
 * The Terraform form of a rule's examples, when both have one: not for the rules about files as a
 * whole (DA0xxx) and answers files (DA4xxx), nor for transform jobs (no Terraform resource).
 */
export function terraformExamples(r: Pick<Rule, 'id' | 'examples'>): { invalid: string; valid: string } | null {
  // File and answers-file rules, and the CloudFormation schema rules (CloudFormation's own property names), have no Terraform form.
  if (/^DA[049]/.test(r.id)) return null;
  const invalid = terraformExample(r.examples.invalid);
  const valid = terraformExample(r.examples.valid);
  return invalid && valid ? { invalid, valid } : null;
}

/** The rule's messages by id: what a finding's messageId names, with its {{placeholders}}. */
export function messagesSection(messages: Readonly<Record<string, string>>): string {
  const items = Object.entries(messages).map(([id, text]) => `- \`${id}\`: ${text.includes('`') ? text : `\`${text}\``}`);
  return `## Messages\n\nA finding's \`messageId\` (in JSON and SARIF output) is one of these; \`{{name}}\` is filled in from the finding.\n\n${items.join('\n')}\n`;
}

/** GitHub code scanning's bands for security-severity. */
const band = (s: number) => (s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low');

function tfSection(r: Rule): string {
  const tf = terraformExamples(r);
  if (!tf) return '';
  return `
## Fails (Terraform)

\`\`\`hcl
${tf.invalid.trimEnd()}
\`\`\`

## Passes (Terraform)

\`\`\`hcl
${tf.valid.trimEnd()}
\`\`\`
`;
}

export function rulePage(r: Rule): string {
  const lang = (s: string) => (s.trimStart().startsWith('{') ? 'json' : 'yaml');
  const sec = r.security
    ? `\nSecurity rule: ${r.security.cwe.map((c) => `[${c}](https://cwe.mitre.org/data/definitions/${c.replace('CWE-', '')}.html)`).join(', ')}; security-severity ${r.security.severity.toFixed(1)} (${band(r.security.severity)} in GitHub code scanning), tagged \`security\` in SARIF.\n`
    : '';
  return `# ${r.id}: ${r.name}

**${r.title}**

Severity: ${r.severity}. Source: ${r.source.startsWith('http') ? `<${r.source}>` : `[${r.source}](../../${r.source})`}
${sec}
${r.description}

## Fails

\`\`\`${lang(r.examples.invalid)}
${r.examples.invalid.trimEnd()}
\`\`\`

## Passes

\`\`\`${lang(r.examples.valid)}
${r.examples.valid.trimEnd()}
\`\`\`
${tfSection(r)}
${messagesSection(r.messages)}
Suppress one finding, with a reason: \`# deploy-advisor-ignore ${r.id} -- <why>\` on its line or the line before.
Turn the rule off or change its severity in \`.deploy-advisor.yaml\`: \`rules: { ${r.id}: off }\`.

<!-- Generated from src/rules/lint by scripts/gen-rule-docs.mjs; edit the rule, not this page. -->
`;
}
