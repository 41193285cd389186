// `deploy-advisor rules`: the lint rules, with their doc pages.
import { ALL_RULES as RULES } from './all-rules';
import { EXIT, type Io } from './io';
import { ruleDocUrl, sourceUrl } from './links';

export function runRules(format: 'text' | 'json' | 'markdown', io: Io): number {
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ schemaVersion: 1, rules: RULES.map(({ id, name, severity, title, source, messages }) => ({ id, name, severity, title, source: sourceUrl(source), docs: ruleDocUrl(id), messages })) }, null, 2) + '\n');
  } else if (format === 'markdown') {
    io.stdout.write(['| id | name | severity | what it checks |', '|---|---|---|---|', ...RULES.map((r) => `| [${r.id}](${ruleDocUrl(r.id)}) | ${r.name} | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} |`)].join('\n') + '\n');
  } else {
    const w = Math.max(...RULES.map((r) => r.name.length));
    io.stdout.write(RULES.map((r) => `${r.id}  ${r.name.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.title}`).join('\n') + `\n\n${RULES.length} rules; each has a page at ${ruleDocUrl('<id>')}\n`);
  }
  return EXIT.ok;
}
