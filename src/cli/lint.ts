// `deploy-advisor lint`: files, folders or stdin in; findings out as text, JSON or SARIF.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Scalar } from 'yaml';
import { RULES } from '../rules/lint/index';
import { EXIT, UsageError, colorWanted, type Io } from './io';
import { lintText, type FileResult, type SeverityConfig } from './lint-file';

export interface LintFlags {
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: string;
  config?: string;
  color?: boolean;
}

const EXTENSIONS = /\.(ya?ml|json|template)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'cdk.out', '.aws-sam', 'dist']);

function expand(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file or folder`);
  }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p);
      } else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(p);
    }
  };
  walk(path);
  return out;
}

function readConfig(file: string, required: boolean): SeverityConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    if (required) throw new UsageError(`cannot read config file ${file}`);
    return {};
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, logLevel: 'error' });
  const where = (offset = 0) => {
    const { line, col } = lc.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors[0]) throw new UsageError(`${where(doc.errors[0].pos[0])}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const root = doc.contents;
  if (root === null) return {};
  if (!isMap(root)) throw new UsageError(`${where()}: expected "rules:" with entries such as "DA1010: off"`);
  const out: SeverityConfig = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'rules') throw new UsageError(`${where((pair.key as Scalar | null)?.range?.[0])}: unknown key "${key}"; the config has one key, rules`);
    if (pair.value === null) continue;
    if (!isMap(pair.value)) throw new UsageError(`${where((pair.value as Scalar).range?.[0])}: rules must map rule ids to off, warning or error`);
    for (const r of pair.value.items) {
      const id = isScalar(r.key) ? String(r.key.value) : '';
      const sev = isScalar(r.value) ? String(r.value.value) : '';
      if (!RULES.some((x) => x.id === id)) throw new UsageError(`${where((r.key as Scalar | null)?.range?.[0])}: unknown rule "${id}"; see deploy-advisor rules`);
      if (!['off', 'warning', 'error'].includes(sev)) throw new UsageError(`${where((r.value as Scalar | null)?.range?.[0])}: ${id}: "${sev}" is not off, warning or error`);
      out[id] = sev as SeverityConfig[string];
    }
  }
  return out;
}

export async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  let maxWarnings = Infinity;
  if (flags.maxWarnings !== undefined) {
    if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(`--max-warnings: "${flags.maxWarnings}" is not a whole number of 0 or more`);
    maxWarnings = Number(flags.maxWarnings);
  }
  const severities = flags.config !== undefined ? readConfig(flags.config, true) : readConfig(join(io.cwd, '.deploy-advisor.yaml'), false);
  if (paths.length === 0) throw new UsageError('give files or folders to lint, or - for stdin (see deploy-advisor lint --help)');

  const files = paths.flatMap((p) => (p === '-' ? ['-'] : expand(p)));
  const results: FileResult[] = [];
  for (const f of files) {
    let buf: Buffer;
    if (f === '-') buf = await io.readStdin();
    else {
      try {
        buf = readFileSync(f);
      } catch (e) {
        throw new UsageError(`cannot read ${f}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
      }
    }
    const shown = f === '-' ? '<stdin>' : isAbsolute(f) && !relative(io.cwd, f).startsWith('..') ? relative(io.cwd, f) : f;
    results.push(lintText(shown, buf, severities));
  }

  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const summary = { files: results.length, linted: results.filter((r) => r.kinds.length > 0 || r.findings.length > 0).length, errors, warnings };

  if (flags.format === 'json') {
    io.stdout.write(JSON.stringify({ schemaVersion: 1, files: results.map((r) => ({ path: r.path, kinds: r.kinds, findings: r.findings })), summary }, null, 2) + '\n');
  } else if (flags.format === 'sarif') {
    const { toSarif } = await import('./report-sarif');
    io.stdout.write(JSON.stringify(toSarif(results), null, 2) + '\n');
  } else if (errors + warnings > 0) {
    const [{ renderLintText }, { makeStyle }] = await Promise.all([import('./report-text'), import('./style')]);
    io.stdout.write(renderLintText(results, summary, makeStyle(colorWanted(io, flags.color, io.stdout))));
  }
  return errors > 0 || warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}
