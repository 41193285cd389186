// Reads an answers file (YAML or JSON): strict keys, every error with file:line:column.
// Loaded only when --answers is given, so scripted runs without it do not pay for yaml.
// Keys are checked here; values are checked by normalize(), which names this file's line:column.

import type { Document, LineCounter, Node } from 'yaml';
import { readFlatAnswers } from './answers-flat';
import { crToLf, lineCol, notText, tooDeep } from '../rules/lint/depth';
import { limit } from '../rules/facts/limits';
import { levenshtein } from '../rules/facts/api';
import type { Origins } from './answers';
import { ANSWER_KEYS, type RawAnswers } from './inputs';
import { statSync } from 'node:fs';
import { UsageError, oddKind, readCapped } from './io';
import { SHELL_PIPE, rawPath } from './raw-path';

const MAX_FILE_BYTES = 1024 * 1024;

const KEYS = ANSWER_KEYS;

export function suggest(word: string, candidates: readonly string[]): string | null {
  const lower = word.toLowerCase().replace(/[-_]/g, '');
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    // A prefix counts as one edit; of several, the closest in length (image: images, not imageSize).
    const dist = cl.startsWith(lower) || lower.startsWith(cl) ? 1 + Math.abs(cl.length - lower.length) / 1000 : levenshtein(lower, cl);
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function keyNode(yaml: typeof import('./yaml-parse'), doc: Document, key: string): { key?: Node; value?: Node } {
  if (!yaml.isMap(doc.contents)) return {};
  for (const pair of doc.contents.items) {
    if (yaml.isPair(pair) && yaml.isScalar(pair.key) && pair.key.value === key) {
      return { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
    }
  }
  return {};
}

function position(lc: LineCounter, node: Node | undefined): string {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lc.linePos(offset);
  return `${line}:${col}`;
}

function unknownKey(file: string, at: string, key: string): UsageError {
  const hint = suggest(key, KEYS);
  return new UsageError(`${file}:${at}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed keys: ${KEYS.join(', ')}`);
}

/** Reads and validates an answers file; returns the answers and where each came from. */
export async function readAnswersFile(file: string): Promise<{ answers: RawAnswers; origins: Origins }> {
  let text: string;
  if (file === '') throw new UsageError('--answers was given an empty path (an unset shell variable?); give a YAML or JSON file');
  try {
    const path = rawPath(file);
    // A named pipe would wait for a writer forever: refused, unless it is the shell's own pipe
    // (--answers /dev/stdin, or <(command), which is /dev/fd/N), whose writer is already there.
    const st = statSync(path);
    if ((st.isFIFO() || st.isSocket()) && !SHELL_PIPE.test(file)) throw new UsageError(`answers file ${file} is ${oddKind(st)}, not a file; give a YAML or JSON file (or pipe it in: --answers /dev/stdin)`);
    // Capped while reading: /dev/zero or an endless pipe stops at the cap (stat would say 0 bytes).
    const buf = readCapped(path, MAX_FILE_BYTES);
    if (buf.length > MAX_FILE_BYTES) throw new UsageError(`answers file ${file} is larger than 1 MiB; is it the right file?`);
    const odd = notText(buf);
    if (odd) throw new UsageError(`${file}:${odd.line}:${odd.column}: ${odd.problem}`);
    text = crToLf(buf.toString('utf8'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`cannot read answers file ${file}: ${why}`);
  }

  // Flat `key: value` files skip the YAML library (it costs as much as the rest of the run).
  const flat = readFlatAnswers(text);
  if (flat) {
    const origins: Origins = {};
    for (const k of Object.keys(flat.data)) {
      if (!KEYS.includes(k)) throw unknownKey(file, `${flat.keyAt[k]!.line}:${flat.keyAt[k]!.col}`, k);
      origins[k] = `${file}:${flat.valueAt[k]!.line}:${flat.valueAt[k]!.col}: ${k}`;
    }
    return { answers: flat.data, origins };
  }

  const yaml = await import('./yaml-parse');
  const lc = new yaml.LineCounter();
  const deep = tooDeep(text, limit('policy.max-nesting'));
  if (deep) {
    const { line, column } = lineCol(text, deep.offset);
    throw new UsageError(`${file}:${line}:${column}: nesting is too deep; an answers file is a flat mapping such as "payload: 2MB"`);
  }
  const doc = yaml.parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const err = doc.errors[0];
  if (err) {
    const { line, col } = lc.linePos(err.pos[0]);
    throw new UsageError(`${file}:${line}:${col}: not valid YAML or JSON: ${err.message.split('\n')[0]}`);
  }
  // Duplicate keys in one pass (the library's uniqueKeys check is O(n^2)).
  const dup = yaml.firstDuplicateKey(doc);
  if (dup) throw new UsageError(`${file}:${position(lc, dup)}: ${yaml.keyText(dup)} appears twice; give each answer once`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UsageError(`${file}: cannot be read: ${(e as Error).message}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${file}:1:1: must be a mapping of answers (key: value), e.g. "payload: 2MB"`);
  }

  for (const key of Object.keys(data as object)) {
    if (!KEYS.includes(key)) throw unknownKey(file, position(lc, keyNode(yaml, doc, key).key), key);
  }
  const answers = data as RawAnswers;

  const origins: Origins = {};
  for (const k of Object.keys(answers)) origins[k] = `${file}:${position(lc, keyNode(yaml, doc, k).value)}: ${k}`;
  return { answers, origins };
}
