// The input table: every answer deploy-advisor takes, declared once. Commander's options, the
// answers file's keys and parsing, the wizard's questions, the scripted command line printed after
// the wizard, lint's DA4001, `recommend --help` and the README's tables all derive from it.
// Adding an answer means one entry here plus its use in the engine (src/cli/answers.ts turns the
// parsed answers into a Workload).

import { limit, limitBytes, limitPattern } from '../rules/facts/limits';
import { FLAG_REF } from '../rules/flag-ref';
import { REGION_RE } from '../rules/facts/region';
import { RATE_HELP, parseRate, type Rate } from '../rules/rate';
import { formatBytes, formatDuration, parseDuration, parseSize, UnitError, DURATION_HELP, SIZE_HELP } from '../rules/units';
import { TRAFFIC, type ActiveHours, type Traffic } from '../rules/workload';
import { TARGETS } from '../emit/targets';
import { ACTIVE_HOURS_HELP, ActiveHoursError, activeRate, parseActiveHours } from '../rules/advise/active-hours';

/** A value that is not a valid answer; the message says what to give instead (no origin). */
export class AnswerProblem extends Error {
  override name = 'AnswerProblem';
}

/** Answers as given: flag strings, answers-file values, or wizard replies. */
export type RawAnswers = Record<string, unknown>;

export interface Choice {
  name: string;
  value: unknown;
  description: string;
}

/** How the wizard asks for an answer. The order of INPUTS is the order of the questions. */
export interface Question {
  kind: 'input' | 'select' | 'confirm';
  message: (a: RawAnswers) => string;
  /** One line naming the limit that matters. */
  hint: (a: RawAnswers) => string;
  default: (a: RawAnswers) => string | boolean;
  choices?: Choice[];
  /** Enter with nothing typed skips the question. */
  optional?: boolean;
  /** Show what a typed size or duration means while it is typed. */
  live?: 'size' | 'duration' | 'rate' | 'sizes';
  /** Asked only when this holds for the answers so far (default: always). */
  when?: (a: RawAnswers) => boolean;
  /** Not asked (when() false) and not given: the value to take and the note that says so. */
  skipped?: (a: RawAnswers) => { value: unknown; note: string } | null;
  /**
   * What the answers so far rule out, checked as the answer is typed (the wizard refuses it and
   * says why): null when the value can stand. For flags, the same workload is held against the
   * options and "nothing fits" explains it.
   */
  check?: (v: string, a: RawAnswers) => string | null;
}

export interface Input {
  /** Key in an answers file and in the parsed answers (camelCase); also commander's attribute. */
  key: string;
  flag: string;
  /** The opposite flag of a boolean answer, e.g. --no-batch. */
  negate?: string;
  /** The value's placeholder in help, e.g. "<size>"; absent for booleans. */
  arg?: string;
  /** workload: what the engine decides on; deployment: what the generated files need; command: how the command runs (no answers-file key). */
  group: 'workload' | 'deployment' | 'command';
  help: string;
  /** Help for the negated flag. */
  negateHelp?: string;
  /** The default, as help and the README show it. */
  defaultText?: string;
  /** Allowed values, for help and commander's checks. */
  choices?: readonly string[];
  /** Checks and converts a given value; throws AnswerProblem. */
  parse: (v: unknown) => unknown;
  /** The answer has no safe default: without it (given these answers), recommend cannot decide. */
  required?: (a: RawAnswers) => boolean;
  /** A value for the README's answers-file example. */
  example?: unknown;
  ask?: Question;
  /** Only in the scripted command line when it differs from this. */
  omitWhen?: (v: unknown) => boolean;
  /** Given once per container, in order: a repeatable flag, a list in an answers file (parsed to a list). */
  repeatable?: boolean;
  /** The answer means something only for this kind of work (it is ignored, and left out of the scripted command line, for the other). */
  appliesTo?: 'per-request' | 'batch';
}

// ---- parsers ---------------------------------------------------------------------------------

/**
 * A given value for a message, as JSON writes it; but a number JSON cannot write (NaN, or one too
 * large to hold: YAML .nan and .inf, JSON 1e400) is named, not shown as null.
 */
const show = (v: unknown): string => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN, not a number' : `${v < 0 ? '-' : ''}infinity (.inf, or a number too large to hold)`) : JSON.stringify(v));

/** A parser of text as users write it, turning its UnitError into an AnswerProblem. */
function unit<T>(parse: (s: string) => T, example: string) {
  return (v: unknown): T => {
    if (typeof v !== 'string') throw new AnswerProblem(`give ${example} (got ${show(v)})`);
    try {
      return parse(v);
    } catch (e) {
      if (e instanceof UnitError) throw new AnswerProblem(e.message);
      throw e;
    }
  };
}

