// The recommend result as programs read it (json, yaml): schemaVersion 1, documented in the README.

import type { Advice } from '../rules/advise/decide';
import type { Cost, Estimate } from '../rules/advise/cost';
import type { BreakEven } from '../rules/advise/cost-choice';
import type { OptionAssessment, Recommendation } from '../rules/advise/engine';
import type { Plan } from '../rules/plan/types';
import type { ReasonId } from '../rules/reason';
import type { Workload } from '../rules/workload';

/** 2: breakEven is a list of regions; the recommendation and every option that fits carry their plan. */
export const SCHEMA_VERSION = 2;

export interface OptionResult extends OptionAssessment {
  /** Monthly estimate at --requests; null without it, when the option does not fit, or when a price is unknown. */
  cost: Cost | null;
  /** How the cost was reached: Serverless variant, instance type, capacity; null without --requests. */
  sizing: { variant: string | null; instanceType: string | null; capacity: Estimate<unknown>['capacity']; fits: boolean; reason: string | null; unpriced: string[]; compared: boolean } | null;
  /** What this option's files would deploy; null when it does not fit. */
  plan: Plan | null;
}

export interface RecommendResult {
  schemaVersion: number;
  workload: Workload;
  /** reasons as the outputs show them; reasonIds: each reason's id (src/rules/reason.ts), in the same order. */
  recommendation: (Omit<Recommendation, 'reasons'> & { reasons: string[]; reasonIds: ReasonId[]; cost: Cost | null; plan: Plan }) | null;
  options: OptionResult[];
  advice: string[];
  assumptions: string[];
  /** The price table the costs come from; null without --requests. */
  prices: Advice['prices'];
  /** Which compared option is cheapest, by volume, from a thousandth to a thousand times --requests; empty without a volume or with fewer than two options compared. */
  breakEven: BreakEven;
}

export function toResult(workload: Workload, c: Advice, assumptions: string[]): RecommendResult {
  const rec = c.recommendation;
  const pricedOf = (o: string) => c.priced?.find((p) => p.option === o) ?? null;
  // With a volume, the options carry the traffic's checks too (Serverless peak concurrency, ...).
  const options = c.options.map((o): OptionResult => {
    const p = pricedOf(o.option);
    // The recommended option's plan is the one its files deploy (after the choice by cost).
    const plan = rec && rec.option === o.option ? c.plan : (c.plans.find((x) => x.option === o.option)?.plan ?? null);
    const sizing = p ? { variant: p.variant, instanceType: p.instanceType, capacity: p.capacity, fits: p.fits, reason: p.reason, unpriced: p.unpriced, compared: c.choice!.candidates.includes(o.option) } : null;
    return { ...o, cost: o.fits && p?.fits ? p.cost : null, sizing, plan: o.fits || (rec && rec.option === o.option) ? plan : null };
  });
  const recCost = rec ? (options.find((o) => o.option === rec.option)?.cost ?? null) : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    workload,
    recommendation: rec ? { ...rec, reasons: rec.reasons.map((r) => r.text), reasonIds: rec.reasons.map((r) => r.id), cost: recCost, plan: c.plan! } : null,
    options,
    advice: c.advice,
    assumptions: [...assumptions, ...c.assumptions],
    prices: c.prices,
    breakEven: c.choice?.regions ?? [],
  };
}
