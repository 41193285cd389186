// Batch Transform: the workload held against its limits (data up front, record size, invocation
// timeout, pipeline length, an instance that holds the model), and the capacity and cost of its
// runs (instances that finish each run by its deadline).

import type { Workload } from '../../workload';
import { atMost, present, type Check } from '../checks';
import { holdsCheck } from '../startup-checks';
import { limit } from '../../facts/limits';
import type { PriceTable } from '../../facts/prices';
import { formatCount } from '../../rate';
import { plural } from '../../text';
import { formatDuration } from '../../units';
import { Builder, HOUR, hourlyLine, monthAssumption, monthSeconds, num, type CapacityCheck, type Estimate, type InstanceSpec } from '../cost';

export function batchChecks(w: Workload): Check[] {
  return [
    {
      limit: 'workload.batch',
      value: w.batch,
      limitValue: true,
      pass: w.batch,
      message: w.batch ? 'all data is available up front' : 'requests arrive one by one; Batch Transform processes a dataset that is available up front',
      source: null,
    },
    atMost('batch-transform.payload', w.payloadBytes, 'record of', 'bytes', 'or set MaxPayloadInMB to 0 to stream it, if the container supports chunked input'),
    atMost('batch-transform.invocation-timeout', w.processingSeconds, 'processing time', 'seconds'),
    ...(w.pipeline > 1 ? [atMost('serial-pipeline.containers-max', w.pipeline, 'pipeline of', 'count')] : []),
    ...present(holdsCheck(w, 'batch-transform')),
  ];
}

// ---- capacity and cost ------------------------------------------------------------------------

export interface BatchCapacity {
  instanceCount: number;
  runsPerMonth: number;
  recordsPerRun: number;
  /** Wall-clock time of one run, start-up included. */
  runSeconds: number;
}

export interface BatchInput {
  instance: InstanceSpec;
  processingSeconds: number;
  /** Average records per second; the run interval is periodSeconds. */
  recordsPerSecond: number;
  /** The period the volume was given in: one run per period (at least policy.batch-min-run-interval apart). */
  periodSeconds: number;
  /** When a run must finish, start-up included; null: within the run interval. */
  deadlineSeconds: number | null;
}

/** One run of a batch volume: how often, how many records, and when it must finish. */
export function batchRun(input: Pick<BatchInput, 'recordsPerSecond' | 'periodSeconds' | 'deadlineSeconds'>): { interval: number; recordsPerRun: number; deadline: number } {
  const interval = Math.max(input.periodSeconds, limit('policy.batch-min-run-interval'));
  return { interval, recordsPerRun: input.recordsPerSecond * interval, deadline: input.deadlineSeconds ?? interval };
}

export function batchEstimate(input: BatchInput, prices: PriceTable): Estimate<BatchCapacity> {
  const { instance: i, processingSeconds: p } = input;
  const { interval, recordsPerRun, deadline } = batchRun(input);
  const runsPerMonth = monthSeconds() / interval;
  const startup = limit('policy.batch-job-startup');
  const work = recordsPerRun * p; // worker-seconds per run
  const maxCount = limit('batch-transform.instances');
  const deadlineText = input.deadlineSeconds === null ? `the run interval (${formatDuration(interval)})` : `the ${formatDuration(deadline)} deadline`;
  if (deadline <= startup) {
    const check: CapacityCheck = { limit: 'policy.batch-job-startup', value: deadline, limitValue: startup, pass: false, message: `${deadlineText} is not longer than a job's start-up (about ${formatDuration(startup)})` };
    return { fits: false, reason: check.message, checks: [check], capacity: null, cost: null, unpriced: [] };
  }
  const instanceCount = Math.max(1, Math.ceil(work / (i.workers * (deadline - startup)) - 1e-9));
  const fitsCount = instanceCount <= maxCount;
  const check: CapacityCheck = {
    limit: 'batch-transform.instances',
    value: instanceCount,
    limitValue: maxCount,
    pass: fitsCount,
    message: fitsCount
      ? `finishing ${formatCount(recordsPerRun)} records within ${deadlineText} needs ${instanceCount} instance${instanceCount === 1 ? '' : 's'} of ${i.type}, within the ${maxCount} a transform job takes`
      : `finishing ${formatCount(recordsPerRun)} records within ${deadlineText} needs ${instanceCount} instances of ${i.type}; a transform job takes at most ${maxCount}`,
  };
  if (!fitsCount) return { fits: false, reason: check.message, checks: [check], capacity: null, cost: null, unpriced: [] };
  const runSeconds = work / (instanceCount * i.workers) + startup;
  const capacity: BatchCapacity = { instanceCount, runsPerMonth, recordsPerRun, runSeconds };
  const hours = (runsPerMonth * instanceCount * runSeconds) / HOUR;
  const b = new Builder();
  hourlyLine(b, prices, 'batch', i, hours, `${num(runsPerMonth)} runs x ${instanceCount} instance${instanceCount === 1 ? '' : 's'} x ${formatDuration(runSeconds)}`);
  b.assumptions.push(
    `one run every ${formatDuration(interval)}, ${formatCount(recordsPerRun)} records each: ${formatCount(recordsPerRun)} x ${formatDuration(p)} / (${instanceCount} instance${instanceCount === 1 ? '' : 's'} x ${plural(i.workers, 'worker')}) + ${formatDuration(startup)} start-up per job`,
    `InstanceCount ${instanceCount}: the fewest that finish within ${deadlineText}`,
    monthAssumption(),
    'S3 storage of input and output is not counted',
  );
  return { fits: true, reason: null, checks: [check], capacity, cost: b.cost(), unpriced: b.unpriced };
}