const size = unit(parseSize, 'a size with a unit, e.g. 2MB');

const rate = unit<Rate>(parseRate, RATE_HELP);

function region(v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!REGION_RE.test(s)) throw new AnswerProblem(`${show(v)} is not a Region code; use one such as us-east-1 or eu-west-1`);
  return s;
}

/** Sizes of several models: "30GB,8GB" on the command line, or a list in an answers file. */
function sizes(v: unknown): number[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : null;
  if (!list || list.length === 0) throw new AnswerProblem(`give sizes with units, separated by commas, e.g. 30GB,8GB (got ${show(v)})`);
  return list.map((x) => size(typeof x === 'string' ? x.trim() : x));
}
const duration = unit(parseDuration, 'a duration with a unit, e.g. 45s');

function count(v: unknown): number {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw new AnswerProblem(`must be a whole number of at least 1 (got ${show(v)})`);
  return n;
}

/** Requests one model copy serves at once: a whole number from 1 to policy.concurrency-per-copy-max. */
function concurrency(v: unknown): number {
  const n = count(v);
  const max = limit('policy.concurrency-per-copy-max');
  if (n > max) throw new AnswerProblem(`${n} requests at once on one copy is more than ${max}; give the model server's workers or the LLM container's batch size (e.g. 32)`);
  return n;
}

function activeHours(v: unknown): ActiveHours {
  if (typeof v !== 'string') throw new AnswerProblem(`give ${ACTIVE_HOURS_HELP} (got ${show(v)})`);
  try {
    return parseActiveHours(v);
  } catch (e) {
    if (e instanceof ActiveHoursError) throw new AnswerProblem(e.message);
    throw e;
  }
}

function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw new AnswerProblem(`must be true or false (got ${show(v)})`);
  return v;
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (v: unknown): T => {
    const s = typeof v === 'string' ? v.trim().toLowerCase() : v;
    if (typeof s === 'string' && (values as readonly string[]).includes(s)) return s as T;
    throw new AnswerProblem(`unknown ${what} ${show(v)}; use one of ${values.join(', ')}`);
  };
}

function latency(v: unknown): number | null {
  if (typeof v === 'string' && v.trim().toLowerCase() === 'none') return null;
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) {
    throw new AnswerProblem(`"${v}" has no unit; give a duration such as 500ms or 2s, or none when callers can wait for a queued result`);
  }
  try {
    return duration(v);
  } catch (e) {
    if (e instanceof AnswerProblem) throw new AnswerProblem(`${e.message}; or none when callers can wait for a queued result`);
    throw e;
  }
}

// A MIME type as RFC 9110 writes one: type/subtype and optional parameters, printable ASCII only,
// so that nothing but a content type reaches a generated file.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MIME = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[^"\\x00-\\x1f\\x7f]*"))*$`);

function mime(v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!MIME.test(s) || !limitPattern('batch-transform.content-type-pattern').test(s)) throw new AnswerProblem(`${show(v)} is not a MIME type; use e.g. text/csv or application/json`);
  const max = limit('batch-transform.content-type-length');
  if (s.length > max) throw new AnswerProblem(`${show(s.slice(0, 20))}… is ${s.length} characters; the API takes at most ${max}`);
  return s;
}

/** Deployment values: one line of text. Their API patterns are checked where the configuration is made. */
function text(v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') throw new AnswerProblem(`must be text (got ${show(v)})`);
  const s = v.trim();
  if (/[\x00-\x1f\x7f\u0085\u2028\u2029]/.test(s)) throw new AnswerProblem(`${show(s)} holds a control character (a line break or tab); give it on one line`);
  return s;
}

/** One value per container, in order: a repeated flag or a list in an answers file. */
function texts(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new AnswerProblem('give at least one value (an empty list gives none)');
  return list.map((x, k) => {
    try {
      return text(x);
    } catch (e) {
      if (e instanceof AnswerProblem && list.length > 1) throw new AnswerProblem(`value ${k + 1} of ${list.length}: ${e.message}`);
      throw e;
    }
  });
}

/** A folder to write into: not empty (an empty name would mean the current folder without saying so). */
function folder(v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') throw new AnswerProblem(`an empty folder name; give one, e.g. -o deploy/ (or -o . for the current folder)`);
  return v;
}

const none = (v: unknown) => v;

// ---- the table -------------------------------------------------------------------------------

const isBatch = (a: RawAnswers) => a.batch === true;
const perRequest = (a: RawAnswers) => a.batch === false;
const tryNumber = (f: (v: unknown) => number, v: unknown): number | null => {
  try {
    return f(v);
  } catch {
    return null;
  }
};

