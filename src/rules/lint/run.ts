// The linter, without the CLI: takes a file's bytes (the CLI reads them, capped), recognises what
// the file is from its content, builds the rule context (with CloudFormation Refs resolved to
// parameter defaults), runs the rules, places each finding at its line:column, and applies
// suppression comments and severity overrides. No I/O.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { guessOperation } from '../facts/api';
import { limit } from '../facts/limits';
import { byCodeUnits } from '../units';
import { CFN_TAGS } from './cfn-yaml';
import { crToLf, lineCol, tooDeep, utf16Order } from './depth';
import { firstDuplicateKey } from './duplicate-keys';
import { isObj, plain } from './helpers';
import { RULES, ruleById } from './index';
import { UNRESOLVED, formatMessage, type DocKind, type Finding, type MessageData, type Path, type RuleContext, type Severity, type Subject } from './types';

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;
const TYPE_RULE = 'DA1014';
const CFN_TYPE_RULE = 'DA9003';
const CFN_REQUIRED_RULE = 'DA9002';
/** Findings of a key no schema knows: rule/messageId. */
const UNKNOWN_KEY = new Set(['DA9001/unknownProperty', 'DA9001/unknownResourceKey', 'DA1014/unknownKey']);

export type SeverityConfig = Record<string, Severity | 'off'>;

/**
 * What a deploy-advisor answers file may hold. The vocabulary is the CLI's (its input table), so
 * the caller passes it in; without it, answers files are not recognised.
 */
export interface AnswersSchema {
  /** Every key an answers file may have. */
  keys: readonly string[];
  /** The keys about the workload (two of them make a file without `batch` an answers file). */
  workloadKeys: readonly string[];
  /** What `recommend --answers` would refuse in these answers (not what they leave to flags). */
  problems(data: Record<string, unknown>): Array<{ key: string; message: string }>;
}

export interface LintOptions {
  severities?: SeverityConfig;
  answers?: AnswersSchema;
}

/** What the reporters take: one file (or archive) and its findings. */
export interface ReportFile {
  path: string;
  kinds: string[];
  findings: Finding[];
}

export interface FileResult {
  /** The path as given. */
  path: string;
  /** What the file was recognised as; null when it holds nothing deploy-advisor lints. */
  kinds: DocKind[];
  findings: Finding[];
}

/** Where a finding sits: start and (exclusive) end, 1-based. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding of a rule the loader reports itself (DA0001, DA0002, DA4001). */
export function ruleFinding(id: string, messageId: string, data: MessageData | undefined, span: Span): Finding {
  const r = ruleById(id)!;
  return { ruleId: r.id, messageId, severity: r.severity, message: formatMessage(r, { messageId, data }), ...span, source: r.source };
}

export const point = (line = 1, column = 1): Span => ({ line, column, endLine: line, endColumn: column });
export const fileFinding = (messageId: string, data?: MessageData, span: Span = point()): Finding => ruleFinding('DA0001', messageId, data, span);

