// Terraform files as a small syntax tree: blocks, attributes and expressions with their offsets.
// .tf files are read with web-tree-sitter and the tree-sitter-hcl project's Terraform grammar
// (a WebAssembly file); .tf.json files with the YAML parser (JSON is YAML), which gives offsets too.
// Nothing is evaluated here: see module.ts.

import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

/** Offsets into one file's text (JavaScript string indexes), end exclusive. */
export interface Span {
  file: number;
  start: number;
  end: number;
}

export type Expr =
  | { k: 'lit'; v: string | number | boolean | null; s: Span }
  | { k: 'tuple'; items: Expr[]; s: Span }
  | { k: 'object'; entries: Array<{ key: string | null; value: Expr; s: Span }>; s: Span }
  /** A string with interpolations: literal text and the expressions between them. */
  | { k: 'template'; parts: Array<string | Expr>; s: Span }
  /** A traversal: var.x, local.y, aws_sagemaker_model.m.name, a.b[0]. */
  | { k: 'ref'; root: string; steps: Array<string | number>; s: Span }
  /** Anything else (function calls, conditionals, for expressions, operators): known only to Terraform. */
  | { k: 'other'; text: string; s: Span };

export interface Attr {
  name: string;
  value: Expr;
  /** From the name to the end of the value. */
  s: Span;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  /** The block's type and labels (its first line). */
  head: Span;
  /** Set when the parser found a syntax error inside: the block is not linted. */
  broken: boolean;
}

export interface Body {
  attrs: Attr[];
  blocks: Block[];
}

export interface HclFile {
  body: Body;
  /** The first syntax error, if any. */
  error: { start: number; end: number; problem: string } | null;
}

// ---------------------------------------------------------------------------------------------
// .tf: tree-sitter

// The parts of web-tree-sitter's API used here (its own types need the DOM library).
interface TsNode {
  type: string;
  text: string;
  startIndex: number;
  endIndex: number;
  hasError: boolean;
  isMissing: boolean;
  isError: boolean;
  namedChildren: TsNode[];
  children: TsNode[];
  childForFieldName(name: string): TsNode | null;
}
interface TsParser {
  parse(text: string): { rootNode: TsNode; delete(): void } | null;
}

export type HclReader = (text: string, file: number) => HclFile;

let reader: Promise<HclReader> | null = null;

/**
 * Where a WebAssembly file is: beside the bundle (dist/vendor/, where scripts/build.mjs copies
 * them), or in node_modules when running from the sources.
 */
