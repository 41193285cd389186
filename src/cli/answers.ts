// Answers from flags, an answers file and the wizard, merged and turned into a Workload and the
// deployment values. Which answers exist, and how each is parsed, is the input table's
// (./inputs); this module is where the answers meet the engine. Every error names where the bad
// value came from: a flag, or file:line:column.

import { limitBytes, limit } from '../rules/facts/limits';
import { formatBytes, formatDuration } from '../rules/units';
import type { ActiveHours, Traffic, Workload } from '../rules/workload';
import type { CostAnswers } from '../rules/advise/cost-choice';
import type { Rate } from '../rules/rate';
import { all, withArticle } from '../rules/text';
import type { Deployment } from '../rules/plan/deployment';
import type { Target } from '../emit/index';
import { ANSWERS, answerProblems, flagOf, input, missingAnswers, type RawAnswers } from './inputs';
import { UsageError } from './io';

export type { RawAnswers };
/** Where each answer came from, when not a flag: "file:line:col: key". */
export type Origins = Record<string, string>;

export interface Normalized {
  workload: Workload;
  deployment: Deployment;
  target: Target;
  assumptions: string[];
  /** The traffic answers (--requests and what goes with it); null without --requests. */
  cost: CostAnswers | null;
  /** --region, when given. */
  region: string | null;
}

/** Throws UsageError naming the first given answer that is bad, with where it came from (the wizard checks this before asking anything). */
export function refuseBadAnswers(raw: RawAnswers, origins: Origins): void {
  const bad = answerProblems(raw)[0];
  if (bad) throw new UsageError(`${origins[bad.key] ?? flagOf(bad.key)}: ${bad.message}`);
}

/**
 * Merges answers (flags already override the file's) into a Workload and deployment values.
 * Throws UsageError naming the first bad value with its origin, or every missing answer the
 * flowchart needs.
 */
