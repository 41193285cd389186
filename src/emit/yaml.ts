// A small block-style YAML writer for the documents deploy-advisor generates, with CloudFormation
// short-form tags. Hand-written so that generating a config does not load a YAML library on every
// scripted run; tests parse everything it writes back with the real one.

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue } | Tagged;

/** A value with a YAML tag, e.g. `!Ref Name` or `!If [...]`. */
export class Tagged {
  constructor(
    readonly tag: string,
    readonly value: YamlValue,
  ) {}
}

export const ref = (name: string) => new Tagged('!Ref', name);
export const sub = (text: string) => new Tagged('!Sub', text);
export const getAtt = (resource: string, attribute: string) => new Tagged('!GetAtt', `${resource}.${attribute}`);
export const iff = (condition: string, yes: YamlValue, no: YamlValue) => new Tagged('!If', [condition, yes, no]);
export const equals = (a: YamlValue, b: YamlValue) => new Tagged('!Equals', [a, b]);
export const not = (a: YamlValue) => new Tagged('!Not', [a]);

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~|\.nan|\.inf|-\.inf)$/i;
const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./:@${}+=,()*-]*$/;

function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`cannot write ${v} to YAML`);
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  // A plain scalar only where YAML cannot read it as anything else; otherwise JSON's double-quoted
  // form, which is valid YAML.
  if (PLAIN.test(v) && !RESERVED.test(v) && !v.includes(': ') && !v.endsWith(':') && !v.includes(' #')) return v;
  return JSON.stringify(v);
}

const isCollection = (v: YamlValue): v is YamlValue[] | { [k: string]: YamlValue } => typeof v === 'object' && v !== null && !(v instanceof Tagged);
const isEmpty = (v: YamlValue[] | { [k: string]: YamlValue }) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

/** The text after "key:" or "-": an inline value, or a newline and an indented block. */
function after(v: YamlValue, indent: number): string {
  if (v instanceof Tagged) {
    if (isCollection(v.value) && !isEmpty(v.value)) return ` ${v.tag}\n${block(v.value, indent + 2)}`;
    return ` ${v.tag} ${inline(v.value)}`;
  }
  if (isCollection(v)) return isEmpty(v) ? ` ${inline(v)}` : `\n${block(v, indent + 2)}`;
  return ` ${scalar(v)}`;
}

function inline(v: YamlValue): string {
  if (v instanceof Tagged) return `${v.tag} ${inline(v.value)}`;
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (isCollection(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${scalar(k)}: ${inline(x)}`)
      .join(', ')}}`;
  return scalar(v);
}

function block(v: YamlValue[] | { [k: string]: YamlValue }, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    return v
      .map((item) => {
        if (isCollection(item) && !Array.isArray(item) && !isEmpty(item)) {
          // "- key: value" with the rest of the map aligned under the first key.
          const inner = block(item, indent + 2);
          return `${pad}- ${inner.slice(indent + 2)}`;
        }
        return `${pad}-${after(item, indent)}`;
      })
      .join('\n');
  }
  return Object.entries(v)
    .map(([k, x]) => (isCommentKey(k, x) ? `${pad}# ${commentText(x)}` : `${pad}${scalar(k)}:${after(x, indent)}`))
    .join('\n');
}

/**
 * A mapping entry that is written as a comment line in its place, e.g. a suppression directive
 * just before the line it is about: `{ [commentKey('kms')]: 'deploy-advisor-ignore ...', Key: ... }`.
 * (No SageMaker or CloudFormation key starts with #.)
 */
export const commentKey = (id: string) => `#${id}`;
const isCommentKey = (k: string, x: YamlValue): x is string => k.startsWith('#') && typeof x === 'string';

/**
 * Comment text on one line, whatever it holds: a line break would end the comment and start YAML
 * (an injected key), so line breaks and other control characters are written as \n, \uXXXX.
 */
export function commentText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Writes a document: comment lines first, then the map; `spaced` puts a blank line between top-level keys. */
export function writeYaml(doc: { [key: string]: YamlValue }, comments: string[] = [], spaced = false): string {
  const head = comments.map((c) => (c ? `# ${commentText(c)}` : '#')).join('\n');
  const body = Object.entries(doc)
    .map(([k, x]) => (isCommentKey(k, x) ? `# ${commentText(x)}` : `${scalar(k)}:${after(x, 0)}`))
    .join(spaced ? '\n\n' : '\n');
  return `${head ? `${head}\n` : ''}${body}\n`;
}
