// --requests: prices every option with the run's price table, lets cost choose among the options
// that fit, and sizes the chosen option's capacity. The pure parts are src/rules/cost*.ts.

import { instanceSpecFor, sizingFor, type Sizing } from '../emit/plan';
import type { Deployment } from '../emit/deployment';
import { chooseByCost, optionLabel, priceAll, trafficFor, withTraffic, type CostAnswers, type CostChoice, type PricedOption } from '../rules/cost-choice';
import { scaledToZeroEstimate } from '../rules/cost';
import { formatUsd } from '../rules/units';
import { OPTION_NAMES, inferenceComponentsSummary, type Architecture, type Assessment, type OptionAssessment, type Recommendation } from '../rules/engine';
import { limit, type OptionId } from '../rules/limits';
import { formatVolume } from '../rules/text';
import { reason, type Reason } from '../rules/reason';
import type { Workload } from '../rules/workload';
import type { Io } from './io';
import { flagOf } from './inputs';
import { loadPrices } from './prices';

export interface Costing {
  prices: { region: string; asOf: string | null; source: string };
  priced: PricedOption[];
  /** The engine's options with the traffic's checks added: what every output says fits. */
  options: OptionAssessment[];
  choice: CostChoice;
  /** What the estimates assumed about the traffic (peak, sizes). */
  assumptions: string[];
  /** What would have to change, when the traffic rules out every option that fits otherwise. */
  advice: string[];
  /** The recommendation after the choice by cost. */
  recommendation: Recommendation | null;
  /** Capacity and estimate for the generated files. */
  sizing: Sizing | null;
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

export function costing(w: Workload, a: Assessment, answers: CostAnswers, opts: { region: string | null; prices?: string }, d: Deployment, io: Io): Costing {
  const { table, hint } = loadPrices({ region: opts.region ?? undefined, prices: opts.prices }, io);
  if (hint) io.stderr.write(`deploy-advisor: ${hint}\n`);
  const flowchart = a.recommendation;
  const { traffic, assumptions } = trafficFor(w, answers);
  const ctx = {
    workload: w,
    assessment: a,
    answers,
    traffic,
    prices: table,
    instanceFor: (o: OptionId) => instanceSpecFor(w, o, architectureFor(w, o, flowchart), d),
    architecture: architectureFor(w, 'real-time', flowchart),
  };
  const priced = priceAll(ctx);
  const options = withTraffic(a.options, priced);
  const choice = chooseByCost(ctx, priced);

  const fitting = (option: OptionId) => options.find((x) => x.option === option)!;
  const failed = (option: OptionId) => fitting(option).checks.filter((c) => !c.pass).map((c) => c.message).join('; ');
  const flowchartFits = flowchart !== null && fitting(flowchart.option).fits;
  const flowchartNote = (chosen: OptionId) => {
    if (!flowchart || flowchart.option === chosen) return '';
    if (!flowchartFits) return ` (the flowchart alone would pick ${OPTION_NAMES[flowchart.option]}, which does not fit this traffic: ${failed(flowchart.option)})`;
    return ` (the flowchart alone would pick ${OPTION_NAMES[flowchart.option]})`;
  };
  const passedChecks = (option: OptionId): Reason[] =>
    fitting(option).checks.filter((c) => c.pass && c.source && typeof c.value === 'number').map((c) => reason('cost.check-passed', c.message, { option, limit: c.limit }));

  // Options the flowchart's checks let through that the traffic rules out: said once in the reasons
  // (the flowchart's pick is said in the summary instead).
  const trafficRuledOut = (except: OptionId): Reason[] =>
    priced
      .filter((p) => p.option !== except && p.option !== flowchart?.option && !fitting(p.option).fits && p.checks.some((c) => !c.pass))
      .map((p) => reason('cost.traffic-ruled-out', `${optionLabel(p)} does not fit this traffic: ${p.checks.filter((c) => !c.pass).map((c) => c.message).join('; ')}`, { option: p.option }));

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
      advice.push(`${OPTION_NAMES[flowchart.option]} does not fit this traffic: ${failed(flowchart.option)}; a lower peak (${flagOf('peak')}) or a shorter processing time would let it fit`);
    }
  } else if (flowchart) {
    chosen = priced.find((p) => p.option === flowchart.option) ?? null;
  }
  // Inference components that scale to zero: only when that costs less than keeping a copy warm
  // by the policy share (issue 14), with the cold start stated.
  if (recommendation?.architecture === 'inference-components' && recommendation.scaleToZero && chosen?.option === 'real-time' && chosen.cost) {
    const i = ctx.instanceFor('real-time');
    const zero = i ? scaledToZeroEstimate({ instance: i, processingSeconds: w.processingSeconds, traffic, modelSizeBytes: w.modelSizeBytes, architecture: 'inference-components' }, table) : null;
    if (zero?.cost) {
      const warm = chosen.cost.monthlyUsd;
      const saving = warm - zero.cost.monthlyUsd;
      const share = warm > 0 ? saving / warm : 0;
      const pct = `${Math.round(share * 100)}%`;
      const up = `up about ${Math.round(zero.upFraction * 100)}% of the month at ${formatVolume(answers.requests)}`;
      const rest = recommendation.reasons.filter((r) => r.id !== 'ic.warm-cost');
      if (share >= limit('policy.ic-scale-to-zero-saving')) {
        const scaled: PricedOption = { ...chosen, cost: zero.cost, capacity: zero.capacity };
        priced[priced.indexOf(chosen)] = scaled;
        chosen = scaled;
        // The choice's reasons quoted the warm cost: say them again at the scaled-to-zero cost.
        const again = chooseByCost(ctx, priced);
        const reasons = [...again.reasons, ...rest.filter((r) => !choice.reasons.includes(r))];
        const cheaper = reason('ic.scaled-to-zero-cost', `cost: scaled to zero, about ${formatUsd(zero.cost.monthlyUsd)} a month (${up}), ${formatUsd(saving)} (${pct}) less than keeping it warm at ${formatUsd(warm)}`, { monthlyUsd: zero.cost.monthlyUsd, warmMonthlyUsd: warm });
        recommendation = { ...recommendation, reasons: [cheaper, ...reasons] };
      } else {
        const why = reason('ic.stays-warm', `cost: scaling to zero would save only ${formatUsd(saving)} (${pct}) of the ${formatUsd(warm)} a month that keeping it warm costs (${up}), under the ${Math.round(limit('policy.ic-scale-to-zero-saving') * 100)}% worth a cold start of several minutes, so it stays warm`, { monthlyUsd: zero.cost.monthlyUsd, warmMonthlyUsd: warm });
        const keep = rest.filter((r) => r.id !== 'ic.cold-start' && r.id !== 'ic.scale-to-zero');
        recommendation = w.models > 1
          ? { ...recommendation, scaleToZero: false, summary: inferenceComponentsSummary(w, false), reasons: [why, ...keep] }
          : {
              // One model took inference components only to scale to zero: a plain endpoint, kept warm.
              option: 'real-time',
              architecture: 'single-model',
              summary: `Real-Time Inference: a GPU model with ${w.traffic} traffic, kept warm at ${formatVolume(answers.requests)}: scaling to zero would save too little for its cold start.`,
              reasons: [why, ...keep.filter((r) => r.id !== 'ic.invoke')],
            };
      }
    }
  }
  if (choice.note) assumptions.push(choice.note);
  return {
    prices: { region: table.region, asOf: table.asOf || null, source: table.source },
    priced,
    options,
    advice,
    choice,
    assumptions,
    recommendation,
    sizing: chosen ? sizingFor(chosen) : null,
  };
}
