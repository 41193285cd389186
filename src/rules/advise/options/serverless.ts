// Serverless Inference: the memory step that holds the model, and the workload held against its
// limits (payload, invocation timeout, memory, cold starts, what Serverless does not support, start-up).

import { limit, limitBytes, limitEntry } from '../../facts/limits';
import { withArticle } from '../../text';
import { formatBytes, formatBytesAlike, formatDuration } from '../../units';
import type { Workload } from '../../workload';
import { atMost, latencyCheck, unsupported, type Check } from '../checks';
import { serverlessStartupChecks } from '../startup-checks';

/** Memory a model needs on Serverless, before rounding to a memory step. */
function serverlessMemoryNeed(modelBytes: number): number {
  return Math.ceil(modelBytes * limit('policy.memory-headroom'));
}

/** The smallest Serverless memory step (in MB) that holds the model, or null if none does. */
export function serverlessMemoryMB(modelBytes: number | null): number | null {
  const step = limit('serverless.memory-step');
  const min = limit('serverless.memory-min');
  const max = limit('serverless.memory-max');
  if (modelBytes === null) return min;
  const mib = 1024 * 1024;
  const need = Math.max(min, Math.ceil(serverlessMemoryNeed(modelBytes) / mib / step) * step);
  return need <= max ? need : null;
}

export function serverlessChecks(w: Workload): Check[] {
  const checks: Check[] = [atMost('serverless.payload', w.payloadBytes, 'payload', 'bytes'), atMost('serverless.invocation-timeout', w.processingSeconds, 'processing time', 'seconds')];
  const latency = latencyCheck(w);
  if (latency) checks.push(latency);
  checks.push(unsupported('serverless.gpu', w.gpu, 'the model needs a GPU'));
  if (w.modelSizeBytes !== null) {
    const need = serverlessMemoryNeed(w.modelSizeBytes);
    const max = limitBytes('serverless.memory-max');
    const headroom = Math.round((limit('policy.memory-headroom') - 1) * 100);
    const pass = need <= max;
    checks.push({
      limit: 'serverless.memory-max',
      value: need,
      limitValue: max,
      pass,
      message: `${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} needs about ${formatBytesAlike(need, max)[0]} of memory with ${headroom}% headroom; Serverless offers ${pass ? 'up to' : 'at most'} ${formatBytesAlike(need, max)[1]}`,
      source: limitEntry('serverless.memory-max').source,
    });
  }
  if (w.latencySeconds !== null) {
    const tolerance = limit('policy.cold-start-tolerance');
    const pass = w.latencySeconds >= tolerance;
    checks.push({
      limit: 'policy.cold-start-tolerance',
      value: w.latencySeconds,
      limitValue: tolerance,
      pass,
      message: pass
        ? `callers can wait ${formatDuration(w.latencySeconds)}, enough to ride out a cold start`
        : `callers need answers within ${formatDuration(w.latencySeconds)}, but a cold start takes seconds (up to ${formatDuration(limit('serverless.startup'))}); Provisioned Concurrency avoids them at an hourly cost`,
      source: limitEntry('policy.cold-start-tolerance').source,
    });
  }
  checks.push(unsupported('serverless.multi-model', w.models > 1 && w.frameworks === 1 && w.pipeline === 1, `${w.models} models`));
  checks.push(unsupported('serverless.multi-container', w.frameworks > 1 && w.pipeline === 1, `${w.frameworks} frameworks`));
  checks.push(unsupported('serverless.pipeline', w.pipeline > 1, withArticle(`${w.pipeline}-container pipeline`)));
  checks.push(...serverlessStartupChecks(w));
  return checks;
}
