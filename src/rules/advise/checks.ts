// A check: the workload held against one limit of the table (or against itself), pass or fail, with
// the message every output shows and the limit's source. The constructors every option's checks
// are made of (./options/*.ts); the flowchart (./engine.ts) reads them.

import { limit, limitBytes, limitEntry, type LimitId } from '../facts/limits';
import { formatBytes, formatDuration } from '../units';
import type { Workload } from '../workload';

/** Checks that compare the workload with itself rather than with a SageMaker limit. */
export type WorkloadCheckId = 'workload.latency' | 'workload.batch' | 'workload.capacity';

export interface Check {
  limit: LimitId | WorkloadCheckId;
  value: number | boolean;
  limitValue: number | boolean;
  pass: boolean;
  message: string;
  /** Source URL of the limit; null for checks of the workload against itself. */
  source: string | null;
}

/** The checks that are present only when they have something to say (issue 24: the model must start). */
export const present = (...cs: Array<Check | null>): Check[] => cs.filter((c): c is Check => c !== null);

const fmt = (value: number, unit: 'bytes' | 'seconds' | 'count') => (unit === 'bytes' ? formatBytes(value) : unit === 'seconds' ? formatDuration(value) : String(value));

/** value must be at most the limit. */
export function atMost(id: LimitId, value: number, what: string, unit: 'bytes' | 'seconds' | 'count', hint = ''): Check {
  const max = unit === 'bytes' ? limitBytes(id) : limit(id);
  const pass = value <= max;
  const e = limitEntry(id);
  const message = pass ? `${what} ${fmt(value, unit)} is within the ${fmt(max, unit)} limit (${e.limits})` : `${what} ${fmt(value, unit)} exceeds the ${fmt(max, unit)} limit (${e.limits})${hint ? `; ${hint}` : ''}`;
  return { limit: id, value, limitValue: max, pass, message, source: e.source };
}

/** A feature the option does not support: passes when the workload does not use it. */
export function unsupported(id: LimitId, used: boolean, what: string, why?: { failed: string; passed: string }): Check {
  const e = limitEntry(id);
  return {
    limit: id,
    value: used,
    limitValue: false,
    pass: !used,
    message: used ? (why ? `${what}: ${why.failed}` : `${what}: ${e.limits} not supported`) : (why?.passed ?? `no ${e.limits} needed`),
    source: e.source,
  };
}

export function latencyCheck(w: Workload): Check | null {
  if (w.latencySeconds === null) return null;
  const pass = w.processingSeconds <= w.latencySeconds;
  return {
    limit: 'workload.latency',
    value: w.processingSeconds,
    limitValue: w.latencySeconds,
    pass,
    message: pass
      ? `processing time ${formatDuration(w.processingSeconds)} is within the ${formatDuration(w.latencySeconds)} callers need`
      : `processing time ${formatDuration(w.processingSeconds)} is longer than the ${formatDuration(w.latencySeconds)} callers can wait`,
    source: null,
  };
}
