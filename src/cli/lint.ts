// `deploy-advisor lint`: files, folders or stdin in; findings out as text, JSON or SARIF. This
// module reads (files capped while reading, folders walked, the severity config) and reports; the
// linting itself is src/rules/lint/run.ts.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Scalar } from 'yaml';
import { crToLf, lineCol, notText, tooDeep } from '../rules/lint/depth';
import { RULES, ruleById } from '../rules/lint/index';
import { firstDuplicateKey, keyText } from '../rules/lint/duplicate-keys';
import { formatMessage, type MessageData } from '../rules/lint/types';
import { limit } from '../rules/facts/limits';
import { suggest } from './answers-file';
import { EXIT, UsageError, colorWanted, oddKind, readCapped, type Io } from './io';
import { MAX_FILE_BYTES, lintText, type AnswersSchema, type FileResult, type SeverityConfig } from '../rules/lint/run';
import { ANSWERS, ANSWER_KEYS, answerProblems } from './inputs';
import { sourceUrl } from './links';
import { rawPath, undecoded } from './raw-path';

export interface LintFlags {
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: string;
  config?: string;
  color?: boolean;
}

const EXTENSIONS = /\.(ya?ml|json|template|tf)$/i;
/** Terraform files (.tf, .tf.json): read by src/rules/lint/terraform, loaded only when there are some. */
const TERRAFORM = /\.tf(\.json)?$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'cdk.out', '.aws-sam', 'dist', '.terraform']);

/** A file to lint: its path for the system (bytes, when the name is not UTF-8) and for people. */
interface Target {
  path: string | Buffer;
  shown: string;
  /** Set when the path is not a file deploy-advisor reads (a FIFO or device given by name). */
  problem?: { messageId: 'notAFile' | 'folderUnreadable'; data: MessageData };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A file name for people: as it is when it is UTF-8, with \xNN for each byte otherwise. */
function nameOf(name: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: UTF8.decode(name), utf8: true };
  } catch {
    return { text: [...name].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join(''), utf8: false };
  }
}

