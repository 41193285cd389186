// The advisor: a workload, deployment values, the run's price table and (optionally) a request
// volume in; the recommendation, the plan its files deploy, every option's plan and cost, and the
// reasons out. With a volume, cost chooses among the options that fit and sizes the plans; without
// one, the flowchart chooses and the plans keep their default counts. Pure: the CLI loads the
// inputs and the prices, and renders what comes out.

import { chooseByCost, optionLabel, priceAll, priceOption, trafficFor, withTraffic, type CostAnswers, type CostChoice, type CostContext, type PricedOption } from './cost-choice';
import { monthHours, monthSeconds, type Cost } from './cost';
import { icUpFraction } from './options/inference-components';
import { assess, onlyColdStart, OPTION_NAMES, inferenceComponentsSummary, type Assessment, type OptionAssessment, type Recommendation } from './engine';
import { flagRef } from '../flag-ref';
import { limit, type OptionId } from '../facts/limits';
import { instancePrice, memoryPrice, type PriceTable } from '../facts/prices';
import { formatVolume } from '../text';
import { reason, type Reason } from '../reason';
import { formatDuration, formatUsd } from '../units';
import type { Workload } from '../workload';
import type { Deployment } from '../plan/deployment';
import { basePlan, type Serve } from './plan-option';
import type { Architecture, Plan } from '../plan/types';

export interface AdviseInput {
  workload: Workload;
  deployment: Deployment;
  /** The run's price table: it ranks GPU types, and prices the options with a volume. */
  prices: PriceTable;
  /** The traffic answers (--requests and the rest); null: no volume, the flowchart decides. */
  answers: CostAnswers | null;
}

export interface OptionAdvice {
  option: OptionId;
  /** What this option's files would deploy (counts sized for the volume, when given); null when it does not fit. */
  plan: Plan | null;
}

export interface Advice {
  /** The engine's assessment (every option, every limit). */
  assessment: Assessment;
  /** The options as every output says they fit: the engine's checks, plus the traffic's with a volume. */
  options: OptionAssessment[];
  /** Each option priced at the volume; null without one. */
  priced: PricedOption[] | null;
  choice: CostChoice | null;
  /** What the estimates assumed about the traffic (peak, sizes), and how the choice was made. */
  assumptions: string[];
  /** What would have to change, when nothing fits. */
  advice: string[];
  recommendation: Recommendation | null;
  /** What the recommendation's files deploy. */
  plan: Plan | null;
  /** The plan's monthly cost, with the option's label; null without a volume or when a price is unknown. */
  cost: (Cost & { label: string }) | null;
  /** Each option that fits, with the plan its files would deploy. */
  plans: OptionAdvice[];
  /** The price table the costs come from; null without a volume. */
  prices: { region: string; asOf: string | null; source: string } | null;
}

function architectureFor(w: Workload, option: OptionId, flowchart: Recommendation | null): Architecture {
  if (flowchart && flowchart.option === option) return flowchart.architecture;
  if (option === 'serverless') return 'single-model';
  if (w.pipeline > 1) return 'serial-pipeline';
  if (option === 'batch-transform') return 'single-model';
  if (w.frameworks > 1) return 'multi-container';
  if (w.models > 1) return 'multi-model';
  return 'single-model';
}

const serveFor =
  (w: Workload, flowchart: Recommendation | null) =>
  (option: OptionId): Serve => ({
    option,
    architecture: architectureFor(w, option, flowchart),
    ...(flowchart?.option === option && flowchart.architecture === 'inference-components' ? { scaleToZero: flowchart.scaleToZero ?? false } : {}),
    ...(flowchart?.option === option && option === 'serverless' ? { provisioned: flowchart.provisioned ?? false } : {}),
  });

/** The plan each fitting option would deploy without a volume. */
function defaultPlans(w: Workload, d: Deployment, prices: PriceTable, options: OptionAssessment[], serve: (o: OptionId) => Serve): OptionAdvice[] {
  return options.map((o) => ({
    option: o.option,
    plan: o.fits ? basePlan(serve(o.option), w, d, prices) : o.option === 'serverless' && onlyColdStart(o) ? basePlan({ option: 'serverless', architecture: 'single-model', provisioned: true }, w, d, prices) : null,
  }));
}

