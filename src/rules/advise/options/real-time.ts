// Real-Time Inference: the workload held against its limits (payload, invocation timeout, the
// containers an endpoint holds, the model's start-up), and the capacity and cost of an endpoint
// for a traffic (instances for the average and the peak, target tracking).

import { limit, type LimitId } from '../../facts/limits';
import { formatBytes, formatDuration } from '../../units';
import type { Workload } from '../../workload';
import { atMost, latencyCheck, present, type Check } from '../checks';
import { holdsCheck, startupCheck } from '../startup-checks';
import type { PriceTable } from '../../facts/prices';
import type { Architecture } from '../../plan/types';
import { formatRate } from '../../rate';
import { plural } from '../../text';
import { Builder, dataLines, hourlyLine, instancesFor, monthAssumption, monthHours, pct, storageLine, type Estimate, type InstanceSpec, type TrafficInput } from '../cost';
import { instancesAtPeak, queueingTarget } from '../queueing';

function containerChecks(w: Workload): Check[] {
  const checks: Check[] = [];
  if (w.pipeline > 1) checks.push(atMost('serial-pipeline.containers-max', w.pipeline, 'pipeline of', 'count'));
  else if (w.frameworks > 1) checks.push(atMost('multi-container.containers', w.frameworks, 'containers:', 'count'));
  return checks;
}

/** A streamed Real-Time response may take longer than a single one. */
export const realTimeTimeout = (w: Workload): LimitId => (w.streaming ? 'real-time.streaming-timeout' : 'real-time.invocation-timeout');

// Hints that send the user to another option are added by assess(), only when that option fits.
export function realTimeChecks(w: Workload): Check[] {
  const payload = atMost('real-time.payload', w.payloadBytes, 'payload', 'bytes');
  if (!payload.pass && w.payloadBytes <= limit('real-time.payload-documented')) {
    payload.message += ` (the current docs allow up to ${formatBytes(limit('real-time.payload-documented'))}, but the API model still enforces ${formatBytes(limit('real-time.payload'))})`;
  }
  return [payload, atMost(realTimeTimeout(w), w.processingSeconds, 'processing time', 'seconds'), ...[latencyCheck(w)].filter((c): c is Check => c !== null), ...containerChecks(w), ...present(holdsCheck(w, 'real-time'), startupCheck(w))];
}

// ---- capacity and cost ------------------------------------------------------------------------

export interface RealTimeCapacity {
  initialInstanceCount: number;
  /** Within the active hours (all week without them). */
  minInstances: number;
  /** Outside the active hours, when given: scheduled actions bring the fleet down to this. */
  offHoursMinInstances?: number;
  maxInstances: number;
  /** Target tracking: invocations per instance per minute. */
  targetInvocationsPerInstance: number;
  /** Why the minimum is above what the rate needs (multi-model residency), when it is. */
  residentFloor?: { instances: number; why: string };
}

export interface RealTimeInput {
  instance: InstanceSpec;
  processingSeconds: number;
  traffic: TrafficInput;
  modelSizeBytes: number | null;
  /** Multi-model endpoints share instances between models; multi-container instances hold every container. */
  architecture?: Architecture;
  /** The fewest instances that keep the models in regular use loaded (multi-model; see residentFloor), and why. */
  residentFloor?: { instances: number; why: string } | null;
}

export function realTimeEstimate(input: RealTimeInput, prices: PriceTable): Estimate<RealTimeCapacity> {
  const { instance: i, processingSeconds: p, traffic: t } = input;
  const util = limit('policy.target-utilisation');
  const share = t.activeFraction ?? 1;
  const forRate = Math.max(limit('real-time.min-instances'), instancesFor(t.averageRps / share, p, i.workers));
  const floor = input.residentFloor && input.residentFloor.instances > forRate ? input.residentFloor : null;
  const minInstances = floor ? floor.instances : forRate;
  const off = limit('real-time.min-instances');
  // At the peak: the target utilisation, or more where queueing needs it (Erlang C).
  const queue = instancesAtPeak({ peakPerSecond: t.peakRps, processingSeconds: p, slotsPerInstance: Math.max(1, Math.round(i.workers)), min: forRate });
  const forPeak = Math.max(forRate, instancesFor(t.peakRps, p, i.workers), queue.instances);
  const maxInstances = Math.max(minInstances, forPeak);
  const capacity: RealTimeCapacity = {
    initialInstanceCount: minInstances,
    minInstances,
    ...(share < 1 ? { offHoursMinInstances: off } : {}),
    maxInstances,
    targetInvocationsPerInstance: Math.max(1, Math.floor((60 / p) * i.workers * util)),
    ...(floor ? { residentFloor: floor } : {}),
  };
  const b = new Builder();
  const instanceMonths = share < 1 ? minInstances * share + off * (1 - share) : minInstances;
  const hours = instanceMonths * monthHours();
  hourlyLine(b, prices, 'hosting', i, hours, share < 1 ? `${minInstances} x ${i.type} in the active hours (${pct(share)} of the month), ${off} outside` : `${minInstances} x ${i.type} all month`);
  storageLine(b, prices, i, instanceMonths, input.modelSizeBytes);
  dataLines(b, prices, t);
  b.assumptions.unshift(
    `instances = ceil(rate x ${formatDuration(p)} / (${plural(i.workers, 'worker')} x ${Math.round(util * 100)}% target utilisation)): ${forRate} for the average ${formatRate(t.averageRps / share)}${share < 1 ? ' within the active hours' : ''} (at least ${limit('real-time.min-instances')}), ${forPeak} for the peak ${formatRate(t.peakRps)}, where ${pct(queue.share)} of requests wait for a worker (Erlang C; the policy allows ${pct(queueingTarget())})`,
    `autoscaling runs ${minInstances} instance${minInstances === 1 ? '' : 's'} most of the month; hours above that at peaks are not counted`,
    monthAssumption(),
  );
  if (floor) b.assumptions.push(`${minInstances} instances rather than the ${forRate} the rate needs: ${floor.why}`);
  if (input.architecture === 'multi-model') b.assumptions.push('a multi-model endpoint: the models share these instances; the rate is all models together');
  if (input.architecture === 'multi-container') b.assumptions.push('a multi-container endpoint: each instance holds every container; the rate is all containers together');
  return { fits: true, reason: null, checks: [], capacity, cost: b.cost(), unpriced: b.unpriced };
}