function expand(arg: string): Target[] {
  if (arg === '') throw new UsageError('an empty path was given (an unset shell variable?); name files or folders to lint');
  // A name that is not UTF-8 is opened by its original bytes, and shown with \xNN escapes.
  const path = rawPath(arg);
  const shown = typeof path === 'string' ? path : nameOf(path).text;
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UsageError(`${shown}: a loop of symbolic links (a link that leads back to itself); give the file or folder it should point to`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${shown}: permission denied`);
    if (undecoded(arg, path)) throw new UsageError(`${shown}: no such file or folder (its name did not arrive as UTF-8 and no file by those bytes was found; lint its folder instead)`);
    throw new UsageError(`${shown}: no such file or folder`);
  }
  if (st.isFile()) return [{ path, shown }];
  if (!st.isDirectory()) return [{ path, shown, problem: { messageId: 'notAFile', data: { kind: oddKind(st) } } }];
  const out: Target[] = [];
  // Names are read as bytes, so that a name that is not UTF-8 is still a path that opens.
  const walk = (dir: Buffer, shown: string) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      out.push({ path: dir, shown, problem: { messageId: 'folderUnreadable', data: { problem: reason(e) } } });
      return;
    }
    for (const e of entries.sort((a, b) => Buffer.compare(a.name, b.name))) {
      const name = nameOf(e.name);
      const p = Buffer.concat([dir, Buffer.from('/'), e.name]);
      const s = join(shown, name.text);
      // Only folders and regular files: FIFOs, devices, sockets and symbolic links in a folder are
      // skipped (a FIFO would wait for a writer forever).
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(name.text)) walk(p, s);
      } else if (e.isFile() && EXTENSIONS.test(name.text)) out.push({ path: name.utf8 ? s : p, shown: s });
    }
  };
  walk(typeof path === 'string' ? Buffer.from(path) : path, shown);
  return out;
}

/** The Terraform files of a folder (regular files only), or none when it cannot be read. */
function siblings(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && TERRAFORM.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
}

/** A DA0001 finding on a file that could not be read at all (so it has no position inside). */
const fileProblem = (shown: string, messageId: string, data: MessageData): FileResult => {
  const r = ruleById('DA0001')!;
  const message = formatMessage(r, { messageId, data });
  return { path: shown, kinds: [], findings: [{ ruleId: r.id, messageId, severity: r.severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, source: r.source }] };
};

function readConfig(file: string, required: boolean): SeverityConfig {
  let buf: Buffer;
  try {
    buf = readCapped(file, MAX_FILE_BYTES, true);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return {};
    throw new UsageError(`cannot read config file ${file}: ${reason(e)}`);
  }
  if (buf.length > MAX_FILE_BYTES) throw new UsageError(`config file ${file} is larger than 1 MiB; it needs a few lines, such as "rules:" and "  DA1010: off"`);
  const odd = notText(buf);
  if (odd) throw new UsageError(`${file}:${odd.line}:${odd.column}: ${odd.problem}`);
  const text = crToLf(buf.toString('utf8'));
  const deep = tooDeep(text, limit('policy.max-nesting'));
  if (deep) {
    const { line, column } = lineCol(text, deep.offset);
    throw new UsageError(`${file}:${line}:${column}: nesting is too deep; the config is "rules:" with entries such as "DA1010: off"`);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, logLevel: 'error' });
  const where = (offset = 0) => {
    const { line, col } = lc.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors[0]) throw new UsageError(`${where(doc.errors[0].pos[0])}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const dup = firstDuplicateKey(doc);
  if (dup) throw new UsageError(`${where(dup.range?.[0])}: ${keyText(dup)} appears twice; give each rule once`);
  const root = doc.contents;
  if (root === null) return {};
  if (!isMap(root)) throw new UsageError(`${where()}: expected "rules:" with entries such as "DA1010: off"`);
  const out: SeverityConfig = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'rules') throw new UsageError(`${where((pair.key as Scalar | null)?.range?.[0])}: unknown key "${key}"${didYouMean(key, ['rules'])}; the config has one key, rules`);
    if (pair.value === null) continue;
    if (!isMap(pair.value)) throw new UsageError(`${where((pair.value as Scalar).range?.[0])}: rules must map rule ids to off, warning or error`);
    for (const r of pair.value.items) {
      const id = isScalar(r.key) ? String(r.key.value) : '';
      const sev = isScalar(r.value) ? String(r.value.value) : '';
      if (!RULES.some((x) => x.id === id))
        throw new UsageError(
          `${where((r.key as Scalar | null)?.range?.[0])}: unknown rule "${id}"${didYouMean(
            id,
            RULES.map((x) => x.id),
          )}; see deploy-advisor rules`,
        );
      if (!SEVERITIES.includes(sev)) throw new UsageError(`${where((r.value as Scalar | null)?.range?.[0])}: ${id}: "${sev}" is not off, warning or error${didYouMean(sev, SEVERITIES)}`);
      out[id] = sev as SeverityConfig[string];
    }
  }
  return out;
}

/** Answers files are linted against the input table, as `recommend --answers` reads them. */
export const ANSWERS_SCHEMA: AnswersSchema = {
  keys: ANSWER_KEYS,
  workloadKeys: ANSWERS.filter((i) => i.group === 'workload' && i.key !== 'gpu').map((i) => i.key),
  problems: answerProblems,
};

const SEVERITIES = ['off', 'warning', 'error'];

function didYouMean(word: string, candidates: string[]): string {
  const s = word ? suggest(word, candidates) : null;
  return s ? ` (did you mean "${s}"?)` : '';
}

