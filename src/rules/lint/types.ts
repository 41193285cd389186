// The linter's domain: documents as plain data, rules as data plus a small function.

export type Path = ReadonlyArray<string | number>;
export type Severity = 'error' | 'warning';

export type DocKind = 'cloudformation' | 'aws-cli:create-endpoint-config' | 'aws-cli:create-model' | 'aws-cli:create-endpoint' | 'aws-cli:create-transform-job' | 'aws-cli:create-inference-component' | 'terraform' | 'answers';

/** A value made by an intrinsic function that could not be resolved: rules leave it alone. */
export const UNRESOLVED: unique symbol = Symbol('unresolved');
export type Unresolved = typeof UNRESOLVED;

/** One SageMaker object to lint (a resource's Properties, or a whole AWS CLI input), with where it sits. */
export interface Subject {
  base: Path;
  /** Logical id for CloudFormation resources; the operation for AWS CLI inputs. */
  name: string;
  props: Record<string, unknown>;
}

export interface RuleContext {
  kind: DocKind;
  endpointConfigs: Subject[];
  models: Subject[];
  transformJobs: Subject[];
  /** AWS::SageMaker::InferenceComponent resources and create-inference-component inputs. */
  inferenceComponents: Subject[];
  /** Answers files: the raw mapping. */
  answers: Subject | null;
  /** The value with CloudFormation Refs to parameter defaults resolved, or UNRESOLVED. */
  resolve(value: unknown): unknown;
  /** CloudFormation resources by logical id ({} for other kinds). */
  resources: Record<string, unknown>;
  /** The whole CloudFormation template (Parameters, Outputs, Transform...); {} for other kinds. */
  template: Record<string, unknown>;
  /** The model a production variant's ModelName points to, in the same document. */
  modelOf(variant: Record<string, unknown>): Subject | null;
}

/** What a message template's {{placeholders}} are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface RawFinding {
  path: Path;
  /** A key of the rule's `messages`: what tests assert and tools group by, while the prose may change. */
  messageId: string;
  data?: MessageData;
  /** 'key': place the finding at the last path segment's key (an unknown key), not at its value. */
  pointAt?: 'key';
}

/** What makes a rule a security rule: how code scanning ranks it, and the weakness it names. */
export interface SecurityMeta {
  /** GitHub code scanning's security-severity, 0.1-10 (7.0+ high, 4.0-6.9 medium, below 4 low). */
  severity: number;
  /** CWE ids, e.g. "CWE-311". */
  cwe: readonly string[];
}

export interface Rule {
  /** Never changes meaning, never reused. */
  id: string;
  name: string;
  severity: Severity;
  title: string;
  /** Source URL of the limit or rule. */
  source: string;
  /** Longer explanation for the doc page. */
  description: string;
  /** Minimal files a user could write: the first fails the rule, the second passes. */
  examples: { invalid: string; valid: string };
  /** Set for security rules only. */
  security?: SecurityMeta;
  /** Message templates by id (as ESLint's meta.messages): "{{name}}" is filled from the finding's data. An id never changes meaning. */
  messages: Readonly<Record<string, string>>;
  /**
   * Message ids that infer what an object is or needs from a key it lacks ("its variants name no
   * model, so..."). They are not reported when the same resource (or AWS CLI input) holds an
   * unknown key: the misspelt key is the finding (DA9001, DA1014), and the advice built on its
   * absence would be wrong.
   */
  inferredFromAbsence?: readonly string[];
  check(ctx: RuleContext): RawFinding[];
}

export interface Finding {
  ruleId: string;
  /** Which of the rule's messages this is (stable; the text may be reworded). */
  messageId: string;
  severity: Severity;
  message: string;
  /** 1-based start of the offending value. */
  line: number;
  column: number;
  /** 1-based end, exclusive (the column after the value's last character), as SARIF's endColumn. */
  endLine: number;
  endColumn: number;
  source: string;
  /** For archives (check-artifact): the entry the finding is about. */
  entry?: string;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The text of a finding: its rule's template with the data filled in. A missing template or value is a bug in the rule, so it throws. */
export function formatMessage(rule: Pick<Rule, 'id' | 'messages'>, f: Pick<RawFinding, 'messageId' | 'data'>): string {
  const template = rule.messages[f.messageId];
  if (template === undefined) throw new Error(`${rule.id} reported message id "${f.messageId}", which it does not declare`);
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = f.data?.[name];
    if (v === undefined) throw new Error(`${rule.id}/${f.messageId}: no value for {{${name}}}`);
    return String(v);
  });
}

/** The placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
