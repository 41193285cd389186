// Linting a Terraform module: its files are read together (a variant in main.tf may serve a model
// in models.tf), the same rules run over the module as over a CloudFormation template, and each
// finding goes to the file and line:column of the attribute it is about. No I/O.

import { RULES } from '../index';
import { context, decode, directives, fileFinding, settle, type FileResult, type LintOptions, type Span as LineSpan } from '../run';
import { formatMessage, type Finding, type Path } from '../types';
import { loadHcl, readTfJson, type HclFile, type HclReader, type Span } from './hcl';
import { buildModule, pathKey } from './module';

export interface ModuleFile {
  /** The path as shown. */
  path: string;
  buf: Buffer;
  /** Whether findings in this file are reported (sibling files are read only to resolve references). */
  report: boolean;
}

export const isTerraformFile = (name: string) => /\.tf(\.json)?$/i.test(name);

/** Line starts of a text, for offsets to 1-based line:column. */
function lines(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Lints the files of one module (one folder); the parser is loaded on the first call. */
export async function lintTerraformModule(files: ModuleFile[], opts: LintOptions = {}): Promise<FileResult[]> {
  const hcl = files.some((f) => !/\.json$/i.test(f.path)) ? await loadHcl() : null;
  return lintModuleWith(hcl, files, opts);
}

export function lintModuleWith(hcl: HclReader | null, files: ModuleFile[], { severities = {} }: LintOptions = {}): FileResult[] {
  const texts: string[] = [];
  const parsed: HclFile[] = [];
  const early: Finding[][] = files.map(() => []);
  files.forEach((f, i) => {
    const t = decode(f.buf);
    if (typeof t !== 'string') {
      early[i]!.push(t);
      texts.push('');
      parsed.push({ body: { attrs: [], blocks: [] }, error: null });
      return;
    }
    texts.push(t);
    const file = /\.json$/i.test(f.path) ? readTfJson(t, i) : hcl!(t, i);
    parsed.push(file);
  });
  const pos = texts.map(lines);
  const span = (s: Span): LineSpan => {
    const a = pos[s.file]!(s.start);
    let end = s.end;
    while (end > s.start && /\s/.test(texts[s.file]![end - 1]!)) end--;
    const b = pos[s.file]!(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  parsed.forEach((p, i) => {
    if (p.error) early[i]!.push(fileFinding('invalidTerraform', { problem: p.error.problem }, span({ file: i, start: p.error.start, end: p.error.end })));
  });

  const doc = buildModule(parsed);
  const where = (path: Path): { span: Span; note?: string } | null => {
    for (let n = path.length; n > 0; n--) {
      const s = doc.spans.get(pathKey(path.slice(0, n)));
      if (s) return { span: s, note: n === path.length ? doc.notes.get(pathKey(path)) : undefined };
    }
    return null;
  };
  const byFile: Array<Array<Finding & { at?: string }>> = files.map((_, i) => [...early[i]!]);
  const kinds = files.map(() => false);
  for (const [address] of Object.entries(doc.template.Resources)) {
    const s = doc.spans.get(pathKey(['Resources', address]));
    if (s && doc.template.Resources[address]!.Type.startsWith('AWS::SageMaker::')) kinds[s.file] = true;
  }
  if (Object.keys(doc.template.Resources).length) {
    const ctx = context('terraform', doc.template as unknown as Record<string, unknown>);
    for (const rule of RULES) {
      for (const f of rule.check(ctx)) {
        const w = where(f.path);
        if (!w) continue;
        // Say so when the offending value is a variable's default, which a deploy may override.
        const note = w.note ? ` (the default of ${w.note})` : '';
        byFile[w.span.file]!.push({ ruleId: rule.id, messageId: f.messageId, severity: rule.severity, message: formatMessage(rule, f) + note, source: rule.source, ...span(w.span), at: pathKey(f.path) });
      }
    }
  }
  return files.flatMap((f, i) => (f.report ? [{ path: f.path, kinds: kinds[i] ? ['terraform' as const] : [], findings: settle(byFile[i]!, directives(texts[i]!, true), severities) }] : []));
}
