// The one place `audit` calls the advisor core: the same assessment, choice by cost, sizing and
// plan as `recommend`, run on a measured workload. The core is being restructured (issue 18);
// when it moves, only this file changes.

import { makePlan } from '../../emit/plan';
import { generate, type Config, type Target } from '../../emit/index';
import type { Deployment } from '../../emit/deployment';
import type { CostAnswers } from '../../rules/cost-choice';
import { assess, type Architecture, type Recommendation } from '../../rules/engine';
import type { OptionId } from '../../rules/limits';
import type { Workload } from '../../rules/workload';
import { costing } from '../costing';
import type { Io } from '../io';
import { nameFlagsIn } from '../inputs';
import { FLAG_REF } from '../../rules/flag-ref';

/**
 * The core's texts name answers as {{flag:key}} for recommend's flags; audit measured them instead:
 * "(give --peak ...)" hints are dropped, and any other reference names the answer.
 */
export function auditText(text: string): string {
  return text.replace(/\s*\((?:give|set) \{\{flag:[^)]*\)/g, '').replace(FLAG_REF, (_m, key: string) => `the ${key} answer`);
}

/** Which price table the run uses: --prices FILE, or the Region's cached or built-in table. */
export interface PriceChoice {
  region: string | null;
  prices?: string;
}

/** The recommended configuration, as audit reports it. */
export interface AdvisedPlan {
  instanceType: string | null;
  initialInstanceCount: number | null;
  minInstances: number | null;
  maxInstances: number | null;
  serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
  scaleToZero: boolean;
}

export interface Advice {
  option: OptionId;
  architecture: Architecture;
  /** null when a price is unknown. */
  monthlyUsd: number | null;
  plan: AdvisedPlan;
  summary: string;
  reasons: string[];
  /** What the estimate assumed (peaks, sizes, the month). */
  assumptions: string[];
  /** Writes the configuration files for a target (for --output). */
  config(target: Target): Config;
}

/** Runs the advisor on a measured workload; null when no option fits. The price hint is the caller's to print. */
export function adviseMeasured(workload: Workload, cost: CostAnswers, prices: PriceChoice, endpointName: string, io: Io): Advice | null {
  const assessment = assess(workload);
  const quiet: Io = { ...io, stderr: { write: () => true } };
  const c = costing(workload, assessment, cost, { region: prices.region, prices: prices.prices }, {}, quiet);
  const rec: Recommendation | null = c.recommendation;
  if (!rec) return null;
  const d: Deployment = { name: endpointName };
  const plan = makePlan(rec, workload, d, c.sizing);
  const cap = plan.capacity;
  return {
    option: rec.option,
    architecture: rec.architecture,
    monthlyUsd: c.sizing?.cost?.monthlyUsd ?? null,
    plan: {
      instanceType: plan.instanceType,
      initialInstanceCount: cap?.initialInstanceCount ?? null,
      minInstances: cap?.minInstances ?? null,
      maxInstances: cap?.maxInstances ?? null,
      serverless: plan.serverless,
      scaleToZero: Boolean(rec.scaleToZero) || (rec.option === 'async' && cap?.minInstances === 0),
    },
    summary: auditText(rec.summary),
    reasons: rec.reasons.map((r) => auditText(r.text)),
    assumptions: [...(c.sizing?.cost?.assumptions ?? []), ...c.assumptions].map(auditText),
    // The files' comments name recommend's flags: the way to change a value and generate again.
    config: (target) => nameFlagsIn(generate(rec, workload, d, target, c.sizing)),
  };
}
