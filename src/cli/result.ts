// The recommend result as programs read it (json, yaml): schemaVersion 1, documented in the README.

import type { Cost, Estimate } from '../rules/cost';
import type { Assessment, OptionAssessment, Recommendation } from '../rules/engine';
import type { Costing } from './costing';
import type { ReasonId } from '../rules/reason';
import type { Workload } from '../rules/workload';

export const SCHEMA_VERSION = 1;

export interface OptionResult extends OptionAssessment {
  /** Monthly estimate at --requests; null without it, when the option does not fit, or when a price is unknown. */
  cost: Cost | null;
  /** How the cost was reached: Serverless variant, instance type, capacity; null without --requests. */
  sizing: { variant: string | null; instanceType: string | null; capacity: Estimate<unknown>['capacity']; fits: boolean; reason: string | null; unpriced: string[]; compared: boolean } | null;
}

export interface RecommendResult {
  schemaVersion: number;
  workload: Workload;
  /** reasons as the outputs show them; reasonIds: each reason's id (src/rules/reason.ts), in the same order. */
  recommendation: (Omit<Recommendation, 'reasons'> & { reasons: string[]; reasonIds: ReasonId[]; cost: Cost | null }) | null;
  options: OptionResult[];
  advice: string[];
  assumptions: string[];
  /** The price table the costs come from; null without --requests. */
  prices: Costing['prices'] | null;
  /** The line saying where the cheapest option stops being cheapest; null when there is none. */
  breakEven: string | null;
}

export function toResult(workload: Workload, a: Assessment, assumptions: string[], c: Costing | null = null): RecommendResult {
  const rec = c ? c.recommendation : a.recommendation;
  const pricedOf = (o: string) => c?.priced.find((p) => p.option === o) ?? null;
  // With a volume, the options carry the traffic's checks too (Serverless peak concurrency, ...).
  const options = (c ? c.options : a.options).map((o): OptionResult => {
    const p = pricedOf(o.option);
    return { ...o, cost: o.fits && p?.fits ? p.cost : null, sizing: p ? { variant: p.variant, instanceType: p.instanceType, capacity: p.capacity, fits: p.fits, reason: p.reason, unpriced: p.unpriced, compared: c!.choice.candidates.includes(o.option) } : null };
  });
  const recCost = rec ? (options.find((o) => o.option === rec.option)?.cost ?? null) : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    workload,
    recommendation: rec ? { ...rec, reasons: rec.reasons.map((r) => r.text), reasonIds: rec.reasons.map((r) => r.id), cost: recCost } : null,
    options,
    advice: c?.advice.length ? [...a.advice, ...c.advice] : a.advice,
    assumptions: c ? [...assumptions, ...c.assumptions] : assumptions,
    prices: c ? c.prices : null,
    breakEven: c?.choice.reasons.find((r) => r.id === 'cost.break-even' || r.id === 'cost.no-longer-fits')?.text ?? null,
  };
}
