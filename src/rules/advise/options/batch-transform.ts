// Batch Transform: the workload held against its limits (data up front, record size, invocation
// timeout, pipeline length, an instance that holds the model).

import type { Workload } from '../../workload';
import { atMost, present, type Check } from '../checks';
import { holdsCheck } from '../startup-checks';

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
