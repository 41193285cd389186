// The recommend result as programs read it (json, yaml): schemaVersion 1, documented in the README.

import type { Assessment } from '../rules/engine';
import type { Workload } from '../rules/workload';

export const SCHEMA_VERSION = 1;

export interface RecommendResult {
  schemaVersion: number;
  workload: Workload;
  recommendation: Assessment['recommendation'];
  options: Assessment['options'];
  advice: string[];
  assumptions: string[];
}

export function toResult(workload: Workload, a: Assessment, assumptions: string[]): RecommendResult {
  return { schemaVersion: SCHEMA_VERSION, workload, recommendation: a.recommendation, options: a.options, advice: a.advice, assumptions };
}