export async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  let maxWarnings = Infinity;
  if (flags.maxWarnings !== undefined) {
    if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(`--max-warnings: "${flags.maxWarnings}" is not a whole number of 0 or more`);
    maxWarnings = Number(flags.maxWarnings);
  }
  const severities = flags.config !== undefined ? readConfig(flags.config, true) : readConfig(join(io.cwd, '.deploy-advisor.yaml'), false);
  if (paths.length === 0) throw new UsageError('give files or folders to lint, or - for stdin (see deploy-advisor lint --help)');

  // `lint -` at a terminal would sit waiting for typed YAML: refused, saying how to pipe a file in.
  if (paths.includes('-') && io.stdinIsTTY) throw new UsageError('- reads standard input, which is a terminal here; pipe a file in (deploy-advisor lint - < template.yaml) or name the files');
  const files = paths.flatMap((p): Target[] => (p === '-' ? [{ path: '-', shown: '<stdin>' }] : expand(p)));
  const results: FileResult[] = [];
  // Terraform files are linted by module (folder), once the others are done: a reference in one
  // file may name a resource in another.
  const modules = new Map<string, Array<{ index: number; path: string; shown: string }>>();
  for (const f of files) {
    const shown = isAbsolute(f.shown) && !relative(io.cwd, f.shown).startsWith('..') ? relative(io.cwd, f.shown) : f.shown;
    if (f.problem) {
      results.push(fileProblem(shown, f.problem.messageId, f.problem.data));
      continue;
    }
    if (typeof f.path === 'string' && f.path !== '-' && TERRAFORM.test(f.path)) {
      const dir = dirname(f.path);
      modules.set(dir, [...(modules.get(dir) ?? []), { index: results.length, path: f.path, shown }]);
      results.push(fileProblem(shown, 'cannotRead', { problem: 'not linted' })); // replaced below
      continue;
    }
    let buf: Buffer;
    if (f.path === '-') buf = await io.readStdin(MAX_FILE_BYTES);
    else {
      try {
        buf = readCapped(f.path, MAX_FILE_BYTES, true);
      } catch (e) {
        // One file that cannot be read is a finding on it; the other files are still linted.
        results.push((e as NodeJS.ErrnoException).code === 'ENOTREGULAR' ? fileProblem(shown, 'notAFile', { kind: (e as Error).message }) : fileProblem(shown, 'cannotRead', { problem: reason(e) }));
        continue;
      }
    }
    results.push(lintText(shown, buf, { severities, answers: ANSWERS_SCHEMA }));
  }
  if (modules.size) {
    const { lintTerraformModule } = await import('../rules/lint/terraform/run');
    for (const [dir, members] of modules) {
      const given = new Set(members.map((m) => basename(m.path)));
      const read: Array<{ index: number; path: string; buf: Buffer; report: boolean }> = [];
      for (const m of members) {
        try {
          read.push({ index: m.index, path: m.shown, buf: readCapped(m.path, MAX_FILE_BYTES, true), report: true });
        } catch (e) {
          results[m.index] = (e as NodeJS.ErrnoException).code === 'ENOTREGULAR' ? fileProblem(m.shown, 'notAFile', { kind: (e as Error).message }) : fileProblem(m.shown, 'cannotRead', { problem: reason(e) });
        }
      }
      // The module's other files, read to resolve references only (pre-commit passes changed files).
      for (const name of siblings(dir)) {
        if (given.has(name)) continue;
        try {
          read.push({ index: -1, path: join(dir, name), buf: readCapped(join(dir, name), MAX_FILE_BYTES, true), report: false });
        } catch {
          // A sibling that cannot be read leaves its references unknown.
        }
      }
      const out = await lintTerraformModule(read, { severities });
      read.filter((r) => r.report).forEach((r, i) => (results[r.index] = out[i]!));
    }
  }
  for (const r of results) for (const f of r.findings) f.source = sourceUrl(f.source);

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
    io.stdout.write(renderLintText(results, summary, await makeStyle(colorWanted(io, flags.color, io.stdout))));
  }
  return errors > 0 || warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}