/** Per-request work whose payload or processing time already rules out Real-Time and Serverless. */
export function needsQueue(a: RawAnswers): boolean {
  const payload = tryNumber(size, a.payload) ?? 0;
  const time = tryNumber(duration, a.processingTime) ?? 0;
  const timeLimit = a.streaming === true ? limit('real-time.streaming-timeout') : limit('real-time.invocation-timeout');
  return payload > limit('real-time.payload') || time > timeLimit;
}

/** The policy's peak-to-average factor for the traffic pattern answered (sustained when not yet known). */
function peakFactor(a: RawAnswers): number {
  let traffic: Traffic = 'sustained';
  try {
    if (a.traffic !== undefined) traffic = oneOf(TRAFFIC, 'traffic pattern')(a.traffic);
  } catch {
    // not a pattern yet: the sustained factor
  }
  return limit(`policy.peak-factor-${traffic}`);
}

const TRAFFIC_CHOICES: Array<Choice & { value: Traffic }> = [
  { name: 'Sustained', value: 'sustained', description: 'Steady load most of the day: instances kept warm (Real-Time).' },
  { name: 'Intermittent', value: 'intermittent', description: 'Idle periods between bursts: Serverless scales to zero, with cold starts.' },
  { name: 'Unpredictable', value: 'unpredictable', description: 'Spiky, hard to plan: Serverless if it fits, else Real-Time with autoscaling.' },
];

