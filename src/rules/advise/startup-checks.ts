// The checks that rule an option out because its model cannot start (issue 24): no instance type
// in the catalog holds one copy of the model, the estimated start-up exceeds the longest start-up
// timeout an endpoint accepts, or Serverless cannot download and load it (or run its image) within
// its limits. The engine adds them to each option's assessment, so that every output (reasons,
// Other options, JSON options[], exit code 1 when nothing fits) says the same.

import type { Check } from './checks';
import { candidates, fitOn, largest } from './instance-choice';
import { limit, limitEntry, type OptionId } from '../facts/limits';
import { BUILTIN_PRICES } from '../facts/prices';
import { formatBytes, formatDuration } from '../units';
import type { Workload } from '../workload';
import { serverlessStartup, startupEstimate } from './startup';

/**
 * No type the instance chooser considers for the option holds one copy of the largest model (with
 * the memory headroom): the chooser would fall back to its largest candidate ('largest-none-holds').
 * null when the model size is not known or a type holds it.
 */
export function holdsCheck(w: Workload, option: Exclude<OptionId, 'serverless'>): Check | null {
  if (w.modelSizeBytes === null) return null;
  const needBytes = Math.ceil(w.modelSizeBytes * limit('policy.memory-headroom'));
  // Whether a candidate holds it does not depend on the candidates' order (the price table ranks them).
  const list = candidates(w, { option, architecture: 'single-model' }, BUILTIN_PRICES);
  if (list.some((i) => fitOn(i, needBytes, w.gpu).holds)) return null;
  return {
    limit: 'workload.capacity',
    value: needBytes,
    limitValue: false,
    pass: false,
    message: `no ${w.gpu ? 'GPU ' : ''}instance type in the catalog holds the model: a ${formatBytes(w.modelSizeBytes)} model needs about ${formatBytes(needBytes)} of ${w.gpu ? 'GPU ' : ''}memory with headroom (the largest candidate, ${largest(list).type}, is too small); a smaller (quantized) model is needed`,
    source: null,
  };
}

/**
 * The estimated start-up of the largest model (download, load and a first /ping) must fit the
 * longest start-up timeout an endpoint variant or inference component accepts. Transform jobs set no
 * start-up timeout, so they are not held to it. null when the model size is not known, or when the
 * estimate fits the default window (nothing to say).
 */
export function startupCheck(w: Workload): Check | null {
  if (w.modelSizeBytes === null) return null;
  const est = startupEstimate(w.modelSizeBytes);
  const max = limit('model.startup-timeout-max');
  if (est.seconds * limit('policy.startup-headroom') <= limit('model.startup-window')) return null;
  const e = limitEntry('model.startup-timeout-max');
  const pass = est.seconds <= max;
  const what = `a ${formatBytes(w.modelSizeBytes)} model takes an estimated ${formatDuration(est.seconds)} to download, load and answer /ping (about ${Math.round(est.secondsPerGB)} s per GB)`;
  return {
    limit: 'model.startup-timeout-max',
    value: est.seconds,
    limitValue: max,
    pass,
    message: pass
      ? `${what}: the start-up timeouts are raised to cover it, within their ${formatDuration(max)} maximum`
      : `${what}, more than the ${formatDuration(max)} maximum of ${e.limits}, so the instance would fail to launch; a smaller (quantized) model is needed`,
    source: e.source,
  };
}

/** Serverless downloads the model and answers /ping within serverless.startup, from an image of at most serverless.image-size. Checks only the sizes given. */
export function serverlessStartupChecks(w: Workload): Check[] {
  const s = serverlessStartup(w.modelSizeBytes, w.imageSizeBytes ?? null);
  const checks: Check[] = [];
  if (s.estimateSeconds !== null) {
    const pass = s.estimateSeconds <= s.limitSeconds;
    const what = `a ${formatBytes(w.modelSizeBytes!)} model takes an estimated ${formatDuration(s.estimateSeconds)} to download and load`;
    checks.push({
      limit: 'serverless.startup',
      value: s.estimateSeconds,
      limitValue: s.limitSeconds,
      pass,
      message: pass ? `${what}, within the ${formatDuration(s.limitSeconds)} Serverless allows for a cold start` : `${what}, more than the ${formatDuration(s.limitSeconds)} Serverless allows for the download and a first /ping`,
      source: limitEntry('serverless.startup').source,
    });
  }
  if (s.imageBytes !== null) {
    const pass = s.imageBytes <= s.maxImageBytes;
    checks.push({
      limit: 'serverless.image-size',
      value: s.imageBytes,
      limitValue: s.maxImageBytes,
      pass,
      message: `container image ${formatBytes(s.imageBytes)} ${pass ? 'is within' : 'exceeds'} the ${formatBytes(s.maxImageBytes)} Serverless allows`,
      source: limitEntry('serverless.image-size').source,
    });
  }
  return checks;
}
