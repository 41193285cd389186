// Large models start on the first try (issue 24), as fields of the plan: the start-up estimate and
// the timeouts that cover it (on the production variant, or each inference component's
// StartupParameters), the ML storage volume on types without local NVMe storage, and the Service
// Quotas the plan needs. The numbers come from the pure functions in src/rules/advise/startup.ts;
// this module puts them into a plan and explains them in its choices (the files' header).

import { flagRef } from '../flag-ref';
import { limit, limitBytes } from '../facts/limits';
import { formatBytes, formatDuration } from '../units';
import type { Workload } from '../workload';
import { serverlessStartup, startupEstimate, startupTimeouts, storedModelBytes, volumeSizeGB } from './startup';
import { quotasFor, type QuotaNeed, type QuotaUse } from '../facts/quotas';
import type { Architecture, Plan, StartupPlan, StartupTimeouts } from '../plan/types';

/**
 * Bytes one start of a variant downloads and loads: the model, or every container's model of a
 * multi-container endpoint; for inference components, the largest component's (each starts on its
 * own). null when the size is not known, and for a multi-model endpoint, which loads its models from
 * S3 on their first invocation rather than at start-up.
 */
export function startupBytes(w: Workload, architecture: Architecture): number | null {
  if (w.modelSizeBytes === null || architecture === 'multi-model') return null;
  const stored = storedModelBytes(w, architecture);
  return architecture === 'inference-components' ? Math.max(...stored) : stored.reduce((a, b) => a + b, 0);
}

/** The plan's fields (before they are worked out): no start-up known, no volume, no quotas. */
export const NO_STARTUP: Pick<Plan, 'startup' | 'volumeGB' | 'quotas'> = { startup: { modelBytes: null, estimateSeconds: null, timeouts: null }, volumeGB: null, quotas: [] };

type Timeouts = ReturnType<typeof startupTimeouts>;
const written = (t: Timeouts): StartupTimeouts | null =>
  t.kind === 'set' ? { modelDataDownloadTimeoutInSeconds: t.modelDataDownloadTimeoutInSeconds, containerStartupHealthCheckTimeoutInSeconds: t.containerStartupHealthCheckTimeoutInSeconds } : null;

/** Why the timeouts are what they are, for the file comments; `what` names the model with its size. */
function timeoutLines(t: Timeouts, bytes: number, what: string, fields: string): { choice: string | null; warning: string | null } {
  const perGB = Math.round(startupEstimate(bytes).secondsPerGB);
  const est = `${what} takes an estimated ${formatDuration(t.estimateSeconds)} to download, load and answer /ping (about ${perGB} s per GB)`;
  const max = formatDuration(limit('model.startup-timeout-max'));
  if (t.kind === 'refused') {
    return { choice: null, warning: `${est}: more than the ${max} the start-up timeouts allow, so the instance launch is likely to fail; use a smaller (quantized) model, or measure the start-up` };
  }
  if (t.kind === 'default') return { choice: null, warning: null };
  const value = t.modelDataDownloadTimeoutInSeconds;
  return {
    choice: `${fields} ${value}: ${est}, more than the ${formatDuration(t.windowSeconds)} an instance gets by default; ${limit('policy.startup-headroom')} x the estimate, rounded up to a minute${t.capped ? `, capped at the API's maximum of ${max}` : ''}`,
    warning: t.capped ? `the start-up of ${what} with headroom would need more than the ${max} maximum timeout: measure it on the instance before relying on it` : null,
  };
}

/** The start-up estimate and timeouts, written into the plan with their reasons. */
function planStartup(p: Plan, w: Workload): StartupPlan {
  if (p.option === 'serverless') {
    const s = serverlessStartup(w.modelSizeBytes, w.imageSizeBytes ?? null);
    if (s.estimateSeconds !== null && s.fits) {
      const image = s.imageBytes === null ? `; give ${flagRef('imageSize')} to check the image against its ${formatBytes(s.maxImageBytes)} limit` : `, from a ${formatBytes(s.imageBytes)} image (at most ${formatBytes(s.maxImageBytes)})`;
      p.choices.push(`start-up: a ${formatBytes(w.modelSizeBytes!)} model downloads and loads in an estimated ${formatDuration(s.estimateSeconds)}, within the ${formatDuration(s.limitSeconds)} Serverless allows${image}`);
    }
    return { modelBytes: w.modelSizeBytes, estimateSeconds: s.estimateSeconds, timeouts: null };
  }
  if (p.batch) {
    // A transform job has no start-up timeouts to set.
    return { modelBytes: w.modelSizeBytes, estimateSeconds: w.modelSizeBytes === null ? null : startupEstimate(w.modelSizeBytes).seconds, timeouts: null };
  }
  const fields = 'ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds';
  if (p.ic) {
    // One line for the components whose models are the same size (they get the same timeouts).
    const bySize = new Map<number, number[]>();
    for (const m of p.ic.models) {
      m.startupTimeouts = null;
      if (m.sizeBytes === null) continue;
      m.startupTimeouts = written(startupTimeouts(startupEstimate(m.sizeBytes).seconds));
      bySize.set(m.sizeBytes, [...(bySize.get(m.sizeBytes) ?? []), m.index]);
    }
    const all = p.ic.models.length;
    for (const [size, index] of bySize) {
      const which = all === 1 ? '' : index.length === all ? ' of each component' : ` of component${index.length > 1 ? 's' : ''} ${index.join(', ')}`;
      const what = all === 1 ? `the ${formatBytes(size)} model` : index.length === 1 ? `model ${index[0]} (${formatBytes(size)})` : `each ${formatBytes(size)} model`;
      const lines = timeoutLines(startupTimeouts(startupEstimate(size).seconds), size, what, `StartupParameters${which} (${fields})`);
      if (lines.choice) p.choices.push(lines.choice);
      if (lines.warning) p.warnings.push(lines.warning);
    }
    const bytes = startupBytes(w, 'inference-components');
    return { modelBytes: bytes, estimateSeconds: bytes === null ? null : startupEstimate(bytes).seconds, timeouts: null };
  }
  const bytes = startupBytes(w, p.architecture);
  if (bytes === null) return { modelBytes: null, estimateSeconds: null, timeouts: null };
  const t = startupTimeouts(startupEstimate(bytes).seconds);
  const lines = timeoutLines(t, bytes, p.architecture === 'multi-container' ? `the ${p.containers} containers' models (${formatBytes(bytes)} in all)` : `the ${formatBytes(bytes)} model`, fields);
  if (lines.choice) p.choices.push(lines.choice);
  if (lines.warning) p.warnings.push(lines.warning);
  return { modelBytes: bytes, estimateSeconds: t.estimateSeconds, timeouts: written(t) };
}