export const INPUTS: readonly Input[] = [
  {
    key: 'batch',
    flag: '--batch',
    negate: '--no-batch',
    group: 'workload',
    help: 'all data is available up front and processed offline',
    negateHelp: 'requests arrive one by one',
    parse: bool,
    required: () => true,
    example: false,
    ask: {
      kind: 'select',
      message: () => 'How does the data arrive?',
      hint: () => '',
      default: () => false,
      choices: [
        { name: 'Requests, one by one', value: false, description: 'An endpoint answers each request: Real-Time, Serverless or Asynchronous.' },
        { name: 'All up front, processed offline', value: true, description: 'A Batch Transform job reads it from S3, writes results back and stops.' },
      ],
    },
  },
  {
    key: 'payload',
    flag: '--payload',
    arg: '<size>',
    group: 'workload',
    help: 'largest request payload (for batch: the largest record or mini-batch), e.g. 750KB, 2MB, 1.5GB, 3MiB',
    defaultText: `for batch, the default MaxPayloadInMB (${formatBytes(limitBytes('batch-transform.payload-default'))})`,
    parse: size,
    required: perRequest,
    example: '2MB',
    ask: {
      kind: 'input',
      live: 'size',
      message: (a) => (isBatch(a) ? 'Largest record or mini-batch?' : 'Largest request payload?'),
      hint: (a) =>
        isBatch(a)
          ? `Batch Transform takes up to ${formatBytes(limitBytes('batch-transform.payload'))} per request`
          : `Real-Time takes up to ${formatBytes(limit('real-time.payload'))}, Serverless ${formatBytes(limit('serverless.payload'))}, Asynchronous ${formatBytes(limitBytes('async.payload'))}`,
      default: (a) => (isBatch(a) ? formatBytes(limitBytes('batch-transform.payload-default')).replace(' ', '') : '1MB'),
      check: (v, a) => {
        const b = tryNumber(size, v);
        const max = isBatch(a) ? limitBytes('batch-transform.payload') : limitBytes('async.payload');
        if (b === null || b <= max) return null;
        return isBatch(a)
          ? `Batch Transform takes at most ${formatBytes(max)} per request (MaxPayloadInMB): split the records into smaller ones`
          : `no endpoint takes a request larger than ${formatBytes(max)} (Asynchronous): send a reference to the data in S3 instead, or process it offline (Batch Transform)`;
      },
    },
  },
  {
    key: 'processingTime',
    flag: '--processing-time',
    arg: '<duration>',
    group: 'workload',
    help: 'worst-case model time per request, e.g. 300ms, 45s, 10m, 2h',
    defaultText: `for batch, the default invocation timeout (${formatDuration(limit('batch-transform.invocation-timeout-default'))})`,
    parse: duration,
    required: perRequest,
    example: '800ms',
    ask: {
      kind: 'input',
      live: 'duration',
      message: () => 'Worst-case model time per request?',
      hint: (a) =>
        isBatch(a)
          ? `Batch Transform allows up to ${formatDuration(limit('batch-transform.invocation-timeout'))} per request`
          : `Real-Time and Serverless must answer within ${formatDuration(limit('real-time.invocation-timeout'))} (${formatDuration(limit('real-time.streaming-timeout'))} when streamed); Asynchronous allows ${formatDuration(limit('async.invocation-timeout'))}`,
      default: (a) => (isBatch(a) ? '10m' : '1s'),
      check: (v, a) => {
        const t = tryNumber(duration, v);
        const max = isBatch(a) ? limit('batch-transform.invocation-timeout') : limit('async.invocation-timeout');
        if (t === null || t <= max) return null;
        return isBatch(a)
          ? `Batch Transform gives one request at most ${formatDuration(max)}: split the records into smaller ones`
          : `no endpoint gives one request more than ${formatDuration(max)} (Asynchronous): split the work into shorter requests, or process it offline (Batch Transform, also at most ${formatDuration(limit('batch-transform.invocation-timeout'))} per request)`;
      },
    },
  },
  {
    key: 'streaming',
    flag: '--streaming',
    negate: '--no-streaming',
    group: 'workload',
    appliesTo: 'per-request',
    help: `the model streams its response (InvokeEndpointWithResponseStream): Real-Time then allows up to ${formatDuration(limit('real-time.streaming-timeout'))} of processing`,
    negateHelp: 'the model answers each request in one response',
    defaultText: 'no',
    parse: bool,
    example: false,
    omitWhen: (v) => v !== true,
    ask: {
      kind: 'confirm',
      message: () => 'Does the model stream its response (InvokeEndpointWithResponseStream)?',
      hint: () => `a streamed Real-Time response may take up to ${formatDuration(limit('real-time.streaming-timeout'))}; otherwise requests over ${formatDuration(limit('real-time.invocation-timeout'))} need a queue`,
      default: () => false,
      // It changes the answer only for per-request work that takes longer than a Real-Time request may.
      when: (a) =>
        perRequest(a) &&
        (() => {
          const t = tryNumber(duration, a.processingTime) ?? 0;
          return t > limit('real-time.invocation-timeout') && t <= limit('real-time.streaming-timeout') && (tryNumber(size, a.payload) ?? 0) <= limit('real-time.payload');
        })(),
    },
  },
  {
    key: 'latency',
    flag: '--latency',
    arg: '<duration>',
    group: 'workload',
    appliesTo: 'per-request',
    help: 'the answer time callers need, or "none" when they can wait for a queued result',
    parse: latency,
    required: perRequest,
    example: '30s',
    ask: {
      kind: 'input',
      message: () => 'How soon do callers need the answer?',
      hint: (a) =>
        needsQueue(a)
          ? 'this needs a queue (Asynchronous): "none" when callers collect the result later'
          : `a duration, or "none" when callers can collect a queued result; under ${formatDuration(limit('policy.cold-start-tolerance'))} rules out Serverless cold starts`,
      default: (a) => (needsQueue(a) ? 'none' : '1s'),
      when: perRequest,
      check: (v, a) => {
        let wait: number | null;
        try {
          wait = latency(v);
        } catch {
          return null; // the parser says what is wrong
        }
        const time = tryNumber(duration, a.processingTime);
        if (wait === null || time === null) return null;
        if (wait < time)
          return `callers cannot have the answer within ${formatDuration(wait)} when the model takes ${formatDuration(time)} per request: give at least ${formatDuration(time)}, or none when callers can collect a queued result`;
        const need = time + limit('policy.async-overhead');
        if (needsQueue(a) && wait < need)
          return `this needs a queue (Asynchronous), which adds about ${formatDuration(limit('policy.async-overhead'))} to the ${formatDuration(time)} of processing: give at least ${formatDuration(need)}, or none when callers can collect a queued result`;
        return null;
      },
    },
  },
  {
    key: 'traffic',
    flag: '--traffic',
    arg: '<pattern>',
    group: 'workload',
    appliesTo: 'per-request',
    choices: TRAFFIC,
    help: `${TRAFFIC.slice(0, -1).join(', ')} or ${TRAFFIC.at(-1)}`,
    parse: oneOf(TRAFFIC, 'traffic pattern'),
    required: perRequest,
    example: 'intermittent',
    ask: {
      kind: 'select',
      message: () => 'What does the traffic look like?',
      hint: () => '',
      default: () => 'sustained',
      choices: TRAFFIC_CHOICES,
      // Traffic decides between Serverless and Real-Time only; an Asynchronous workload is not asked.
      when: (a) => perRequest(a) && !needsQueue(a) && String(a.latency).trim().toLowerCase() !== 'none',
      skipped: (a) => (perRequest(a) ? { value: 'unpredictable', note: 'traffic was not asked: it does not change an Asynchronous recommendation (--traffic unpredictable assumed)' } : null),
    },
  },
  {
    key: 'gpu',
    flag: '--gpu',
    negate: '--no-gpu',
    group: 'workload',
    help: 'the model needs a GPU',
    negateHelp: 'the model runs on CPU',
    defaultText: 'no',
    parse: bool,
    example: false,
    omitWhen: (v) => v !== true,
    ask: { kind: 'confirm', message: () => 'Does the model need a GPU?', hint: (a) => (isBatch(a) ? '' : 'Serverless is CPU only'), default: () => false },
  },
  {
    key: 'models',
    flag: '--models',
    arg: '<n>',
    group: 'workload',
    help: 'models behind one endpoint',
    defaultText: '1 (or --frameworks)',
    parse: count,
    example: 1,
    omitWhen: (v) => Number(v) === 1,
    // A transform job runs one model: only endpoints host several.
    ask: { kind: 'input', message: () => 'How many models behind one endpoint?', hint: () => 'many models of one framework share a multi-model endpoint', default: () => '1', when: perRequest },
  },
  {
    key: 'frameworks',
    flag: '--frameworks',
    arg: '<n>',
    group: 'workload',
    help: 'distinct frameworks (containers) among those models, at most --models',
    defaultText: '1',
    parse: count,
    example: 1,
    omitWhen: (v) => Number(v) === 1,
    ask: {
      kind: 'input',
      message: () => 'How many different frameworks (containers) among them?',
      hint: () => `up to ${limit('multi-container.containers')} can share a multi-container endpoint`,
      default: () => '1',
      when: (a) => perRequest(a) && Number(a.models ?? 1) > 1,
    },
  },
  {
    key: 'modelSizes',
    flag: '--model-sizes',
    arg: '<sizes>',
    group: 'workload',
    help: 'size in memory of each model behind the endpoint, e.g. 30GB,8GB,2GB: GPU models of different sizes, or sizes far apart, get resources of their own (inference components)',
    defaultText: 'each --model-size',
    parse: sizes,
    omitWhen: (v) => v === undefined,
    ask: {
      kind: 'input',
      live: 'sizes',
      optional: true,
      message: (a) => `Size in memory of each of the ${a.models} models?`,
      hint: () => 'Enter to skip; e.g. 30GB,8GB: GPU models of different sizes, or sizes far apart, get resources of their own (inference components)',
      default: () => '',
      // Only several models behind one endpoint share (or reserve) memory by size; not when one size was given for all.
      when: (a) => perRequest(a) && Number(a.models ?? 1) > 1 && a.modelSize === undefined,
    },
  },
  {
    key: 'modelSize',
    flag: '--model-size',
    arg: '<size>',
    group: 'workload',
    help: 'model size in memory, e.g. 1.2GB',
    defaultText: 'not checked',
    parse: size,
    example: '1.2GB',
    ask: {
      kind: 'input',
      live: 'size',
      optional: true,
      message: (a) => (Number(a.models ?? 1) > 1 ? `Size in memory of each model (all ${a.models} the same)?` : 'Model size in memory?'),
      hint: (a) => (isBatch(a) ? 'Enter to skip; sizes the instances' : `Enter to skip; sizes instances, and Serverless holds at most ${formatBytes(limitBytes('serverless.memory-max'))}`),
      default: () => '',
      // Several models given a size each need no common one.
      when: (a) => a.modelSizes === undefined,
    },
  },
  {
    // Issue 24: Serverless takes images of at most serverless.image-size; not asked by the wizard (rarely known up front).
    key: 'imageSize',
    flag: '--image-size',
    arg: '<size>',
    group: 'workload',
    help: `container image size, e.g. 12GB: Serverless takes images of at most ${formatBytes(limitBytes('serverless.image-size'))}`,
    defaultText: 'not checked',
    parse: size,
    omitWhen: (v) => v === undefined,
  },
  {
    key: 'pipeline',
    flag: '--pipeline',
    arg: '<n>',
    group: 'workload',
    help: 'containers chained per request (1: no pipeline)',
    defaultText: '1',
    parse: count,
    example: 1,
    omitWhen: (v) => Number(v) === 1,
    ask: {
      kind: 'input',
      message: () => 'How many containers run in sequence on each request?',
      hint: () => `1 for none; a serial pipeline chains ${limit('serial-pipeline.containers-min')}-${limit('serial-pipeline.containers-max')}`,
      default: () => '1',
    },
  },
  {
    key: 'contentType',
    flag: '--content-type',
    arg: '<mime>',
    group: 'workload',
    help: 'request content type, e.g. text/csv (batch splits CSV and JSON Lines by line)',
    defaultText: 'not split',
    parse: mime,
    example: 'application/json',
    ask: {
      kind: 'input',
      optional: true,
      message: () => 'Content type of the input?',
      hint: () => 'Enter to skip; text/csv and application/jsonlines are split by line',
      default: () => '',
      when: isBatch,
    },
  },
  // Traffic for cost and capacity (README "How costs are estimated"): optional; with --requests the
  // cheapest option that fits is recommended and the generated capacity is sized for it.
  {
    key: 'requests',
    flag: '--requests',
    arg: '<rate>',
    group: 'workload',
    help: 'average volume, e.g. 30000/month, 5M/day, 20/s, 500/h, 120/min (k, M, B allowed; for batch: records per run period); prices every option and picks the cheapest that fits',
    defaultText: 'not priced: the flowchart decides',
    parse: rate,
    example: '5M/day',
    ask: {
      kind: 'input',
      live: 'rate',
      optional: true,
      message: (a) => (isBatch(a) ? 'How many records, per run period?' : 'Average request volume?'),
      hint: (a) => `Enter to skip; e.g. ${isBatch(a) ? '2M/day' : '5M/day, 20/s'}: prices every option and picks the cheapest that fits`,
      default: () => '',
    },
  },
  {
    key: 'peak',
    flag: '--peak',
    arg: '<rate>',
    group: 'workload',
    appliesTo: 'per-request',
    help: 'peak request rate, e.g. 50/s',
    defaultText: `a multiple of --requests by traffic pattern: x${limit('policy.peak-factor-sustained')} sustained, x${limit('policy.peak-factor-intermittent')} intermittent, x${limit('policy.peak-factor-unpredictable')} unpredictable`,
    parse: rate,
    ask: {
      kind: 'input',
      live: 'rate',
      optional: true,
      message: () => 'Peak request rate?',
      hint: (a) => `Enter for x${peakFactor(a)} the average (${String(a.traffic ?? 'sustained')} traffic); sizes the most instances or the concurrency`,
      default: () => '',
      // Only a volume has a peak; a batch job is sized by its deadline instead.
      when: (a) => perRequest(a) && a.requests !== undefined,
    },
  },
  {
    key: 'requestSize',
    flag: '--request-size',
    arg: '<size>',
    group: 'workload',
    appliesTo: 'per-request',
    help: 'average request size, for data-processing charges',
    defaultText: 'the largest payload (--payload)',
    parse: size,
  },
  {
    key: 'responseSize',
    flag: '--response-size',
    arg: '<size>',
    group: 'workload',
    appliesTo: 'per-request',
    help: 'average response size, for data-processing charges',
    defaultText: formatBytes(limit('policy.response-size')),
    parse: size,
  },
  {
    key: 'deadline',
    flag: '--deadline',
    arg: '<duration>',
    group: 'workload',
    appliesTo: 'batch',
    help: 'batch: each run must finish within this (sets TransformResources.InstanceCount)',
    defaultText: 'before the next run',
    parse: duration,
    ask: {
      kind: 'input',
      live: 'duration',
      optional: true,
      message: () => 'Must each run finish within a time?',
      hint: () => 'Enter for before the next run; e.g. 2h: sets how many instances the job runs on',
      default: () => '',
      when: (a) => isBatch(a) && a.requests !== undefined,
    },
  },
  {
    key: 'activeHours',
    flag: '--active-hours',
    arg: '<schedule>',
    group: 'workload',
    help: `when the traffic comes: ${ACTIVE_HOURS_HELP}; outside them scheduled actions bring the fleet to its minimum, and the peak is the rate in those hours`,
    defaultText: 'around the clock',
    parse: activeHours,
  },
  {
    key: 'hotModels',
    flag: '--hot-models',
    arg: '<n>',
    group: 'workload',
    help: 'multi-model: the models in regular use, which should stay loaded in memory (at most --models)',
    defaultText: 'all of --models',
    parse: count,
  },
  {
    key: 'concurrencyPerCopy',
    flag: '--concurrency-per-copy',
    arg: '<n>',
    group: 'workload',
    help: `requests one model copy serves at once: the model server's workers, or an LLM container's batch (at most ${limit('policy.concurrency-per-copy-max')})`,
    defaultText: `on CPU a worker per vCPU; for a GPU model that streams ${limit('policy.concurrency-per-copy-llm')} (LMI's default batch)`,
    parse: concurrency,
    appliesTo: 'per-request',
    ask: {
      kind: 'input',
      optional: true,
      message: () => 'How many requests does one copy of the model serve at once?',
      hint: (a) => `Enter for ${a.streaming === true ? `${limit('policy.concurrency-per-copy-llm')} (LMI's default batch)` : '1'}; the model server's workers or an LLM container's batch size: sizes the instances for the volume`,
      default: () => '',
      // It sizes a GPU fleet for a volume; on CPU a worker per vCPU is the rule.
      when: (a) => perRequest(a) && a.requests !== undefined && a.gpu === true,
    },
  },
  {
    key: 'region',
    flag: '--region',
    arg: '<code>',
    group: 'deployment',
    help: 'AWS Region the prices are for (prices beyond us-east-1: deploy-advisor prices update --region R)',
    defaultText: 'us-east-1',
    parse: region,
    example: 'us-east-1',
  },
  {
    key: 'target',
    flag: '--target',
    arg: '<target>',
    group: 'deployment',
    choices: TARGETS,
    help: 'configuration to generate: cloudformation, aws-cli or terraform (batch always uses aws-cli)',
    defaultText: 'cloudformation',
    parse: oneOf(TARGETS, 'target'),
    example: 'cloudformation',
  },
  { key: 'name', flag: '--name', arg: '<name>', group: 'deployment', help: 'endpoint (and stack) name; other resources are named after it', parse: text, example: 'churn-model' },
  {
    key: 'images',
    flag: '--image',
    arg: '<uri>',
    group: 'deployment',
    repeatable: true,
    help: 'inference container image, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1; once per container, in order (pipeline steps, frameworks, or models as inference components); a list in an answers file',
    parse: texts,
  },
  {
    key: 'modelData',
    flag: '--model-data',
    arg: '<s3-uri>',
    group: 'deployment',
    repeatable: true,
    help: 'S3 URI of model.tar.gz (for multi-model: the S3 prefix of the models, ending in /); once per container, in order, like --image; a list in an answers file',
    parse: texts,
    example: 's3://my-bucket/churn/model.tar.gz',
  },
  { key: 'roleArn', flag: '--role-arn', arg: '<arn>', group: 'deployment', help: 'IAM role SageMaker assumes', parse: text },
  { key: 's3Output', flag: '--s3-output', arg: '<s3-uri>', group: 'deployment', help: 'S3 prefix for async results or batch output', parse: text },
  { key: 's3Input', flag: '--s3-input', arg: '<s3-uri>', group: 'deployment', help: 'S3 prefix of the batch input', parse: text },
  { key: 'instanceType', flag: '--instance-type', arg: '<type>', group: 'deployment', help: 'instance type instead of the one chosen (the smallest CPU or cheapest GPU type that holds the model), e.g. ml.g5.xlarge', parse: text },
  {
    key: 'networkIsolation',
    flag: '--network-isolation',
    negate: '--no-network-isolation',
    group: 'deployment',
    help: 'isolate the model container from the network (EnableNetworkIsolation)',
    negateHelp: 'let the container reach the network, e.g. to download at start-up',
    defaultText: 'yes',
    parse: bool,
    example: true,
    omitWhen: (v) => v !== false,
  },
  // How the command runs: flags only, no answers-file keys.
  { key: 'answers', flag: '--answers', arg: '<file>', group: 'command', help: 'read answers from a YAML or JSON file; flags override it', parse: none },
  { key: 'artifact', flag: '--artifact', arg: '<model.tar.gz>', group: 'command', help: 'read the model size from the archive (its uncompressed size)', parse: none },
  { key: 'output', flag: '-o, --output', arg: '<dir>', group: 'command', help: 'write the configuration files into this folder (all or none)', parse: folder },
  { key: 'force', flag: '--force', group: 'command', help: 'overwrite existing files in --output', parse: none },
  { key: 'prices', flag: '--prices', arg: '<file>', group: 'command', help: 'a price table written by deploy-advisor prices update, instead of the cache (for air-gapped CI)', parse: none },
  { key: 'format', flag: '--format', arg: '<format>', group: 'command', choices: ['text', 'json', 'yaml'], defaultText: 'text', help: 'output format', parse: none },
  { key: 'explain', flag: '--explain', group: 'command', help: 'print every option and every limit checked, with sources', parse: none },
  {
    key: 'interactive',
    flag: '--interactive',
    negate: '--no-interactive',
    group: 'command',
    help: 'ask for missing answers on a terminal (the default there)',
    negateHelp: 'never prompt (implied without a terminal, or when CI or PRE_COMMIT is set)',
    parse: none,
  },
];

/** The answers: what an answers file may hold, in table order. */
export const ANSWERS: readonly Input[] = INPUTS.filter((i) => i.group !== 'command');
export const ANSWER_KEYS: readonly string[] = ANSWERS.map((i) => i.key);
const BY_KEY = new Map(INPUTS.map((i) => [i.key, i]));

export function input(key: string): Input {
  const i = BY_KEY.get(key);
  if (!i) throw new Error(`no input ${key}`);
  return i;
}

/** The flag that gives an answer, as messages name it: "--payload", "--batch/--no-batch". */
export function flagOf(key: string): string {
  const i = input(key);
  const long = i.flag.replace(/^-\w, /, '');
  return i.negate ? `${long}/${i.negate}` : long;
}

/** The flag of an answer in the form that sets the value given, for messages and command lines. */
export function flagFor(key: string, value: unknown): string {
  const i = input(key);
  return i.negate && value === false ? i.negate : i.flag.replace(/^-\w, /, '');
}

/** Names the flags that core messages refer to by input-table key ({{flag:peak}} -> --peak). */
export function nameFlags(text: string): string {
  return text.replace(FLAG_REF, (_, key: string, no: string | undefined) => flagFor(key, !no));
}

/** The same, through every string of a result or a configuration (JSON-safe: flags need no escaping). */
export function nameFlagsIn<T>(x: T): T {
  return x === null || x === undefined ? x : (JSON.parse(nameFlags(JSON.stringify(x))) as T);
}

/** The answers the flowchart needs that have no safe default and were not given. */
export function missingAnswers(a: RawAnswers): string[] {
  if (a.batch === undefined) return ['batch'];
  return ANSWERS.filter((i) => i.required?.(a) && a[i.key] === undefined).map((i) => i.key);
}

/** One problem per given answer that is not valid, in table order (nothing about missing answers). */
export function answerProblems(a: RawAnswers): Array<{ key: string; message: string }> {
  const problems: Array<{ key: string; message: string }> = [];
  for (const i of ANSWERS) {
    if (a[i.key] === undefined) continue;
    try {
      i.parse(a[i.key]);
    } catch (e) {
      if (!(e instanceof AnswerProblem)) throw e;
      problems.push({ key: i.key, message: e.message });
    }
  }
  if (problems.length === 0 && a.models !== undefined && a.modelSizes !== undefined && count(a.models) !== sizes(a.modelSizes).length) {
    problems.push({ key: 'modelSizes', message: `${sizes(a.modelSizes).length} sizes for ${count(a.models)} models (${flagOf('models')}); give one size per model` });
  }
  if (problems.length === 0 && a.hotModels !== undefined && count(a.hotModels) > count(a.models ?? 1)) {
    problems.push({ key: 'hotModels', message: `${count(a.hotModels)} hot models cannot be more than the models behind the endpoint (${flagOf('models')} ${count(a.models ?? 1)})` });
  }
  if (problems.length === 0 && a.models !== undefined && a.frameworks !== undefined) {
    const [models, frameworks] = [count(a.models), count(a.frameworks)];
    if (frameworks > models) problems.push({ key: 'frameworks', message: `${frameworks} frameworks cannot be more than the ${models} models (${flagOf('models')})` });
  }
  // Answers that contradict each other: refused, saying which to keep.
  if (problems.length === 0 && a.modelSize !== undefined && a.modelSizes !== undefined) {
    problems.push({
      key: 'modelSize',
      message: `${String(a.modelSize)} and ${flagOf('modelSizes')} ${String(a.modelSizes)} both give the model size; keep ${flagOf('modelSizes')} (one size per model) or ${flagOf('modelSize')} (every model the same size)`,
    });
  }
  if (problems.length === 0 && a.requestSize !== undefined && a.payload !== undefined && size(a.requestSize) > size(a.payload)) {
    problems.push({
      key: 'requestSize',
      message: `the average request (${String(a.requestSize)}) cannot be larger than the largest (${flagOf('payload')} ${String(a.payload)}); give an average of at most ${String(a.payload)}, or raise ${flagOf('payload')}`,
    });
  }
  if (problems.length === 0 && a.peak !== undefined && a.requests !== undefined && rate(a.peak).perSecond < rate(a.requests).perSecond) {
    problems.push({ key: 'peak', message: `${String(a.peak)} is below the average ${flagOf('requests')} ${String(a.requests)}; the peak is at least the average` });
  }
  if (problems.length === 0 && a.batch !== true && a.requests !== undefined && a.processingTime !== undefined) {
    const tooMany = inFlightProblem(a);
    if (tooMany) problems.push(tooMany);
  }
  return problems;
}

/**
 * Requests in flight at the peak past policy.max-requests-in-flight: the peak (given, or the
 * average in the active hours times the traffic pattern's factor) times the processing time. Sizing such a workload
 * is meaningless (thousands of instances) and its queueing sums would run for minutes.
 */
function inFlightProblem(a: RawAnswers): { key: string; message: string } | null {
  const max = limit('policy.max-requests-in-flight');
  // The average within the active hours, when they are given, as the advisor reads it.
  const average = a.activeHours !== undefined ? activeRate(rate(a.requests).perSecond, activeHours(a.activeHours)) : rate(a.requests).perSecond;
  const peak = a.peak !== undefined ? rate(a.peak).perSecond : average * peakFactor(a);
  const inFlight = peak * duration(a.processingTime);
  if (inFlight <= max) return null;
  const key = a.peak !== undefined ? 'peak' : 'requests';
  return {
    key,
    message: `${String(a[key])} with ${flagOf('processingTime')} ${String(a.processingTime)} is about ${inFlight.toExponential(1)} requests in flight at the peak; deploy-advisor sizes up to ${max.toLocaleString('en-US')} (thousands of instances): split the workload across endpoints, or check the rate's period (/s, /min, /h, /day, /month)`,
  };
}

export { SIZE_HELP, DURATION_HELP };