function wasmPath(name: 'web-tree-sitter.wasm' | 'tree-sitter-terraform.wasm'): string {
  const { existsSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const dir = typeof __dirname === 'string' ? __dirname : '';
  const bundled = join(dir, '../vendor', name);
  if (dir && existsSync(bundled)) return bundled;
  return require.resolve(name === 'web-tree-sitter.wasm' ? 'web-tree-sitter/web-tree-sitter.wasm' : '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
}

/** The .tf reader; the parser and grammar are loaded on first use only (a YAML lint never pays for them). */
export function loadHcl(): Promise<HclReader> {
  reader ??= (async () => {
    // require, not import(): the bundle's loader (bin/deploy-advisor.cjs, vm.Script) has no dynamic import.
    const { Parser, Language } = require('web-tree-sitter') as {
      Parser: { init(o: { locateFile(name: string): string }): Promise<void>; new (): TsParser & { setLanguage(l: unknown): void } };
      Language: { load(bytes: Uint8Array): Promise<unknown> };
    };
    // Liftoff (V8's baseline WebAssembly compiler) only: optimising the parser in the background
    // costs more than it saves on configuration files, and the process waits for it (BENCHMARKS.md).
    (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');
    await Parser.init({ locateFile: () => wasmPath('web-tree-sitter.wasm') });
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const lang = await Language.load(readFileSync(wasmPath('tree-sitter-terraform.wasm')));
    const parser = new Parser();
    parser.setLanguage(lang);
    return (text: string, file: number) => {
      const tree = parser.parse(text);
      if (!tree) return { body: { attrs: [], blocks: [] }, error: { start: 0, end: 0, problem: 'the parser gave up' } };
      try {
        const root = tree.rootNode;
        const body = root.namedChildren.find((c) => c.type === 'body');
        return { body: body ? readBody(body, file) : { attrs: [], blocks: [] }, error: root.hasError ? firstError(root) : null };
      } finally {
        tree.delete();
      }
    };
  })();
  return reader;
}

function firstError(n: TsNode): HclFile['error'] {
  if (n.isMissing) return { start: n.startIndex, end: n.startIndex, problem: `"${n.type}" is missing` };
  if (n.isError) return { start: n.startIndex, end: n.endIndex, problem: `unexpected ${JSON.stringify(n.text.split('\n')[0]!.slice(0, 40))}` };
  for (const c of n.children) if (c.hasError || c.isMissing) return firstError(c);
  return { start: n.startIndex, end: n.endIndex, problem: 'a syntax error' };
}

function readBody(n: TsNode, file: number): Body {
  const body: Body = { attrs: [], blocks: [] };
  for (const c of n.namedChildren) {
    if (c.type === 'attribute') {
      const [id, expr] = [c.namedChildren.find((x) => x.type === 'identifier'), c.namedChildren.find((x) => x.type === 'expression')];
      if (!id || !expr) continue;
      body.attrs.push({ name: id.text, value: readExpr(expr, file), s: { file, start: c.startIndex, end: c.endIndex } });
    } else if (c.type === 'block') {
      const kids = c.namedChildren;
      const type = kids[0]?.text ?? '';
      const labels = kids
        .slice(1)
        .filter((x) => x.type === 'string_lit' || x.type === 'identifier')
        .map((x) => (x.type === 'string_lit' ? stringText(x) : x.text));
      const inner = kids.find((x) => x.type === 'body');
      const open = kids.find((x) => x.type === 'block_start');
      body.blocks.push({
        type,
        labels,
        body: inner ? readBody(inner, file) : { attrs: [], blocks: [] },
        head: { file, start: c.startIndex, end: open ? open.startIndex - 1 : c.startIndex + type.length },
        broken: c.hasError,
      });
    }
  }
  return body;
}

/** The value of a quoted string without interpolation: its escapes undone. */
function stringText(n: TsNode): string {
  const raw = n.text;
  const inner = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  return unescape(inner);
}

function unescape(s: string): string {
  return s
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
      if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
      return ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' } as Record<string, string>)[e] ?? e;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function readExpr(n: TsNode, file: number): Expr {
  const s: Span = { file, start: n.startIndex, end: n.endIndex };
  const other: Expr = { k: 'other', text: n.text, s };
  const kids = n.namedChildren.filter((c) => c.type !== 'comment');
  const first = kids[0];
  if (!first) return other;
  if (first.type === 'variable_expr') {
    const steps: Array<string | number> = [];
    for (const c of kids.slice(1)) {
      if (c.type === 'get_attr') steps.push(c.namedChildren[0]?.text ?? '');
      else if (c.type === 'index' || c.type === 'new_index' || c.type === 'legacy_index') {
        const m = /^\[\s*(\d+)\s*\]$|^\.(\d+)$|^\[\s*"([^"\\]*)"\s*\]$/.exec(c.text);
        if (!m) return other;
        steps.push(m[3] !== undefined ? m[3] : Number(m[1] ?? m[2]));
      } else return other;
    }
    return { k: 'ref', root: first.text, steps, s };
  }
  if (kids.length !== 1) return other;
  if (first.type === 'literal_value') {
    const lit = first.namedChildren[0];
    if (!lit) return other;
    if (lit.type === 'numeric_lit') return Number.isFinite(Number(lit.text)) ? { k: 'lit', v: Number(lit.text), s } : other;
    if (lit.type === 'bool_lit') return { k: 'lit', v: lit.text === 'true', s };
    if (lit.type === 'null_lit') return { k: 'lit', v: null, s };
    if (lit.type === 'string_lit') return { k: 'lit', v: stringText(lit), s };
    return other;
  }
  if (first.type === 'collection_value') {
    const c = first.namedChildren[0];
    if (c?.type === 'tuple') return { k: 'tuple', items: c.namedChildren.filter((x) => x.type === 'expression').map((x) => readExpr(x, file)), s };
    if (c?.type === 'object') {
      const entries = c.namedChildren
        .filter((x) => x.type === 'object_elem')
        .map((e) => {
          const key = e.childForFieldName('key');
          const val = e.childForFieldName('val');
          const k = key ? readExpr(key, file) : null;
          const name = k?.k === 'ref' && k.steps.length === 0 ? k.root : k?.k === 'lit' && typeof k.v === 'string' ? k.v : null;
          return { key: name, value: val ? readExpr(val, file) : other, s: { file, start: e.startIndex, end: e.endIndex } };
        });
      return { k: 'object', entries, s };
    }
    return other;
  }
  if (first.type === 'template_expr') {
    const t = first.namedChildren[0];
    if (!t) return other;
    const parts: Array<string | Expr> = [];
    for (const p of t.namedChildren) {
      if (p.type === 'template_literal') parts.push(t.type === 'heredoc_template' ? p.text : unescape(p.text));
      else if (p.type === 'template_interpolation') {
        const e = p.namedChildren.find((x) => x.type === 'expression');
        parts.push(e ? readExpr(e, file) : other);
      } else if (p.type === 'template_directive') return other;
    }
    if (t.type === 'heredoc_template' && /^<<-/.test(t.text)) return other; // indented heredoc: leave to Terraform
    return parts.every((p) => typeof p === 'string') ? { k: 'lit', v: parts.join(''), s } : { k: 'template', parts, s };
  }
  return other;
}

// ---------------------------------------------------------------------------------------------
// .tf.json

const TRAVERSAL = /^\s*([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\]|\.\d+)*)\s*$/;

/** A JSON string as Terraform reads it: "${...}" interpolations of simple references, else unknown. */
function jsonString(v: string, s: Span): Expr {
  if (!v.includes('${') && !v.includes('%{')) return { k: 'lit', v: v.replace(/\$\$\{/g, '${'), s };
  if (v.includes('%{')) return { k: 'other', text: v, s };
  const parts: Array<string | Expr> = [];
  let rest = v;
  while (rest.length) {
    const i = rest.indexOf('${');
    if (i < 0) {
      parts.push(rest);
      break;
    }
    if (i > 0) parts.push(rest.slice(0, i));
    const j = rest.indexOf('}', i);
    if (j < 0) return { k: 'other', text: v, s };
    const m = TRAVERSAL.exec(rest.slice(i + 2, j));
    if (!m) return { k: 'other', text: v, s };
    const steps = [...m[2]!.matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]|\.(\d+)/g)].map((x) => (x[1] !== undefined ? x[1] : Number(x[2] ?? x[3])));
    parts.push({ k: 'ref', root: m[1]!, steps, s });
    rest = rest.slice(j + 1);
  }
  return parts.length === 1 && typeof parts[0] !== 'string' ? parts[0]! : { k: 'template', parts, s };
}