/** VolumeSizeInGB for an endpoint variant's type, with its reason; null when none is written. */
function planVolume(p: Plan, w: Workload): number | null {
  if (p.serverless || p.batch || p.instanceType === null) return null;
  const mme = p.architecture === 'multi-model';
  const stored = storedModelBytes(w, p.architecture, mme ? (w.hotModels ?? null) : null);
  const v = volumeSizeGB(p.instanceType, stored);
  const what = mme
    ? `${w.hotModels === undefined ? 'every model the endpoint may load' : 'the models in regular use'} (${stored.length} x ${formatBytes(Math.max(...stored, 0))})`
    : stored.length > 1
      ? `the ${stored.length} models (${formatBytes(v.storedBytes)})`
      : `the ${formatBytes(v.storedBytes)} model`;
  const large = v.needGB * 1e9 > limitBytes('policy.endpoint-volume');
  switch (v.why) {
    case 'sized':
      p.choices.push(`VolumeSizeInGB ${v.gb}: ${p.instanceType} has no local NVMe storage, so ${what} must fit its ML storage volume; ${limit('policy.volume-headroom')} x for the archive and its extracted files (at most ${v.maxGB})`);
      break;
    case 'nvme':
      if (large) p.choices.push(`no VolumeSizeInGB: ${p.instanceType} stores ${what} on its local NVMe storage, and the API rejects a volume size for it`);
      break;
    case 'unknown-storage':
      if (large) p.warnings.push(`whether ${p.instanceType} has local NVMe storage is not known: if it has none, add VolumeSizeInGB: ${Math.min(v.needGB, v.maxGB)} to the variant to hold ${what}`);
      break;
    case 'too-large':
      if (mme) {
        // A multi-model endpoint caches models on the volume and deletes unused ones when it is full (multi-model caching): the largest volume serves.
        p.choices.push(
          `VolumeSizeInGB ${v.maxGB}, the most the API allows: ${p.instanceType} has no local NVMe storage, and ${what} need about ${v.needGB} GB with headroom; SageMaker deletes unused models from the volume when it is full and downloads them again from S3 on their next request${w.hotModels === undefined ? ` (give ${flagRef('hotModels')} if fewer are in regular use)` : ''}`,
        );
        return v.maxGB;
      }
      p.warnings.push(`${what} need${stored.length > 1 ? '' : 's'} about ${v.needGB} GB of ML storage with headroom, more than the ${v.maxGB} GB volume the API allows: choose a type with local NVMe storage`);
      break;
  }
  return v.gb;
}

/** The Service Quotas a plan needs: instances of its type (at the autoscaling maximum), or Serverless concurrency. */
export function planQuotas(p: Plan): QuotaNeed[] {
  const uses: QuotaUse[] = [];
  if (p.serverless) uses.push({ kind: 'serverless', maxConcurrency: p.serverless.maxConcurrency });
  else if (p.instanceType !== null) {
    if (p.batch) uses.push({ kind: 'transform', instanceType: p.instanceType, instanceCount: p.batch.instanceCount });
    else if (p.ic) uses.push({ kind: 'endpoint', instanceType: p.instanceType, maxInstances: p.ic.maxInstances });
    else if (p.instances) uses.push({ kind: 'endpoint', instanceType: p.instanceType, maxInstances: p.instances.max });
  }
  return quotasFor(uses);
}

/** Writes the start-up, volume and quota fields into a plan (and their reasons into its choices). */
export function withStartup(p: Plan, w: Workload): Plan {
  p.startup = planStartup(p, w);
  p.volumeGB = planVolume(p, w);
  p.quotas = planQuotas(p);
  return p;
}
