// Answers from flags and an answers file, merged and turned into a Workload.
// Every error names where the bad value came from: a flag, or file:line:column.

import { limitBytes, limit, limitPattern } from '../rules/limits';
import { parseDuration, parseSize, formatBytes, formatDuration, UnitError } from '../rules/units';
import { TRAFFIC, type Traffic, type Workload } from '../rules/workload';
import { UsageError } from './io';

/** Workload answers, keyed as in an answers file (camelCase). */
export const ANSWER_FLAGS = {
  batch: '--batch/--no-batch',
  payload: '--payload',
  processingTime: '--processing-time',
  latency: '--latency',
  traffic: '--traffic',
  modelSize: '--model-size',
  gpu: '--gpu/--no-gpu',
  models: '--models',
  frameworks: '--frameworks',
  pipeline: '--pipeline',
  contentType: '--content-type',
} as const;

export type AnswerKey = keyof typeof ANSWER_FLAGS;

/** Deployment answers: what the generated configuration needs besides the workload. */
export const DEPLOY_FLAGS = {
  target: '--target',
  name: '--name',
  image: '--image',
  modelData: '--model-data',
  roleArn: '--role-arn',
  s3Output: '--s3-output',
  s3Input: '--s3-input',
  instanceType: '--instance-type',
} as const;
export type DeployKey = keyof typeof DEPLOY_FLAGS;
export type RawAnswers = Partial<Record<AnswerKey | DeployKey, unknown>>;
/** Where each answer came from: a flag name or "file:line:col". */
export type Origins = Partial<Record<AnswerKey | DeployKey, string>>;

export interface Normalized {
  workload: Workload;
  assumptions: string[];
}

function fail(origin: string, message: string): never {
  throw new UsageError(`${origin}: ${message}`);
}

/** A validator for text with a unit, turning UnitError into an error naming the origin. */
function withUnit(parse: (text: string) => number, example: string) {
  return (value: unknown, origin: string): number => {
    if (typeof value !== 'string') fail(origin, `give ${example} (got ${JSON.stringify(value)})`);
    try {
      return parse(value);
    } catch (e) {
      if (e instanceof UnitError) fail(origin, e.message);
      throw e;
    }
  };
}

const size = withUnit(parseSize, 'a size with a unit, e.g. 2MB');
const duration = withUnit(parseDuration, 'a duration with a unit, e.g. 45s');

function count(value: unknown, origin: string): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    fail(origin, `must be a whole number of at least 1 (got ${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)})`);
  }
  return n;
}

function bool(value: unknown, origin: string): boolean {
  if (typeof value !== 'boolean') fail(origin, `must be true or false (got ${JSON.stringify(value)})`);
  return value;
}

function traffic(value: unknown, origin: string): Traffic {
  if (typeof value === 'string' && (TRAFFIC as readonly string[]).includes(value)) return value as Traffic;
  fail(origin, `unknown traffic pattern ${JSON.stringify(value)}; use one of ${TRAFFIC.join(', ')}`);
}

function mime(value: unknown, origin: string): string {
  // type/subtype, then parameters on the same line: the value reaches generated files and comments.
  const v = typeof value === 'string' ? value.trim() : null;
  if (v === null || !/^[\w.+-]+\/[\w.+-]+([ \t]*;[^\x00-\x1f\x7f]*)?$/.test(v) || !limitPattern('batch-transform.content-type-pattern').test(v)) {
    fail(origin, `${JSON.stringify(value)} is not a MIME type; use e.g. text/csv or application/json`);
  }
  const max = limit('batch-transform.content-type-length');
  if (v.length > max) fail(origin, `${JSON.stringify(v.slice(0, 20))}… is ${v.length} characters; the API takes at most ${max}`);
  return v;
}

function latency(value: unknown, origin: string): number | null {
  if (value === 'none') return null;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) {
    fail(origin, `"${value}" has no unit; give a duration such as 500ms or 2s, or none when callers can wait for a queued result`);
  }
  return duration(value, origin);
}

/** The answers the flowchart needs that have no safe default and were not given. */
export function missingAnswers(raw: RawAnswers): AnswerKey[] {
  if (raw.batch === undefined) return ['batch'];
  if (raw.batch === true) return [];
  return (['payload', 'processingTime', 'latency', 'traffic'] as const).filter((k) => raw[k] === undefined);
}

