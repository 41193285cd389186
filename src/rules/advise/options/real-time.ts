// Real-Time Inference: the workload held against its limits (payload, invocation timeout, the
// containers an endpoint holds, the model's start-up).

import { limit, type LimitId } from '../../facts/limits';
import { formatBytes } from '../../units';
import type { Workload } from '../../workload';
import { atMost, latencyCheck, present, type Check } from '../checks';
import { holdsCheck, startupCheck } from '../startup-checks';

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
