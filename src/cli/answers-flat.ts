// A fast path for the answers files most people write: a flat block of `key: value` lines, with
// comments. Reading them with the YAML library costs about as much as the rest of a run (its
// bundle and code cache load in 6-7 ms, BENCHMARKS.md), so such files are read here, and anything
// else (quotes, JSON, lists, anchors, numbers that are not whole, a value with a space or a #,
// null, a repeated key) returns null and goes to the YAML library. Every value this accepts reads
// as the YAML 1.2 core schema reads it; test/cli/answers-flat.test.ts holds the two side by side.

export interface FlatAnswers {
  data: Record<string, string | number | boolean>;
  /** 1-based line and column of each key and each value. */
  keyAt: Record<string, { line: number; col: number }>;
  valueAt: Record<string, { line: number; col: number }>;
}

const LINE = /^([A-Za-z][A-Za-z0-9]*):( +)([A-Za-z0-9_./][^\s#]*)( *)(?:( #.*))?$/;
const BLANK_OR_COMMENT = /^ *(#.*)?$/;
// Plain scalars the core schema reads as something other than a string, or this path does not decide.
const NOT_A_PLAIN_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function scalar(text: string): string | number | boolean | undefined {
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^[0-9]{1,15}$/.test(text)) return Number(text);
  if (NOT_A_PLAIN_STRING.test(text)) return undefined; // null, floats, octal, hex, inf, nan: the YAML library
  // A colon ends a plain scalar only before a space or the end of the line (s3://b/k and ARNs stay strings).
  if (text.endsWith(':')) return undefined;
  return text;
}

/** The answers in a flat `key: value` file, or null when the file needs the YAML library. */
export function readFlatAnswers(text: string): FlatAnswers | null {
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff) return null;
  const out: FlatAnswers = { data: {}, keyAt: {}, valueAt: {} };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.endsWith('\r') ? lines[n]!.slice(0, -1) : lines[n]!;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) return null;
    const [, key, gap, raw] = m as unknown as [string, string, string, string];
    const value = scalar(raw);
    if (value === undefined || NOT_A_PLAIN_STRING.test(key) || Object.hasOwn(out.data, key)) return null;
    out.data[key] = value;
    out.keyAt[key] = { line: n + 1, col: 1 };
    out.valueAt[key] = { line: n + 1, col: key.length + 1 + gap.length + 1 };
  }
  return Object.keys(out.data).length > 0 ? out : null;
}
