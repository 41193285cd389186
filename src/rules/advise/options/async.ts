// Asynchronous Inference: the workload held against its limits (payload, invocation timeout, the
// answer time with the queue's overhead, what InvokeEndpointAsync cannot target, start-up), and the
// capacity and cost for a traffic (busy instance-hours, scaling to zero).

import { limit, limitEntry } from '../../facts/limits';
import { formatDuration } from '../../units';
import type { Workload } from '../../workload';
import { atMost, present, unsupported, type Check } from '../checks';
import { holdsCheck, startupCheck } from '../startup-checks';
import type { PriceTable } from '../../facts/prices';
import { formatRate } from '../../rate';
import { plural } from '../../text';
import { Builder, dataLines, HOUR, hourlyLine, instancesFor, monthAssumption, monthHours, monthSeconds, pct, storageLine, upFraction, type Estimate, type InstanceSpec, type TrafficInput } from '../cost';

/**
 * Async answers only after the queue, S3 and a notification: it can meet an answer time only
 * when that time also covers the overhead (policy.async-overhead).
 */
function asyncLatencyCheck(w: Workload): Check | null {
  if (w.latencySeconds === null) return null;
  const overhead = limit('policy.async-overhead');
  const need = w.processingSeconds + overhead;
  const pass = need <= w.latencySeconds;
  const what = `processing time ${formatDuration(w.processingSeconds)} plus about ${formatDuration(overhead)} of queue, S3 and notification overhead`;
  return {
    limit: 'policy.async-overhead',
    value: need,
    limitValue: w.latencySeconds,
    pass,
    message: pass ? `${what} is within the ${formatDuration(w.latencySeconds)} callers need (not guaranteed under load)` : `${what} is longer than the ${formatDuration(w.latencySeconds)} callers can wait`,
    source: limitEntry('policy.async-overhead').source,
  };
}

export function asyncChecks(w: Workload): Check[] {
  const checks: Check[] = [atMost('async.payload', w.payloadBytes, 'payload', 'bytes'), atMost('async.invocation-timeout', w.processingSeconds, 'processing time', 'seconds')];
  const latency = asyncLatencyCheck(w);
  if (latency) checks.push(latency);
  checks.push(
    unsupported('async.multi-model', w.models > 1 && w.frameworks === 1 && w.pipeline === 1, `${w.models} models`, {
      failed: 'a multi-model endpoint cannot be invoked asynchronously (InvokeEndpointAsync has no TargetModel to pick the model)',
      passed: 'no multi-model endpoint needed',
    }),
  );
  checks.push(
    unsupported('async.multi-container', w.frameworks > 1 && w.pipeline === 1, `${w.frameworks} frameworks`, {
      failed: 'a multi-container endpoint (Direct mode) cannot be invoked asynchronously (InvokeEndpointAsync has no TargetContainerHostname to pick the container)',
      passed: 'no multi-container endpoint needed',
    }),
  );
  if (w.pipeline > 1) checks.push(atMost('serial-pipeline.containers-max', w.pipeline, 'pipeline of', 'count'));
  checks.push(...present(holdsCheck(w, 'async'), startupCheck(w)));
  return checks;
}

// ---- capacity and cost ------------------------------------------------------------------------

export interface AsyncCapacity {
  initialInstanceCount: number;
  minInstances: number;
  maxInstances: number;
  /** ApproximateBacklogSizePerInstance target. */
  backlogPerInstance: number;
}

export interface AsyncInput {
  instance: InstanceSpec;
  processingSeconds: number;
  traffic: TrafficInput;
  /** How long callers can wait for a result; null: as long as it takes. */
  latencySeconds: number | null;
  modelSizeBytes: number | null;
}

/** Whether an Asynchronous endpoint may scale to zero: callers wait longer than a scale-out from zero. */
export function asyncScalesToZero(latencySeconds: number | null): boolean {
  return latencySeconds === null || latencySeconds > limit('policy.async-scale-out-from-zero');
}

export function asyncEstimate(input: AsyncInput, prices: PriceTable): Estimate<AsyncCapacity> {
  const { instance: i, processingSeconds: p, traffic: t } = input;
  const util = limit('policy.target-utilisation');
  const toZero = asyncScalesToZero(input.latencySeconds);
  const minInstances = toZero ? limit('async.min-instances') : 1;
  const maxInstances = Math.max(1, minInstances, instancesFor(t.peakRps, p, i.workers));
  const capacity: AsyncCapacity = { initialInstanceCount: 1, minInstances, maxInstances, backlogPerInstance: limit('policy.async-backlog-per-instance') };
  const busyHours = (t.averageRps * monthSeconds() * p) / i.workers / util / HOUR;
  // Scaled to zero, an instance is up from each wake (its start-up billed) until the queue has been
  // empty for the scale-in delay (the up-time model); the busy hours when they are more.
  const up = toZero ? upFraction(t.averageRps, limit('policy.target-tracking-scale-in-delay'), limit('policy.async-scale-out-from-zero'), p) : 1;
  const hours = Math.max(busyHours, toZero ? up * monthHours() : minInstances * monthHours());
  const b = new Builder();
  // The label says what the hours count: the busy hours, or the minimum kept up when that is more.
  const floorBinds = !toZero && busyHours < minInstances * monthHours();
  const upBinds = toZero && up * monthHours() >= busyHours;
  hourlyLine(b, prices, 'async', i, hours, toZero ? (upBinds ? `1 instance up ${pct(up)} of the month` : 'busy instances') : floorBinds ? `${minInstances} instance kept up all month` : `busy instances (at least ${minInstances} up)`);
  storageLine(b, prices, i, hours / monthHours(), input.modelSizeBytes);
  dataLines(b, prices, t);
  const wait = input.latencySeconds === null ? 'callers wait for queued results' : `callers wait up to ${formatDuration(input.latencySeconds)}`;
  b.assumptions.unshift(
    `busy instance-hours = requests x ${formatDuration(p)} / (${plural(i.workers, 'worker')} x ${Math.round(util * 100)}% utilisation)`,
    toZero
      ? `scales to zero when the queue is empty: ${wait}, longer than a scale-out from zero (about ${formatDuration(limit('policy.async-scale-out-from-zero'))}); up ${pct(up)} of the month: each request that finds it at zero wakes it (start-up billed) and it stays up until ${formatDuration(limit('policy.target-tracking-scale-in-delay'))} pass with an empty queue, for requests at random at ${formatRate(t.averageRps)}`
      : `keeps ${minInstances} instance running: ${wait}, less than a scale-out from zero (about ${formatDuration(limit('policy.async-scale-out-from-zero'))})`,
    `up to ${maxInstances} instance${maxInstances === 1 ? '' : 's'} for the peak ${formatRate(t.peakRps)}`,
    monthAssumption(),
  );
  b.assumptions.push('S3 storage of requests and results, and SNS notifications, are not counted');
  return { fits: true, reason: null, checks: [], capacity, cost: b.cost(), unpriced: b.unpriced };
}
