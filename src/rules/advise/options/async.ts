// Asynchronous Inference: the workload held against its limits (payload, invocation timeout, the
// answer time with the queue's overhead, what InvokeEndpointAsync cannot target, start-up).

import { limit, limitEntry } from '../../facts/limits';
import { formatDuration } from '../../units';
import type { Workload } from '../../workload';
import { atMost, present, unsupported, type Check } from '../checks';
import { holdsCheck, startupCheck } from '../startup-checks';

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
