// The linter's domain: documents as plain data, rules as data plus a small function.

export type Path = ReadonlyArray<string | number>;
export type Severity = 'error' | 'warning';

export type DocKind =
  | 'cloudformation'
  | 'aws-cli:create-endpoint-config'
  | 'aws-cli:create-model'
  | 'aws-cli:create-endpoint'
  | 'aws-cli:create-transform-job'
  | 'aws-cli:create-inference-component'
  | 'answers';

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
  /** The model a production variant's ModelName points to, in the same document. */
  modelOf(variant: Record<string, unknown>): Subject | null;
}

export interface RawFinding {
  path: Path;
  message: string;
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
  check(ctx: RuleContext): RawFinding[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  source: string;
  /** For archives (check-artifact): the entry the finding is about. */
  entry?: string;
}
