// Writing Terraform as `terraform fmt` leaves it: two-space indent, the `=` of consecutive one-line
// attributes aligned, a blank line around multi-line values and nested blocks. Used by the
// Terraform emitter and by the rule docs (the Terraform form of each example).

/** An expression written as is: a reference (var.x, aws_sagemaker_model.m.name) or a function call. */
export interface Raw {
  raw: string;
}
export type HValue = string | number | boolean | Raw | HValue[] | { [k: string]: HValue };

export type HItem =
  | { attr: string; value: HValue }
  | { block: HBlock }
  /** A comment line (# ...), or a blank line when text is ''. */
  | { comment: string };

export interface HBlock {
  type: string;
  labels: string[];
  items: HItem[];
}

export const raw = (text: string): Raw => ({ raw: text });
export const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Raw).raw === 'string';

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A string literal: quotes and backslashes escaped, and ${ and %{ kept literal. */
export function quote(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** A string that holds ${...} interpolations on purpose (written as a template). */
export const template = (s: string): Raw => raw(JSON.stringify(s));

function value(v: HValue, indent: string): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRaw(v)) return v.raw;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || isRaw(x))) return `[${v.map((x) => value(x, indent)).join(', ')}]`;
    return `[\n${v.map((x) => `${indent}  ${value(x, `${indent}  `)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (!entries.length) return '{}';
  return `{\n${attrs(
    entries.map(([k, x]) => ({ attr: IDENT.test(k) ? k : quote(k), value: x })),
    `${indent}  `,
  ).join('\n')}\n${indent}}`;
}

/** Lines of consecutive attributes, `=` aligned among one-line values. */
function attrs(list: Array<{ attr: string; value: HValue }>, indent: string): string[] {
  const lines: string[] = [];
  let group: Array<{ attr: string; text: string }> = [];
  const flush = () => {
    const w = Math.max(0, ...group.map((g) => g.attr.length));
    for (const g of group) lines.push(`${indent}${g.attr.padEnd(w)} = ${g.text}`);
    group = [];
  };
  for (const a of list) {
    const text = value(a.value, indent);
    if (text.includes('\n')) {
      flush();
      lines.push(`${indent}${a.attr} = ${text}`);
    } else group.push({ attr: a.attr, text });
  }
  flush();
  return lines;
}

function body(items: HItem[], indent: string): string[] {
  const out: string[] = [];
  let run: Array<{ attr: string; value: HValue }> = [];
  // Blank lines between a run of attributes and a block or multi-line value, as people write them.
  const sep = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  const flushRun = () => {
    if (!run.length) return;
    // Multi-line values stand apart from the aligned one-line ones.
    let chunk: Array<{ attr: string; value: HValue }> = [];
    const emit = () => {
      if (chunk.length) out.push(...attrs(chunk, indent));
      chunk = [];
    };
    for (const a of run) {
      if (value(a.value, indent).includes('\n')) {
        emit();
        sep();
        out.push(...attrs([a], indent));
        out.push('');
      } else chunk.push(a);
    }
    emit();
    run = [];
  };
  for (const it of items) {
    if ('attr' in it) run.push(it);
    else if ('block' in it) {
      flushRun();
      sep();
      out.push(...block(it.block, indent));
      out.push('');
    } else {
      flushRun();
      if (it.comment === '') sep();
      else out.push(`${indent}# ${it.comment}`);
    }
  }
  flushRun();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function block(b: HBlock, indent: string): string[] {
  const head = `${indent}${[b.type, ...b.labels.map((l) => quote(l))].join(' ')} {`;
  const inner = body(b.items, `${indent}  `);
  return inner.length ? [head, ...inner, `${indent}}`] : [`${head}}`];
}

/** A file of top-level blocks (and comments), separated by blank lines, ending with a newline. */
export function writeHcl(items: Array<HBlock | { comment: string }>): string {
  const out: string[] = [];
  for (const it of items) {
    if ('comment' in it) {
      out.push(it.comment === '' ? '' : `# ${it.comment}`.trimEnd());
      continue;
    }
    if (out.length && out[out.length - 1] !== '' && !out[out.length - 1]!.startsWith('#')) out.push('');
    out.push(...block(it, ''));
    out.push('');
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