/**
 * Merges answers (flags already override the file's) into a Workload. Throws UsageError naming
 * every missing answer the flowchart needs, or the first bad value with its origin.
 */
export function normalize(raw: RawAnswers, origins: Origins): Normalized {
  const at = (k: AnswerKey) => origins[k] ?? ANSWER_FLAGS[k];
  const has = (k: AnswerKey) => raw[k] !== undefined;

  // Bad values first: they are more specific than what is missing.
  const validators: Record<AnswerKey, (v: unknown, o: string) => unknown> = {
    batch: bool, payload: size, processingTime: duration, latency, traffic, modelSize: size, gpu: bool,
    models: count, frameworks: count, pipeline: count, contentType: mime,
  };
  for (const k of Object.keys(validators) as AnswerKey[]) if (has(k)) validators[k](raw[k], at(k));

  const missing = missingAnswers(raw).map((k) => (k === 'batch' ? '--batch or --no-batch' : ANSWER_FLAGS[k]));
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.length === 1 ? 'answer' : 'answers'}: ${missing.join(', ')} (give ${missing.length === 1 ? 'it as a flag' : 'them as flags'} or in --answers FILE; see deploy-advisor recommend --help)`,
    );
  }

  const batch = raw.batch as boolean;
  const assumptions: string[] = [];

  let payloadBytes: number;
  if (has('payload')) payloadBytes = size(raw.payload, at('payload'));
  else {
    payloadBytes = limitBytes('batch-transform.payload-default');
    assumptions.push(`record size not given: assumed to fit the default MaxPayloadInMB of ${formatBytes(payloadBytes)} (--payload)`);
  }
  let processingSeconds: number;
  if (has('processingTime')) processingSeconds = duration(raw.processingTime, at('processingTime'));
  else {
    processingSeconds = limit('batch-transform.invocation-timeout-default');
    assumptions.push(`processing time not given: assumed within the default invocation timeout of ${formatDuration(processingSeconds)} (--processing-time)`);
  }

  let latencySeconds: number | null = null;
  let trafficPattern: Traffic | null = null;
  if (batch) {
    const ignored = (['latency', 'traffic'] as const).filter(has).map((k) => ANSWER_FLAGS[k]);
    if (ignored.length) assumptions.push(`${ignored.join(' and ')} ${ignored.length > 1 ? 'do' : 'does'} not apply to a batch job and ${ignored.length > 1 ? 'were' : 'was'} ignored`);
  } else {
    latencySeconds = latency(raw.latency, at('latency'));
    trafficPattern = traffic(raw.traffic, at('traffic'));
  }

  const modelSizeBytes = has('modelSize') ? size(raw.modelSize, at('modelSize')) : null;
  if (modelSizeBytes === null) assumptions.push('model size not given: memory limits were not checked against it (--model-size)');

  const gpu = has('gpu') ? bool(raw.gpu, at('gpu')) : false;
  if (!has('gpu')) assumptions.push('GPU not mentioned: assumed the model runs on CPU (--gpu)');

  const pipeline = has('pipeline') ? count(raw.pipeline, at('pipeline')) : 1;
  let frameworks = has('frameworks') ? count(raw.frameworks, at('frameworks')) : null;
  let models = has('models') ? count(raw.models, at('models')) : null;
  if (models === null) models = frameworks ?? 1;
  if (frameworks === null) {
    frameworks = 1;
    if (models > 1) assumptions.push(`frameworks not given: assumed all ${models} models use one framework (--frameworks)`);
  }
  if (frameworks > models) fail(at('frameworks'), `${frameworks} frameworks cannot be more than the ${models} models (--models)`);

  let contentType: string | null = null;
  if (has('contentType')) contentType = mime(raw.contentType, at('contentType'));
  else if (batch) {
    assumptions.push('content type not given: records are not split by line (--content-type text/csv to split CSV)');
  }

  return {
    workload: { batch, payloadBytes, processingSeconds, latencySeconds, traffic: trafficPattern, modelSizeBytes, gpu, models, frameworks, pipeline, contentType },
    assumptions,
  };
}
