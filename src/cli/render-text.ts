// Renders a recommend result for people.

import { notComparedWhy } from '../rules/advise/cost-choice';
import type { Check } from '../rules/advise/checks';
import { ARCHITECTURE_NAMES, OPTION_NAMES } from '../rules/advise/engine';
import { byCodeUnits, formatBytes, formatDuration, formatUsd as money } from '../rules/units';
import type { Workload } from '../rules/workload';
import type { Config } from '../emit/index';
import type { RecommendResult } from './result';
import type { Style } from './style';

function describeWorkload(w: Workload): string {
  const parts = [w.batch ? 'offline batch job' : `${w.traffic} traffic`];
  parts.push(`${formatBytes(w.payloadBytes)} ${w.batch ? 'records' : 'payloads'}`, `${formatDuration(w.processingSeconds)} processing`);
  if (!w.batch) parts.push(w.latencySeconds === null ? 'callers can wait' : `answers within ${formatDuration(w.latencySeconds)}`);
  const several = w.modelSizes && w.modelSizes.length > 1 ? w.modelSizes : null;
  if (several) parts.push(`${w.models} models (${several.map(formatBytes).join(' + ')})`);
  else if (w.modelSizeBytes !== null) parts.push(`${formatBytes(w.modelSizeBytes)} model`);
  if (w.gpu) parts.push('GPU');
  if (w.models > 1 && !several) parts.push(`${w.models} models`);
  if (w.frameworks > 1) parts.push(`${w.frameworks} frameworks`);
  if (w.pipeline > 1) parts.push(`${w.pipeline}-container pipeline`);
  if (w.contentType) parts.push(w.contentType);
  return parts.join(', ');
}

function checkLine(c: Check, s: Style): string {
  const mark = c.pass ? s.green('✓') : s.red('✗');
  return `    ${mark} ${c.message}${c.source ? s.dim(`  [${c.limit}]`) : ''}`;
}

export function renderText(r: RecommendResult, s: Style, explain: boolean): string {
  const out: string[] = [];
  const rec = r.recommendation;
  out.push(`${s.dim('Workload:')} ${describeWorkload(r.workload)}`, '');
  if (rec) {
    const arch = rec.architecture === 'single-model' ? '' : ` (${ARCHITECTURE_NAMES[rec.architecture]})`;
    const variant = r.options.find((o) => o.option === rec.option)?.sizing?.variant ?? rec.plan?.variant;
    const name = variant === 'provisioned-concurrency' ? 'Serverless Inference with Provisioned Concurrency' : OPTION_NAMES[rec.option];
    out.push(`${s.bold('Recommendation:')} ${s.bold.green(name + arch)}`);
    out.push(`  ${rec.summary}`, '', s.bold('Why:'));
    for (const reason of rec.reasons) out.push(`  - ${reason}`);
  } else {
    out.push(`${s.bold.red('No SageMaker hosting option fits this workload.')}`, '', s.bold('What would have to change:'));
    for (const a of r.advice) out.push(`  - ${a}`);
  }

  if (r.prices) out.push(...costTable(r, s));
  if (rec && rec.plan.quotas.length) {
    // Accounts often start below these (0 GPU instances for endpoint usage): say it before deploying.
    out.push('', s.bold('Quotas this plan needs:'));
    for (const q of rec.plan.quotas) out.push(`  - ${q.name}: ${q.value}${q.note ? s.dim(`; ${q.note}`) : ''}`);
    out.push(s.dim('  Check them: aws service-quotas list-service-quotas --service-code sagemaker (see README, Large models).'));
  }

  out.push('', s.bold(explain ? 'Every option and limit checked:' : 'Other options:'));
  for (const o of r.options) {
    if (!explain && rec && o.option === rec.option) continue;
    const failedChecks = o.checks.filter((c) => !c.pass);
    const name = o.sizing?.variant === 'provisioned-concurrency' ? 'Serverless Inference with Provisioned Concurrency' : OPTION_NAMES[o.option];
    const head = o.fits
      ? `${s.green('✓')} ${name}: fits${rec && o.option !== rec.option ? (r.prices ? costNote(r, o) : ", not the flowchart's pick") : ''}`
      : `${s.red('✗')} ${name}: ruled out${explain ? '' : `: ${failedChecks.map((c) => c.message).join('; ')}`}`;
    out.push(`  ${head}`);
    if (explain) for (const c of o.checks) out.push(checkLine(c, s));
  }

  if (r.assumptions.length) {
    out.push('', s.bold('Assumed:'));
    for (const a of r.assumptions) out.push(`  - ${a}`);
  }
  if (explain) {
    const sources = new Map<string, string>();
    for (const o of r.options) for (const c of o.checks) if (c.source) sources.set(c.limit, c.source);
    out.push('', s.bold('Sources:'));
    for (const [id, url] of [...sources].sort(([a], [b]) => byCodeUnits(a, b))) out.push(`  ${id}: ${url}`);
  } else {
    out.push('', s.dim('Run with --explain to see every limit checked, with sources.'));
  }
  return out.join('\n') + '\n';
}

