// Lint findings for people: grouped by file, a summary line.
import type { FileResult } from './lint-file';
import type { Style } from './style';

export function renderLintText(results: FileResult[], summary: { errors: number; warnings: number }, s: Style): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.findings.length) continue;
    out.push(s.underline(r.path));
    const w = Math.max(...r.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of r.findings) {
      const sev = f.severity === 'error' ? s.red('error  ') : s.yellow('warning');
      out.push(`  ${`${f.line}:${f.column}`.padEnd(w)}  ${sev}  ${f.message}  ${s.dim(f.ruleId)}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings;
  const files = results.filter((r) => r.findings.length).length;
  const line = `${total} problem${total === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}`;
  out.push(summary.errors ? s.red.bold(`✖ ${line}`) : s.yellow.bold(`⚠ ${line}`));
  return out.join('\n') + '\n';
}
