// --requests: prices every option with the run's price table, lets cost choose among the options
// that fit, and sizes the chosen option's capacity. The pure parts are src/rules/cost*.ts.

import { instanceSpecFor, sizingFor, type Sizing } from '../emit/plan';
import type { Deployment } from '../emit/deployment';
import { chooseByCost, optionLabel, priceAll, trafficFor, type CostAnswers, type CostChoice, type PricedOption } from '../rules/cost-choice';
import { OPTION_NAMES, type Architecture, type Assessment, type Recommendation } from '../rules/engine';
import type { OptionId } from '../rules/limits';
import { formatRate } from '../rules/rate';
import type { Workload } from '../rules/workload';
import type { Io } from './io';
import { loadPrices } from './prices';

export interface Costing {
  prices: { region: string; asOf: string | null; source: string };
  priced: PricedOption[];
  choice: CostChoice;
  /** What the estimates assumed about the traffic (peak, sizes). */
  assumptions: string[];
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
  const choice = chooseByCost(ctx, priced);
  if (choice.note) assumptions.push(choice.note);

  let recommendation = flowchart;
  let chosen: PricedOption | null = null;
  if (choice.best) {
    chosen = choice.best;
    const best = choice.best;
    if (flowchart && flowchart.option === best.option) {
      recommendation = { ...flowchart, reasons: [...choice.reasons, ...flowchart.reasons] };
    } else {
      const o = a.options.find((x) => x.option === best.option)!;
      recommendation = {
        option: best.option,
        architecture: architectureFor(w, best.option, flowchart),
        summary: `${optionLabel(best)}: the cheapest option that fits ${formatRate(answers.requests.perSecond)}${flowchart ? ` (the flowchart alone would pick ${OPTION_NAMES[flowchart.option]})` : ''}.`,
        reasons: [...choice.reasons, ...o.checks.filter((c) => c.pass && c.source && typeof c.value === 'number').map((c) => c.message)],
      };
    }
  } else if (flowchart) {
    chosen = priced.find((p) => p.option === flowchart.option) ?? null;
  }
  return {
    prices: { region: table.region, asOf: table.asOf || null, source: table.source },
    priced,
    choice,
    assumptions,
    recommendation,
    sizing: chosen ? sizingFor(chosen) : null,
  };
}
