// An artifact rule's doc page, made from the rule itself (as lint's rule pages are: src/rules/lint/docs.ts).
import { messagesSection } from '../lint/docs';
import type { ArtifactRule } from './checks';

export function artifactRulePage(r: ArtifactRule): string {
  return `# ${r.id}: ${r.name}

**${r.title}**

Severity: ${r.severity}. Source: ${r.source.startsWith('http') ? `<${r.source}>` : `[${r.source}](../../${r.source})`}. Checked by \`deploy-advisor check-artifact\`.

${r.description}

## Fails (archive listing)

\`\`\`text
${r.examples.invalid}
\`\`\`

## Passes (archive listing)

\`\`\`text
${r.examples.valid}
\`\`\`

${messagesSection(r.messages)}
<!-- Generated from src/rules/artifact by scripts/gen-rule-docs.mjs; edit the rule, not this page. -->
`;
}