/** How an option that fits but was not chosen compares on cost, as the cost table says. */
function costNote(r: RecommendResult, o: RecommendResult['options'][number]): string {
  if (o.sizing && !o.sizing.compared) return `, not compared on cost: ${notComparedWhy(r.workload, o.option)}`;
  if (!o.cost) return `, cost unknown${o.sizing?.unpriced.length ? ` (no price: ${o.sizing.unpriced.join(', ')})` : ''}`;
  const chosen = r.recommendation?.cost;
  return `, about ${money(o.cost.monthlyUsd)} a month${chosen ? ` (${money(o.cost.monthlyUsd - chosen.monthlyUsd)} more)` : ''}`;
}

/** Monthly cost of each option at --requests, and the break-even line. */
function costTable(r: RecommendResult, s: Style): string[] {
  const p = r.prices!;
  const rows = r.options.map((o) => {
    const label = o.sizing?.variant === 'provisioned-concurrency' ? 'Serverless + Provisioned Concurrency' : OPTION_NAMES[o.option];
    const at = o.sizing?.instanceType ? ` (${o.sizing.instanceType})` : '';
    const value = o.cost
      ? `${money(o.cost.monthlyUsd)}${o.sizing && !o.sizing.compared ? ` (not compared: ${notComparedWhy(r.workload, o.option)})` : ''}`
      : o.fits && o.sizing && o.sizing.unpriced.length
        ? `unknown (no price: ${o.sizing.unpriced.join(', ')})`
        : 'does not fit';
    return { label: `${label}${at}`, value, chosen: r.recommendation?.option === o.option };
  });
  const w = Math.max(...rows.map((x) => x.label.length));
  const out = ['', s.bold(`Monthly cost (${p.region} list prices${p.asOf ? ` as of ${p.asOf}` : ''}):`)];
  for (const row of rows) out.push(`  ${row.chosen ? s.green('>') : ' '} ${row.label.padEnd(w)}  ${row.chosen ? s.bold(row.value) : row.value}`);
  const rec = r.recommendation;
  const k = rec ? rec.reasonIds.findIndex((id) => id === 'cost.break-even' || id === 'cost.no-longer-fits' || id === 'cost.stays-cheaper') : -1;
  if (k >= 0) out.push(`  ${rec!.reasons[k]}`);
  out.push(s.dim('  Not counted: Savings Plans (up to 64% off), the free tier, S3, CloudWatch. Breakdowns: --format json.'));
  return out;
}

/** The generated files: their contents, or the paths written. */
export function renderConfig(config: Config, written: string[] | null, s: Style): string {
  const out: string[] = ['', s.bold(`Configuration (${config.target}):`)];
  if (config.warnings.length) {
    out.push(s.yellow('Check before deploying:'));
    for (const w of config.warnings) out.push(`  - ${w}`);
  }
  if (written) {
    for (const p of written) out.push(`Wrote ${p}`);
    return out.join('\n') + '\n';
  }
  out.push(s.dim('Write these files with -o <folder>.'));
  for (const f of config.files) out.push('', s.dim(`==> ${f.name} <==`), f.content.trimEnd());
  return out.join('\n') + '\n';
}