function sniff(d: unknown, answers: AnswersSchema | undefined): DocKind | null {
  if (!isObj(d)) return null;
  if (isObj(d.Resources)) {
    const sagemaker = Object.values(d.Resources).some((r) => isObj(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::SageMaker::'));
    return sagemaker ? 'cloudformation' : null;
  }
  if ('EndpointConfigName' in d && 'ProductionVariants' in d) return 'aws-cli:create-endpoint-config';
  if ('InferenceComponentName' in d && 'EndpointName' in d && ('Specification' in d || 'Specifications' in d)) return 'aws-cli:create-inference-component';
  if ('TransformJobName' in d && 'TransformInput' in d) return 'aws-cli:create-transform-job';
  if ('ModelName' in d && ('PrimaryContainer' in d || 'Containers' in d || 'ExecutionRoleArn' in d)) return 'aws-cli:create-model';
  if ('EndpointName' in d && 'EndpointConfigName' in d) return 'aws-cli:create-endpoint';
  // A mistyped key (ProductionVariant:) must not make an AWS CLI input silently skipped.
  const op = guessOperation(Object.keys(d));
  if (op) return `aws-cli:${op}`;
  if (!answers) return null;
  const keys = Object.keys(d);
  if (typeof d.batch === 'boolean' && keys.filter((k) => answers.keys.includes(k)).length >= 2) return 'answers';
  // A partial answers file without batch (flags give the rest): answer keys only, two or more of
  // them about the workload.
  if (keys.every((k) => answers.keys.includes(k)) && keys.filter((k) => answers.workloadKeys.includes(k)).length >= 2) return 'answers';
  return null;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) v = isObj(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** The short-form tag of an intrinsic function's key ('Fn::If' -> '!If', 'Ref' -> '!Ref'). */
const shortTag = (seg: string | number) => (typeof seg === 'string' && (seg === 'Ref' || seg === 'Condition' || seg.startsWith('Fn::')) ? `!${seg.replace(/^Fn::/, '')}` : null);

/**
 * A short-form intrinsic written as a collection (!If [c, a, b], or a block sequence) is one
 * scalar in the parsed document: its arguments have no nodes of their own. They are read again
 * from the source, in place (indented as they stand), for their positions.
 */
function argumentsOf(node: Node, text: string, shift: number): { node: Node; shift: number } | null {
  if (!node.range) return null;
  const start = node.range[0] + shift;
  const end = node.range[1] + shift;
  if (!/^[[{-]/.test(text.slice(start, start + 1))) return null;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const pad = ' '.repeat(start - lineStart);
  const sub = parseDocument(pad + text.slice(start, end), { customTags: CFN_TAGS, logLevel: 'silent' });
  if (sub.errors.length || !sub.contents) return null;
  return { node: sub.contents as Node, shift: start - pad.length };
}

/**
 * Where the value at a JS path starts and ends (or the deepest one on the way): the offending
 * value, or the key when the value is a mapping or sequence (whose first line is a child's) or
 * missing, or when the finding is about the key itself (an unknown key). A short-form intrinsic is
 * one node for the path's 'Fn::If' and its arguments.
 */
function rangeAt(doc: Document, text: string, path: Path, atKey = false): [number, number] | null {
  let node = doc.contents as Node | null;
  let shift = 0;
  const span = (n: Node | null): [number, number] | null => (n?.range ? [n.range[0] + shift, n.range[1] + shift] : null);
  let best = span(node);
  let keySpan: [number, number] | null = null;
  for (const [i, seg] of path.entries()) {
    const tag = shortTag(seg);
    if (node && tag !== null && (node as { tag?: string }).tag === tag) {
      const args = isScalar(node) ? argumentsOf(node, text, shift) : null;
      if (args) [node, shift] = [args.node, args.shift];
      continue;
    }
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keySpan = span(pair.key as Node);
      if (atKey && i === path.length - 1 && keySpan) return keySpan;
      node = ((pair.value as Node | null) ?? pair.key) as Node;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      keySpan = null;
      node = item;
    } else break;
    best = span(node) ?? best;
  }
  return keySpan && (isMap(node) || isSeq(node)) ? keySpan : best;
}

export interface Directive {
  ids: string[];
  reason: string | null;
  line: number;
  /** Where the comment starts and ends on its line (1-based, end exclusive). */
  column: number;
  endColumn: number;
}

const DIRECTIVE = /#\s*deploy-advisor-ignore\s+((?:DA\d{4}[\s,]*)+)(?:--\s*(\S.*))?$/;
/** Terraform has // comments too. */
const HCL_DIRECTIVE = /(?:#|\/\/)\s*deploy-advisor-ignore\s+((?:DA\d{4}[\s,]*)+)(?:--\s*(\S.*))?$/;

export function directives(text: string, hcl = false): Directive[] {
  const out: Directive[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const m = (hcl ? HCL_DIRECTIVE : DIRECTIVE).exec(l);
    if (m) out.push({ ids: m[1]!.split(/[\s,]+/).filter(Boolean), reason: m[2]?.trim() || null, line: i + 1, column: m.index + 1, endColumn: l.trimEnd().length + 1 });
  });
  return out;
}

/** Documents made of resources: CloudFormation templates, and Terraform modules read as such (terraform/module.ts). */
const templated = (kind: DocKind) => kind === 'cloudformation' || kind === 'terraform';

export function context(kind: DocKind, data: Record<string, unknown>): RuleContext {
  const params = isObj(data.Parameters) ? data.Parameters : {};
  const resolve = (v: unknown): unknown => {
    if (!isObj(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'Ref' && typeof v.Ref === 'string') {
      const p = params[v.Ref];
      return isObj(p) && p.Default !== undefined ? p.Default : UNRESOLVED;
    }
    if (keys.length === 1 && (keys[0]!.startsWith('Fn::') || keys[0] === 'Condition')) return UNRESOLVED;
    return v;
  };
  const subjects = (type: string): Subject[] => {
    if (!templated(kind)) return [];
    return Object.entries(isObj(data.Resources) ? data.Resources : {}).flatMap(([id, r]) =>
      // Properties chosen by a condition (!If) are not guessed at.
      isObj(r) && r.Type === type && plain(r.Properties) ? [{ base: ['Resources', id, 'Properties'], name: id, props: r.Properties }] : [],
    );
  };
  const whole = (k: DocKind): Subject[] => (kind === k ? [{ base: [], name: k.replace('aws-cli:', ''), props: data }] : []);
  const models = [...subjects('AWS::SageMaker::Model'), ...whole('aws-cli:create-model')];
  return {
    kind,
    endpointConfigs: [...subjects('AWS::SageMaker::EndpointConfig'), ...whole('aws-cli:create-endpoint-config')],
    models,
    transformJobs: whole('aws-cli:create-transform-job'),
    inferenceComponents: [...subjects('AWS::SageMaker::InferenceComponent'), ...whole('aws-cli:create-inference-component')],
    answers: kind === 'answers' ? { base: [], name: 'answers', props: data } : null,
    resolve,
    resources: templated(kind) && isObj(data.Resources) ? (data.Resources as RuleContext['resources']) : {},
    template: kind === 'cloudformation' ? data : {},
    modelOf(variant) {
      const ref = variant.ModelName;
      let id: string | null = null;
      if (isObj(ref) && Array.isArray(ref['Fn::GetAtt'])) id = String(ref['Fn::GetAtt'][0]);
      else if (isObj(ref) && typeof ref.Ref === 'string') id = ref.Ref;
      if (id !== null) return models.find((m) => m.name === id) ?? null;
      return typeof ref === 'string' ? (models.find((m) => m.props.ModelName === ref) ?? null) : null;
    },
  };
}

/**
 * Findings of an answers file: what `recommend --answers` would refuse in it, each at the offending
 * key (unknown) or its value, placed from the parsed document. An answers file may hold only some
 * answers (flags give the rest), so what is missing is not a finding.
 */
function answersFindings(schema: AnswersSchema, data: Record<string, unknown>, at: (p: Path) => Span): Finding[] {
  const unknown = Object.keys(data).filter((k) => !schema.keys.includes(k));
  if (unknown.length) return unknown.map((k) => ruleFinding('DA4001', 'unknownKey', { key: k, allowed: schema.keys.join(', ') }, at([k])));
  return schema.problems(data).map((p) => ruleFinding('DA4001', 'badValue', { key: p.key, problem: p.message }, at([p.key])));
}

// Go templates (Helm charts and the like): {{ .Values.x }}, {{- include "a" . }}, {{ if … }}. Not
// CloudFormation's dynamic references, {{resolve:ssm:…}}, which are a value, not a template.
const GO_TEMPLATE = /\{\{-?\s*(?:[.$]|\/\*|(?:include|template|define|block|if|else|end|range|with|toYaml|tpl|printf|quote|default|required|lookup|nindent|indent)\b)/;

/** A file's text, or the DA0001 finding that it cannot be read as text (too large, binary, not UTF-8). */
export function decode(buf: Buffer): string | Finding {
  // A reader stops one byte past the cap, so the file's whole size is not known here.
  if (buf.length > MAX_FILE_BYTES) return fileFinding('tooLarge');
  // UTF-16 is refused by name, not as binary: CloudFormation, the AWS CLI and cfn-lint read UTF-8
  // (cfn-lint: "Cannot read file contents"), so decoding it here would pass a file they reject.
  const utf16 = utf16Order(buf);
  if (utf16) return fileFinding('utf16', { order: utf16 });
  if (buf.includes(0)) return fileFinding('binary');
  const text = buf.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !buf.includes(Buffer.from('\uFFFD'))) {
    const before = text.slice(0, bad).split('\n');
    return fileFinding('notUtf8', undefined, point(before.length, before[before.length - 1]!.length + 1));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function lintText(path: string, buf: Buffer, { severities = {}, answers }: LintOptions = {}): FileResult {
  const read = decode(buf);
  if (typeof read !== 'string') return { path, kinds: [], findings: [read] };
  const text = crToLf(read);
  // A template is not the configuration it renders to: skipped silently, as other files are.
  if (GO_TEMPLATE.test(text)) return { path, kinds: [], findings: [] };
  const deep = tooDeep(text, limit('policy.max-nesting'));
  if (deep) {
    const { line, column } = lineCol(text, deep.offset);
    return { path, kinds: [], findings: [fileFinding('tooDeep', { max: limit('policy.max-nesting') }, point(line, column))] };
  }

  const lc = new LineCounter();
  let docs: Document[];
  try {
    // Duplicate keys are found by firstDuplicateKey (one pass), not the library's O(n^2) uniqueKeys.
    docs = parseAllDocuments(text, { lineCounter: lc, customTags: CFN_TAGS, uniqueKeys: false, logLevel: 'error' }) as Document[];
  } catch (e) {
    return { path, kinds: [], findings: [fileFinding('cannotRead', { problem: (e as Error).message })] };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document];

  // Each finding with the document and path it is about, so that one value gets one finding.
  const findings: Array<Finding & { at?: string; doc?: number; path?: Path; member?: string }> = [];
  const kinds: DocKind[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      // The parser's own range of the problem (a duplicate key, a bad token); a point when it has none.
      const s = lc.linePos(err.pos[0]);
      const e = lc.linePos(Math.max(err.pos[0], err.pos[1]));
      const what = err.code === 'DUPLICATE_KEY' ? 'a key appears twice in one mapping' : err.code === 'RESOURCE_EXHAUSTION' ? 'nesting is too deep to read safely' : err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      findings.push(fileFinding('invalidYaml', { problem: what }, { line: s.line, column: s.col, endLine: e.line, endColumn: e.col }));
      continue;
    }
    const dup = firstDuplicateKey(doc);
    if (dup) {
      const s = lc.linePos(dup.range?.[0] ?? 0);
      findings.push(fileFinding('invalidYaml', { problem: 'a key appears twice in one mapping' }, { line: s.line, column: s.col, endLine: s.line, endColumn: s.col + 1 }));
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      const alias = /alias/i.test((e as Error).message);
      findings.push(alias ? fileFinding('aliasBomb', { max: MAX_ALIASES }) : fileFinding('cannotRead', { problem: (e as Error).message }));
      continue;
    }
    const kind = sniff(data, answers);
    if (!kind) continue;
    kinds.push(kind);
    const at = (p: Path, atKey = false): Span => {
      const r = rangeAt(doc, text, p, atKey);
      const start = r?.[0] ?? 0;
      // The end of the value itself, without the line break or blank lines a block collection runs on to.
      let end = Math.max(start, r?.[1] ?? start);
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      const s = lc.linePos(start);
      const e = lc.linePos(end);
      return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
    };
    if (kind === 'answers') {
      findings.push(...answersFindings(answers!, data as Record<string, unknown>, at));
      continue;
    }
    const ctx = context(kind, data as Record<string, unknown>);
    const params = isObj((data as Record<string, unknown>).Parameters) ? ((data as Record<string, unknown>).Parameters as Record<string, unknown>) : {};
    for (const rule of RULES) {
      for (const f of rule.check(ctx)) {
        // Say so when the offending value is a parameter's default, which a deploy may override.
        const v = valueAt(data, f.path);
        const fromDefault = isObj(v) && typeof v.Ref === 'string' && isObj(params[v.Ref]) ? ` (the default of parameter ${v.Ref})` : '';
        const d = docs.indexOf(doc);
        const member = typeof f.data?.member === 'string' ? f.data.member : undefined;
        findings.push({
          ruleId: rule.id,
          messageId: f.messageId,
          severity: rule.severity,
          message: formatMessage(rule, f) + fromDefault,
          source: rule.source,
          ...at(f.path, f.pointAt === 'key'),
          at: `${d}:${JSON.stringify(f.path)}`,
          doc: d,
          path: f.path,
          member,
        });
      }
    }
  }

  return { path, kinds, findings: settle(findings, directives(text), severities) };
}

/**
 * A file's findings as reported: suppressed by directives (on the finding's line or the line
 * before, with a reason), with DA0002 for directives without one, severities overridden, one
 * finding per mistyped value, sorted by position.
 */
export function settle(findings: Array<Finding & { at?: string; doc?: number; path?: Path; member?: string }>, dirs: Directive[], severities: SeverityConfig): Finding[] {
  const kept = findings.filter((f) => !dirs.some((d) => d.reason && d.ids.includes(f.ruleId) && (d.line === f.line || d.line === f.line - 1)));
  for (const d of dirs) {
    if (!d.reason) kept.push(ruleFinding('DA0002', 'noReason', { ids: d.ids.join(', ') }, { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn }));
  }

  const shown = kept.flatMap((f) => {
    const s = severities[f.ruleId];
    return s === 'off' ? [] : [s ? { ...f, severity: s } : f];
  });
  // A value of the wrong type (DA1014: 6.5 for a whole number; DA9003: CloudFormation's schema) is
  // that one problem: range rules that also trip over it are not repeated, and where both type
  // rules see it, DA1014 (which knows the API's own types) speaks. A required member both DA1014
  // and DA9002 miss is reported once, by DA1014. When a type rule is off, the others speak.
  const typed = (id: string) => new Set(shown.filter((f) => f.ruleId === id && f.at).map((f) => f.at));
  const apiTyped = typed(TYPE_RULE);
  const cfnTyped = typed(CFN_TYPE_RULE);
  const apiMissing = new Set(shown.filter((f) => f.ruleId === TYPE_RULE && f.member).map((f) => `${f.at}#${f.member}`));
  // A key that is not known (DA9001, DA1014) is the finding: rules that read intent from a key
  // being absent stay silent about the resource holding it (or the AWS CLI input).
  const subjectOf = (f: { doc?: number; path?: Path }) => `${f.doc}:${f.path?.[0] === 'Resources' ? String(f.path[1]) : ''}`;
  const unknown = new Set(shown.filter((f) => UNKNOWN_KEY.has(`${f.ruleId}/${f.messageId}`) && f.path).map(subjectOf));
  const misled = (f: (typeof shown)[number]) => f.path !== undefined && (ruleById(f.ruleId)?.inferredFromAbsence ?? []).includes(f.messageId) && unknown.has(subjectOf(f));
  const out = shown
    .filter((f) => !f.at || f.ruleId === TYPE_RULE || f.ruleId === CFN_REQUIRED_RULE || !apiTyped.has(f.at))
    .filter((f) => !f.at || f.ruleId === TYPE_RULE || f.ruleId === CFN_TYPE_RULE || !cfnTyped.has(f.at))
    .filter((f) => !(f.ruleId === CFN_REQUIRED_RULE && f.member && apiMissing.has(`${f.at}#${f.member}`)))
    .filter((f) => !misled(f))
    .map(({ at: _, doc: _d, path: _p, member: _m, ...f }) => f)
    .sort((a, b) => a.line - b.line || a.column - b.column || byCodeUnits(a.ruleId, b.ruleId));
  return out;
}