/**
 * A .tf.json file: the top level maps block types (resource, variable, locals) to their labels and
 * bodies. Inside a body every key is an attribute whose value may be an object or a list of
 * objects; module.ts reads those as it reads nested blocks.
 */
export function readTfJson(text: string, file: number): HclFile {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
  const err = doc.errors[0];
  if (err) return { body: { attrs: [], blocks: [] }, error: { start: err.pos[0], end: err.pos[1], problem: err.message.split('\n')[0]! } };
  const span = (n: YamlNode | null | undefined): Span => ({ file, start: n?.range?.[0] ?? 0, end: n?.range?.[1] ?? 0 });
  const expr = (n: YamlNode | null): Expr => {
    const s = span(n);
    if (isScalar(n)) {
      const v = n.value;
      if (typeof v === 'string') return jsonString(v, s);
      return typeof v === 'number' || typeof v === 'boolean' || v === null ? { k: 'lit', v, s } : { k: 'other', text: String(v), s };
    }
    if (isSeq(n)) return { k: 'tuple', items: n.items.map((x) => expr(x as YamlNode)), s };
    if (isMap(n)) {
      return {
        k: 'object',
        entries: n.items
          .filter(isPair)
          .map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : null, value: expr(p.value as YamlNode), s: { file, start: (p.key as YamlNode).range?.[0] ?? 0, end: (p.value as YamlNode | null)?.range?.[1] ?? 0 } })),
        s,
      };
    }
    return { k: 'other', text: '', s };
  };
  const body: Body = { attrs: [], blocks: [] };
  const root = doc.contents;
  if (!isMap(root)) return { body, error: null };
  const asBody = (n: YamlNode | null): Body => {
    const e = expr(n);
    if (e.k !== 'object') return { attrs: [], blocks: [] };
    return { attrs: e.entries.filter((x) => x.key !== null).map((x) => ({ name: x.key!, value: x.value, s: x.s })), blocks: [] };
  };
  for (const p of root.items.filter(isPair)) {
    const type = isScalar(p.key) ? String(p.key.value) : '';
    const head = span(p.key as YamlNode);
    const v = p.value as YamlNode | null;
    if (type === 'locals') {
      const items = isSeq(v) ? v.items : [v];
      for (const x of items) body.blocks.push({ type, labels: [], body: asBody(x as YamlNode), head, broken: false });
    } else if ((type === 'variable' || type === 'output') && isMap(v)) {
      for (const q of v.items.filter(isPair)) body.blocks.push({ type, labels: [String((q.key as YamlNode & { value: unknown }).value)], body: asBody(q.value as YamlNode), head: span(q.key as YamlNode), broken: false });
    } else if ((type === 'resource' || type === 'data') && isMap(v)) {
      for (const t of v.items.filter(isPair)) {
        if (!isMap(t.value)) continue;
        for (const r of t.value.items.filter(isPair)) {
          const bodies = isSeq(r.value) ? r.value.items : [r.value];
          for (const b of bodies)
            body.blocks.push({ type, labels: [String((t.key as YamlNode & { value: unknown }).value), String((r.key as YamlNode & { value: unknown }).value)], body: asBody(b as YamlNode), head: span(r.key as YamlNode), broken: false });
        }
      }
    }
  }
  return { body, error: null };
}