export function normalize(raw: RawAnswers, origins: Origins): Normalized {
  const has = (k: string) => raw[k] !== undefined;
  const parsed: Record<string, unknown> = {};

  // Bad values first: they are more specific than what is missing.
  refuseBadAnswers(raw, origins);
  for (const i of ANSWERS) if (has(i.key)) parsed[i.key] = i.parse(raw[i.key]);

  const missing = missingAnswers(raw)
    .map(flagOf)
    .map((f) => f.replace('/', ' or '));
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.length === 1 ? 'answer' : 'answers'}: ${missing.join(', ')} (give ${missing.length === 1 ? 'it as a flag' : 'them as flags'} or in --answers FILE; see deploy-advisor recommend --help)`);
  }
  const v = <T>(k: string) => parsed[k] as T;

  const batch = v<boolean>('batch');
  const assumptions: string[] = [];
  const ignored = (keys: string[], why: string) => {
    const given = keys.filter(has);
    if (given.length) assumptions.push(`${given.map((k) => `${flagOf(k).split('/')[0]} ${String(raw[k])}`).join(' and ')} ${given.length > 1 ? 'were' : 'was'} ignored: ${why}`);
  };

  let payloadBytes: number;
  if (has('payload')) payloadBytes = v('payload');
  else {
    payloadBytes = limitBytes('batch-transform.payload-default');
    assumptions.push(`record size not given: assumed to fit the default MaxPayloadInMB of ${formatBytes(payloadBytes)} (${flagOf('payload')})`);
  }
  let processingSeconds: number;
  if (has('processingTime')) processingSeconds = v('processingTime');
  else {
    processingSeconds = limit('batch-transform.invocation-timeout-default');
    assumptions.push(`processing time not given: assumed within the default invocation timeout of ${formatDuration(processingSeconds)} (${flagOf('processingTime')})`);
  }

  let latencySeconds: number | null = null;
  let traffic: Traffic | null = null;
  const streaming = has('streaming') ? v<boolean>('streaming') : false;
  if (batch) {
    ignored(['latency', 'traffic', 'streaming'], 'they do not apply to a batch job, which has no callers waiting');
  } else {
    latencySeconds = v('latency');
    traffic = v('traffic');
  }

  const modelSizes = has('modelSizes') ? v<number[]>('modelSizes') : null;
  // The largest of several sizes sizes what holds them all; each size sizes its own inference component.
  const modelSizeBytes = has('modelSize') ? v<number>('modelSize') : modelSizes ? Math.max(...modelSizes) : null;
  if (modelSizeBytes === null) assumptions.push(`model size not given: memory limits were not checked against it (${flagOf('modelSize').split('/')[0]})`);

  const gpu = has('gpu') ? v<boolean>('gpu') : false;
  if (!has('gpu')) assumptions.push(`GPU not mentioned: assumed the model runs on CPU (${flagOf('gpu').split('/')[0]})`);

  const pipeline = has('pipeline') ? v<number>('pipeline') : 1;
  let frameworks = has('frameworks') ? v<number>('frameworks') : null;
  let models = has('models') ? v<number>('models') : null;
  if (models === null) models = modelSizes?.length ?? frameworks ?? 1;
  if (frameworks === null) {
    frameworks = 1;
    if (models > 1 && pipeline === 1) assumptions.push(`frameworks not given: assumed ${all(models, 'models')} use one framework (${flagOf('frameworks')})`);
  }
  if (pipeline > 1 && (models > 1 || frameworks > 1)) {
    // A pipeline is one model made of chained containers; --models and --frameworks describe
    // several models behind one endpoint, which a pipeline endpoint does not have.
    ignored(['models', 'frameworks'], `${withArticle(`${pipeline}-container pipeline`)} is one model with chained containers`);
    models = 1;
    frameworks = 1;
  }

  let contentType: string | null = null;
  if (has('contentType')) contentType = v('contentType');
  else if (batch) assumptions.push(`content type not given: records are not split by line (${flagOf('contentType')} text/csv to split CSV)`);

  // Deployment values. Images and model data come once per container, in order; how many the
  // recommended architecture has is checked with the recommendation (checkDeployment).
  const deployment: Deployment = {};
  for (const k of ['name', 'roleArn', 's3Output', 's3Input', 'instanceType'] as const) if (has(k)) deployment[k] = v(k);
  if (has('images')) deployment.images = v('images');
  if (has('modelData')) deployment.modelData = v('modelData');
  if (has('networkIsolation')) deployment.networkIsolation = v('networkIsolation');
  const target = (has('target') ? v('target') : input('target').defaultText) as Target;

  // Traffic for cost and capacity. Answers that do not apply are listed as ignored, saying why.
  if (batch) ignored(['peak', 'requestSize', 'responseSize'], 'a batch job is priced by records and instance-hours, not by requests');
  else ignored(['deadline'], `a deadline applies to batch runs (${flagOf('batch').split('/')[0]})`);
  let cost: CostAnswers | null = null;
  if (has('requests')) {
    const requests = v<Rate>('requests');
    const peak = has('peak') ? v<Rate>('peak') : null;
    cost = {
      requests,
      peak: batch ? null : peak,
      requestBytes: !batch && has('requestSize') ? v<number>('requestSize') : null,
      responseBytes: !batch && has('responseSize') ? v<number>('responseSize') : null,
      deadlineSeconds: batch && has('deadline') ? v<number>('deadline') : null,
    };
  } else {
    const keys = batch ? ['deadline'] : ['peak', 'requestSize', 'responseSize'];
    const n = keys.filter(has).length;
    ignored(keys, `${n > 1 ? 'they size' : 'it sizes'} the cost and capacity of a volume, and ${flagOf('requests')} gives none: add ${flagOf('requests')} (e.g. ${batch ? '2M/day' : '5M/day'}) to use ${n > 1 ? 'them' : 'it'}`);
  }
  const region = has('region') ? v<string>('region') : null;

  return {
    cost,
    region,
    workload: {
      batch,
      payloadBytes,
      processingSeconds,
      latencySeconds,
      traffic,
      streaming,
      modelSizeBytes,
      gpu,
      models,
      frameworks,
      pipeline,
      contentType,
      ...(modelSizes && models === modelSizes.length ? { modelSizes } : {}),
      ...(has('imageSize') ? { imageSizeBytes: v<number>('imageSize') } : {}),
      ...(has('concurrencyPerCopy') ? { concurrencyPerCopy: v<number>('concurrencyPerCopy') } : {}),
      ...(has('hotModels') ? { hotModels: v<number>('hotModels') } : {}),
      ...(has('activeHours') ? { activeHours: v<ActiveHours>('activeHours') } : {}),
    },
    deployment,
    target,
    assumptions,
  };
}