/** What keeping an inference-components plan warm costs a month, quoted from the plan (no volume). */
function warmCost(plan: Plan, prices: PriceTable): Reason | null {
  const ic = plan.ic;
  const p = plan.instanceType ? instancePrice(prices, 'hosting', plan.instanceType) : null;
  if (!ic || !p) return null;
  const hours = monthHours();
  const n = ic.initialInstances;
  const monthly = p.usd * hours * n;
  return reason(
    'ic.warm-cost',
    `cost: keeping ${n === 1 ? 'one' : n} ${plan.instanceType} warm costs about ${formatUsd(monthly)} a month (${n === 1 ? '' : `${n} x `}${hours} h at $${p.usd}/h, ${prices.region} list prices); scaled to zero, the instances bill only while requests come and for about ${formatDuration(limit('inference-components.scale-in-to-zero'))} after the last one`,
    { instanceType: plan.instanceType!, monthlyUsd: monthly, hours, usdPerHour: p.usd, instances: n },
  );
}

/** What a Serverless plan's Provisioned Concurrency costs a month, whatever the traffic, quoted from the plan (no volume). */
function provisionedCost(plan: Plan, prices: PriceTable): Reason | null {
  const s = plan.serverless;
  const p = s?.provisionedConcurrency ? memoryPrice(prices.provisionedConcurrency, s.memoryMB) : null;
  if (!s?.provisionedConcurrency || !p) return null;
  const monthly = p.usd * s.provisionedConcurrency * monthSeconds();
  return reason(
    'serverless.provisioned-cost',
    `cost: ${s.provisionedConcurrency === 1 ? 'one unit' : `${s.provisionedConcurrency} units`} of Provisioned Concurrency at ${s.memoryMB} MB ${s.provisionedConcurrency === 1 ? 'costs' : 'cost'} about ${formatUsd(monthly)} a month (${monthHours()} h at $${p.usd}/s, ${prices.region} list prices), plus what requests use`,
    { provisionedConcurrency: s.provisionedConcurrency, memoryMB: s.memoryMB, monthlyUsd: monthly, usdPerSecond: p.usd },
  );
}

/** The advisor without a volume: the flowchart's pick and the plans with their default counts. */
function adviseByFlowchart(input: AdviseInput, a: Assessment): Advice {
  const { workload: w, deployment: d, prices } = input;
  const serve = serveFor(w, a.recommendation);
  const plans = defaultPlans(w, d, prices, a.options, serve);
  let rec = a.recommendation;
  const plan = rec ? basePlan(serve(rec.option), w, d, prices) : null;
  if (rec && plan?.ic?.scaleToZero) {
    const warm = warmCost(plan, prices);
    if (warm) {
      const k = rec.reasons.findIndex((r) => r.id === 'ic.scale-to-zero');
      rec = { ...rec, reasons: [...rec.reasons.slice(0, k + 1), warm, ...rec.reasons.slice(k + 1)] };
    }
  }
  const pc = rec && plan ? provisionedCost(plan, prices) : null;
  if (rec && pc) {
    const k = rec.reasons.findIndex((r) => r.id === 'serverless.provisioned');
    rec = { ...rec, reasons: [...rec.reasons.slice(0, k + 1), pc, ...rec.reasons.slice(k + 1)] };
  }
  return { assessment: a, options: a.options, priced: null, choice: null, assumptions: [], advice: a.advice, recommendation: rec, plan, cost: null, plans, prices: null };
}

