// The README's tables of flags and answers-file keys, made from the input table.
// `npm run gen:readme` writes them between markers in README.md; a test checks they are current.

import { INPUTS, type Input } from './inputs';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const flags = (i: Input) => [i.arg ? `\`${i.flag} ${i.arg}\`` : `\`${i.flag}\``, ...(i.negate ? [`\`${i.negate}\``] : [])].join(' / ');

function meaning(i: Input): string {
  const parts = [i.help];
  if (i.negate && i.negateHelp) parts.push(`\`${i.negate}\`: ${i.negateHelp}`);
  if (i.required?.({})) parts.push('**required**');
  else if (i.required?.({ batch: false })) parts.push('**required** for per-request work');
  return parts.join('; ');
}

/** The flags of `recommend`, with their answers-file keys and defaults. */
export function flagsTable(): string {
  const rows = INPUTS.map((i) => `| ${cell(flags(i))} | ${i.group === 'command' ? '(flag only)' : `\`${i.key}\``} | ${cell(meaning(i))} | ${cell(i.defaultText ?? '')} |`);
  return ['| flag | answers-file key | meaning | default |', '|---|---|---|---|', ...rows].join('\n');
}

/** An answers file holding every answer that has an example value. */
export function answersExample(): string {
  const lines = INPUTS.filter((i) => i.group !== 'command' && i.example !== undefined).map((i) => `${i.key}: ${String(i.example)}`);
  return ['```yaml', '# workload.yaml', ...lines, '```'].join('\n');
}

export const README_SECTIONS: Record<string, () => string> = { 'recommend-flags': flagsTable, 'answers-example': answersExample };

/** README text with each generated section replaced between its markers. */
export function updateReadme(text: string): string {
  let out = text;
  for (const [name, make] of Object.entries(README_SECTIONS)) {
    const start = `<!-- generated:${name} (npm run gen:readme) -->`;
    const end = `<!-- /generated:${name} -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} section`);
    out = `${out.slice(0, a + start.length)}\n${make()}\n${out.slice(b)}`;
  }
  return out;
}
