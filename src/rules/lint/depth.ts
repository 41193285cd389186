// How deeply a YAML or JSON text nests, measured without parsing it. The parser recurses once per
// level, and V8 can abort the whole process (not throw) when several deep files are parsed in one
// run, so deep texts are turned away before parsing. The scan over-counts rather than under-counts:
// a plain scalar that contains "[" or "{" at the start of a token, or continuation lines of a
// multi-line scalar, may add a level. Also the other checks of a text before it is parsed: its
// encoding (UTF-16, binary, not UTF-8) and its line breaks (a lone CR).

export interface TooDeep {
  depth: number;
  /** Offset of the character where the limit was passed. */
  offset: number;
}

/** The first place where nesting passes `max` levels, or null when it never does. */
export function tooDeep(text: string, max: number): TooDeep | null {
  const n = text.length;
  let flow = 0;
  const blocks: number[] = []; // indentation of each open block level
  let blockScalar = -1; // inside a block scalar (| or >): lines indented more than this are text
  let i = 0;
  while (i < n) {
    // The start of a line.
    let j = i;
    while (text[j] === ' ') j++;
    const indent = j - i;
    let end = text.indexOf('\n', j);
    if (end < 0) end = n;
    const blank = j >= end || text[j] === '#' || text[j] === '\r';
    if (blockScalar >= 0) {
      if (blank || indent > blockScalar) {
        i = end + 1;
        continue;
      }
      blockScalar = -1;
    }
    if (blank) {
      i = end + 1;
      continue;
    }
    if (flow === 0) {
      while (blocks.length && blocks[blocks.length - 1]! >= indent) blocks.pop();
      blocks.push(indent);
      // Compact nested sequences and explicit keys on one line: "- - - x", "? - x".
      while ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\t' || j + 1 >= end)) {
        j++;
        while (text[j] === ' ' || text[j] === '\t') j++;
        blocks.push(j - i);
      }
      if (blocks.length > max) return { depth: blocks.length, offset: j };
    }
    // The rest of the line (and of any quoted scalar or flow collection that runs on).
    let tokenStart = true;
    let last = '';
    for (; j < n; j++) {
      const c = text[j]!;
      if (c === '\n') {
        if (flow === 0) break;
        tokenStart = true;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        tokenStart = tokenStart || last === ':' || last === '-' || last === '?' || last === ',' || last === '[' || last === '{';
        continue;
      }
      if (c === '#' && (j === 0 || /\s/.test(text[j - 1]!))) {
        const e = text.indexOf('\n', j);
        j = (e < 0 ? n : e) - 1;
        continue;
      }
      const atToken = tokenStart || last === '[' || last === '{' || last === ',' || (last === ':' && flow > 0);
      if ((c === '"' || c === "'") && atToken) {
        // A quoted scalar, which may run over lines.
        j++;
        while (j < n) {
          if (c === '"' && text[j] === '\\') j += 2;
          else if (text[j] !== c) j++;
          else if (c === "'" && text[j + 1] === "'")
            j += 2; // '' is a quote inside '...'
          else break;
        }
        last = c;
        tokenStart = false;
        continue;
      }
      if ((c === '[' || c === '{') && atToken) {
        flow++;
        if (flow + blocks.length > max) return { depth: flow + blocks.length, offset: j };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if ((c === '|' || c === '>') && atToken && flow === 0 && /^[|>][-+0-9]*\s*(#.*)?\r?$/.test(text.slice(j, end))) blockScalar = indent;
      last = c;
      tokenStart = false;
    }
    i = j + 1;
  }
  return null;
}

/** 1-based line and column of an offset (for texts not parsed, so without a line counter). */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Line breaks as YAML 1.2 reads them (b-break: CRLF, CR or LF): a lone CR, as old Mac editors
 * write, becomes LF. One character for one, so every offset, line and column stays right.
 */
export const crToLf = (text: string): string => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/** 'little-endian' or 'big-endian' when the bytes are UTF-16: a byte-order mark, or ASCII text with every other byte NUL. */
export function utf16Order(buf: Buffer): string | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'little-endian, with a byte-order mark';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'big-endian, with a byte-order mark';
  const n = Math.min(buf.length, 64) & ~1;
  if (n < 4) return null;
  let le = true;
  let be = true;
  for (let i = 0; i < n; i += 2) {
    const [a, b] = [buf[i]!, buf[i + 1]!];
    le &&= a !== 0 && a < 0x80 && b === 0;
    be &&= b !== 0 && b < 0x80 && a === 0;
  }
  return le ? 'little-endian, without a byte-order mark' : be ? 'big-endian, without a byte-order mark' : null;
}

/**
 * Why bytes are not a text file to read as YAML or JSON (UTF-16, binary, not UTF-8), and where;
 * null when they are UTF-8 text. For the answers and config files, which are refused in one line.
 */
export function notText(buf: Buffer): { problem: string; line: number; column: number } | null {
  const utf16 = utf16Order(buf);
  if (utf16) return { problem: `the file is UTF-16 (${utf16}); save it as UTF-8`, line: 1, column: 1 };
  if (buf.includes(0)) return { problem: 'the file is binary (it has NUL bytes), not YAML or JSON', line: 1, column: 1 };
  const text = buf.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  if (bad < 0 || buf.includes(Buffer.from('\uFFFD'))) return null;
  return { problem: 'the file is not valid UTF-8 here; save it as UTF-8', ...lineCol(text, bad) };
}
