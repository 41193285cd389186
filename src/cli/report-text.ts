// Lint findings for people: grouped by file, a summary line.
import type { ReportFile } from '../rules/lint/run';
import type { Style } from './style';
import { plural } from '../rules/text';

export function renderLintText(results: ReportFile[], summary: { errors: number; warnings: number }, s: Style): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.findings.length) continue;
    out.push(s.underline(r.path));
    const where = (f: ReportFile['findings'][number]) => f.entry ?? (r.kinds.includes('model-artifact') ? 'archive' : `${f.line}:${f.column}`);
    const w = Math.max(...r.findings.map((f) => where(f).length));
    for (const f of r.findings) {
      const sev = f.severity === 'error' ? s.red('error  ') : s.yellow('warning');
      out.push(`  ${where(f).padEnd(w)}  ${sev}  ${f.message}  ${s.dim(f.ruleId)}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings;
  const files = results.filter((r) => r.findings.length).length;
  const line = `${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(files, 'file')}`;
  out.push(summary.errors ? s.red.bold(`✖ ${line}`) : s.yellow.bold(`⚠ ${line}`));
  return out.join('\n') + '\n';
}