export function advise(input: AdviseInput): Advice {
  const a = assess(input.workload);
  if (!input.answers) return adviseByFlowchart(input, a);
  const { workload: w, deployment: d, prices: table, answers } = input;
  const flowchart = a.recommendation;
  const { traffic, assumptions } = trafficFor(w, answers);
  // Inference components are priced warm first; scaling to zero is weighed below.
  const serve = serveFor(w, flowchart);
  const ctx: CostContext = {
    workload: w,
    assessment: a,
    answers,
    traffic,
    prices: table,
    deployment: d,
    serve: (o) => ({ ...serve(o), ...(serve(o).architecture === 'inference-components' ? { scaleToZero: false } : {}) }),
  };
  const priced = priceAll(ctx);
  const options = withTraffic(a.options, priced);
  const choice = chooseByCost(ctx, priced);

  const fitting = (option: OptionId) => options.find((x) => x.option === option)!;
  const failed = (option: OptionId) =>
    fitting(option)
      .checks.filter((c) => !c.pass)
      .map((c) => c.message)
      .join('; ');
  const flowchartFits = flowchart !== null && fitting(flowchart.option).fits;
  const flowchartName = flowchart?.provisioned ? 'Serverless Inference with Provisioned Concurrency' : flowchart ? OPTION_NAMES[flowchart.option] : '';
  const flowchartNote = (chosen: OptionId) => {
    if (!flowchart || flowchart.option === chosen) return '';
    if (!flowchartFits) return ` (the flowchart alone would pick ${flowchartName}, which does not fit this traffic: ${failed(flowchart.option)})`;
    return ` (the flowchart alone would pick ${flowchartName})`;
  };
  const passedChecks = (option: OptionId): Reason[] =>
    fitting(option)
      .checks.filter((c) => c.pass && c.source && typeof c.value === 'number')
      .map((c) => reason('cost.check-passed', c.message, { option, limit: c.limit }));

  // Options the flowchart's checks let through that the traffic rules out: said once in the reasons
  // (the flowchart's pick is said in the summary instead).
  const trafficRuledOut = (except: OptionId): Reason[] =>
    priced
      .filter((p) => p.option !== except && p.option !== flowchart?.option && !fitting(p.option).fits && p.checks.some((c) => !c.pass))
      .map((p) =>
        reason(
          'cost.traffic-ruled-out',
          `${optionLabel(p)} does not fit this traffic: ${p.checks
            .filter((c) => !c.pass)
            .map((c) => c.message)
            .join('; ')}`,
          { option: p.option },
        ),
      );

  let recommendation = flowchart;
  const advice: string[] = [];
  let chosen: PricedOption | null = null;
  if (choice.best) {
    chosen = choice.best;
    const best = choice.best;
    if (flowchart && flowchart.option === best.option) {
      recommendation = { ...flowchart, reasons: [...choice.reasons, ...trafficRuledOut(best.option), ...flowchart.reasons] };
    } else {
      recommendation = {
        option: best.option,
        architecture: architectureFor(w, best.option, flowchart),
        summary: `${optionLabel(best)}: ${choice.headline} at ${formatVolume(answers.requests, w.batch ? 'records' : 'requests')}${flowchartNote(best.option)}.`,
        reasons: [...choice.reasons, ...trafficRuledOut(best.option), ...passedChecks(best.option)],
      };
    }
  } else if (flowchart && !flowchartFits) {
    // Costs are unknown, and the flowchart's pick does not fit the traffic: the first option that
    // fits and serves this kind of caller takes its place, so that no output recommends an option
    // it also calls ruled out.
    const alt = priced.find((p) => choice.candidates.includes(p.option) && fitting(p.option).fits) ?? null;
    if (alt) {
      chosen = alt;
      choice.note = choice.note?.replace(/so the flowchart decides$/, `and the flowchart's pick, ${OPTION_NAMES[flowchart.option]}, does not fit this traffic, so the first option that fits is recommended`) ?? null;
      recommendation = {
        option: alt.option,
        architecture: architectureFor(w, alt.option, flowchart),
        summary: `${optionLabel(alt)}: fits at ${formatVolume(answers.requests, w.batch ? 'records' : 'requests')}${flowchartNote(alt.option)}; its cost is unknown.`,
        reasons: passedChecks(alt.option),
      };
    } else {
      recommendation = null;
      // The records of a batch are given: only the deadline or the processing time can change.
      advice.push(
        flowchart.option === 'batch-transform'
          ? `${OPTION_NAMES[flowchart.option]} does not fit this volume: ${failed(flowchart.option)}`
          : `${OPTION_NAMES[flowchart.option]} does not fit this traffic: ${failed(flowchart.option)}; a lower peak (${flagRef('peak')}) or a shorter processing time would let it fit`,
      );
    }
  } else if (flowchart) {
    chosen = priced.find((p) => p.option === flowchart.option) ?? null;
  }
  // Inference components that scale to zero: only when that costs less than keeping a copy warm
  // by the policy share (issue 14), with the cold start stated.
  if (recommendation?.architecture === 'inference-components' && recommendation.scaleToZero && chosen?.option === 'real-time' && chosen.cost) {
    const o = a.options.find((x) => x.option === 'real-time')!;
    const zero = priceOption(o, { ...ctx, serve: (x) => ({ ...serve(x), scaleToZero: true }) }, traffic);
    if (zero.cost) {
      // One model took inference components only to scale to zero: kept warm, it is a plain endpoint.
      const plain = w.models === 1 ? priceOption(o, { ...ctx, serve: (x) => ({ ...serve(x), architecture: 'single-model' }) }, traffic) : null;
      const warmOption = plain?.cost ? plain : chosen;
      const warm = warmOption.cost!.monthlyUsd;
      const saving = warm - zero.cost.monthlyUsd;
      const share = warm > 0 ? saving / warm : 0;
      const pct = `${Math.round(share * 100)}%`;
      const up = `up about ${Math.round(icUpFraction(traffic.averageRps, w.processingSeconds) * 100)}% of the month at ${formatVolume(answers.requests)}`;
      const rest = recommendation.reasons.filter((r) => r.id !== 'ic.warm-cost');
      const replace = (p: PricedOption) => {
        priced[priced.indexOf(chosen!)] = p;
        chosen = p;
        // The choice's reasons quoted the other cost: say them again at this one.
        const again = chooseByCost(ctx, priced);
        return [...again.reasons, ...rest.filter((r) => !choice.reasons.includes(r))];
      };
      if (share >= limit('policy.ic-scale-to-zero-saving')) {
        const reasons = replace(zero);
        const cheaper = reason('ic.scaled-to-zero-cost', `cost: scaled to zero, about ${formatUsd(zero.cost.monthlyUsd)} a month (${up}), ${formatUsd(saving)} (${pct}) less than keeping it warm at ${formatUsd(warm)}`, {
          monthlyUsd: zero.cost.monthlyUsd,
          warmMonthlyUsd: warm,
        });
        recommendation = { ...recommendation, reasons: [cheaper, ...reasons] };
      } else {
        const reasons = replace(warmOption);
        const why = reason(
          'ic.stays-warm',
          `cost: scaling to zero would save only ${formatUsd(saving)} (${pct}) of the ${formatUsd(warm)} a month that keeping it warm costs (${up}), under the ${Math.round(limit('policy.ic-scale-to-zero-saving') * 100)}% worth a cold start of several minutes, so it stays warm`,
          { monthlyUsd: zero.cost.monthlyUsd, warmMonthlyUsd: warm },
        );
        const keep = reasons.filter((r) => r.id !== 'ic.cold-start' && r.id !== 'ic.scale-to-zero');
        recommendation = plain
          ? {
              option: 'real-time',
              architecture: 'single-model',
              summary: `Real-Time Inference: a GPU model with ${w.traffic} traffic, kept warm at ${formatVolume(answers.requests)}: scaling to zero would save too little for its cold start.`,
              reasons: [why, ...keep.filter((r) => r.id !== 'ic.invoke')],
            }
          : { ...recommendation, scaleToZero: false, summary: inferenceComponentsSummary(w, false), reasons: [why, ...keep] };
      }
    }
  }
  if (choice.note) assumptions.push(choice.note);
  const plans: OptionAdvice[] = priced.map((p) => ({ option: p.option, plan: p === chosen || p.fits ? p.plan : null }));
  const cost = chosen?.cost ? { ...chosen.cost, label: optionLabel(chosen) } : null;
  return {
    assessment: a,
    options,
    priced,
    choice,
    assumptions,
    advice: [...a.advice, ...advice],
    recommendation,
    plan: recommendation && chosen ? chosen.plan : recommendation ? basePlan(serve(recommendation.option), w, d, table) : null,
    cost: recommendation ? cost : null,
    plans,
    prices: { region: table.region, asOf: table.asOf || null, source: table.source },
  };
}
