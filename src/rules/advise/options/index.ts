// The hosting options, one module each (its checks, capacity and cost); the registry the flowchart
// (../engine.ts) holds a workload against.

import type { OptionId } from '../../facts/limits';
import type { Workload } from '../../workload';
import type { Check } from '../checks';
import { asyncChecks } from './async';
import { batchChecks } from './batch-transform';
import { realTimeChecks } from './real-time';
import { serverlessChecks } from './serverless';

/** Each option's checks: every limit the workload is held against, pass or fail. */
export const CHECKS: Record<OptionId, (w: Workload) => Check[]> = {
  'real-time': realTimeChecks,
  serverless: serverlessChecks,
  async: asyncChecks,
  'batch-transform': batchChecks,
};
