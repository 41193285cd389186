// `deploy-advisor recommend`: flags and an answers file in, a recommendation and its
// configuration out.

import { advise } from '../rules/advise/decide';
import { checkDeployment, containersOf } from '../rules/plan/deployment';
import { BUILTIN_PRICES } from '../rules/facts/prices';
import { generate, type Config, type Target } from '../emit/index';
import { normalize, refuseBadAnswers, type Origins } from './answers';
import { ANSWER_KEYS, flagOf, missingAnswers, nameFlagsIn, type RawAnswers } from './inputs';
import { EXIT, UsageError, canPrompt, colorWanted, type Io } from './io';
import { toResult } from './result';

export interface RecommendFlags extends Record<string, unknown> {
  answers?: string;
  format: 'text' | 'json' | 'yaml';
  explain?: boolean;
  interactive: boolean;
  color?: boolean;
  output?: string;
  force?: boolean;
  artifact?: string;
  /** Started as `deploy-advisor` with no command: ask everything not given. */
  wizard?: boolean;
}

export async function runRecommend(flags: RecommendFlags, io: Io): Promise<number> {
  // Once the wizard has its answers, they are never lost: whatever fails after, the command line that gives them is printed.
  const after: { scripted: (() => string) | null } = { scripted: null };
  try {
    return await recommend(flags, io, after);
  } catch (e) {
    if (after.scripted) io.stderr.write(`\nYour answers, scripted (for CI; fix what the line below says, then run it):\n  ${after.scripted()}\n`);
    throw e;
  }
}

async function recommend(flags: RecommendFlags, io: Io, after: { scripted: (() => string) | null }): Promise<number> {
  let raw: RawAnswers = {};
  let origins: Origins = {};
  if (flags.answers !== undefined) {
    const { readAnswersFile } = await import('./answers-file');
    ({ answers: raw, origins } = await readAnswersFile(flags.answers));
  }
  for (const k of ANSWER_KEYS) {
    if (flags[k] !== undefined) {
      raw[k] = flags[k];
      delete origins[k];
    }
  }
  let artifactNote: string | null = null;
  if (flags.artifact !== undefined) {
    const other = raw.modelSize !== undefined ? 'modelSize' : raw.modelSizes !== undefined ? 'modelSizes' : null;
    if (other) throw new UsageError(`--artifact and ${origins[other] ?? flagOf(other)} both give the model size; keep one`);
    const { scanArtifact } = await import('./artifact');
    const report = await scanArtifact(flags.artifact, 'auto');
    const errors = report.findings.filter((f) => f.severity === 'error');
    if (errors.length) throw new UsageError(`--artifact ${flags.artifact}: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more; run deploy-advisor check-artifact)` : ''}`);
    raw.modelSize = `${report.uncompressedBytes}B`;
    artifactNote = `model size read from ${flags.artifact}: ${report.uncompressedBytes} bytes uncompressed`;
  }
  // On a terminal the wizard asks for what is missing; elsewhere, missing answers are a usage
  // error naming each missing flag (normalize throws it).
  const prompting = (flags.wizard || missingAnswers(raw).length > 0) && canPrompt(io, flags.interactive);
  let wizard: typeof import('./wizard') | null = null;
  let notes: string[] = [];
  const errStyle = async () => (await import('./style')).makeStyle(colorWanted(io, flags.color, io.stderr));
  // A getter: the prompts' output is stderr, which Node makes only when something is written to it.
  const ctx = {
    get output() {
      return io.stderr as unknown as NodeJS.WritableStream;
    },
  };
  if (prompting) {
    // A bad flag or file value is reported before the first question, not after the last.
    refuseBadAnswers(raw, origins);
    wizard = await import('./wizard');
    io.stderr.write('deploy-advisor: a few questions about the workload (Enter accepts the default, Ctrl-C quits).\n');
    ({ answers: raw, notes } = await wizard.askWorkload(raw, ctx, await errStyle()));
    const w = wizard;
    after.scripted = () => w.commandLine(raw, (raw.target as Target | undefined) ?? null, null);
  }
  const { workload, deployment: d, target, assumptions, cost, region } = normalize(raw, origins);
  assumptions.push(...notes);
  if (artifactNote) assumptions.push(artifactNote);
  const pricesGiven = flags.prices !== undefined || region !== null;
  if (!cost && pricesGiven) {
    assumptions.push(`${flags.prices !== undefined ? '--prices' : '--region'} only ranks GPU instance types and quotes their prices: nothing is priced without ${flagOf('requests')}`);
  }
  // The run's price table ranks GPU types; with --requests, it prices every option and cost
  // chooses among those that fit.
  let prices = BUILTIN_PRICES;
  if (cost || pricesGiven) {
    const { loadPrices } = await import('./prices');
    const { table, hint } = loadPrices({ region: region ?? undefined, prices: flags.prices as string | undefined }, io);
    if (hint) io.stderr.write(`deploy-advisor: ${hint}\n`);
    prices = table;
  }
  const advice = advise({ workload, deployment: d, prices, answers: cost });
  const rec = advice.recommendation;

  const problems = checkDeployment(d, { multiModel: rec?.architecture === 'multi-model', containers: rec ? containersOf(rec.architecture, workload) : null });
  if (problems.length) throw new UsageError(`${origins[problems[0]!.key] ?? flagOf(problems[0]!.key)}: ${problems[0]!.message}`);

  // The core refers to answers by key; the files and messages name their flags.
  const make = (t: Target): Config => nameFlagsIn(generate({ recommendation: rec!, plan: advice.plan!, cost: advice.cost }, d, t));
  const config: Config | null = rec ? make(target) : null;
  let written: string[] | null = null;
  // The wizard writes after showing the recommendation, and asks again where -o cannot be written.
  const wizardWrites = wizard !== null && flags.format === 'text';
  if (flags.output !== undefined) {
    if (config) {
      if (!wizardWrites) {
        const { writeFiles } = await import('./write-files');
        written = writeFiles(flags.output, config.files, Boolean(flags.force));
      }
    } else {
      io.stderr.write('deploy-advisor: nothing written: no option fits this workload\n');
    }
  }
  const wrote = (paths: string[]) => io.stdout.write(paths.map((p) => `Wrote ${p}`).join('\n') + '\n');

  if (wizard && flags.format === 'text') {
    // The wizard shows the recommendation, then offers to write its files (into -o's folder when given, asking again where it cannot).
    const [{ renderText }, { makeStyle }] = await Promise.all([import('./render-text'), import('./style')]);
    const result = nameFlagsIn(toResult(workload, advice, assumptions));
    io.stdout.write(renderText(result, await makeStyle(colorWanted(io, flags.color, io.stdout)), Boolean(flags.explain)));
    // With stdout piped, the user would be asked to write files without having seen why: show it here too.
    if (!io.stdout.isTTY) io.stderr.write(renderText(result, await errStyle(), Boolean(flags.explain)));
    let out: { target: Target; dir: string | null; force: boolean } = { target, dir: flags.output ?? null, force: Boolean(flags.force) };
    if (config && rec) {
      const { writeFiles } = await import('./write-files');
      const s = await errStyle();
      if (config.warnings.length) io.stderr.write(`${s.yellow('Check before deploying:')}\n${config.warnings.map((w) => `  - ${w}`).join('\n')}\n`);
      const r = await wizard.offerToWrite(config, ctx, s, make, writeFiles, { askTarget: rec.option !== 'batch-transform' && raw.target === undefined && flags.output === undefined, dir: flags.output, force: Boolean(flags.force) });
      out = r;
      if (r.written) wrote(r.written);
      else io.stderr.write('Nothing written.\n');
    }
    after.scripted = null;
    io.stderr.write(`\nThe same decision, scripted (for CI):\n  ${wizard.commandLine(raw, rec?.option === 'batch-transform' ? null : out.target, out.dir, out.force)}\n`);
    return rec ? EXIT.ok : EXIT.findings;
  }
  const result = { ...nameFlagsIn(toResult(workload, advice, assumptions)), config };

  if (flags.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (flags.format === 'yaml') {
    const { toYaml } = await import('./yaml-out');
    io.stdout.write(toYaml(result));
  } else {
    // chalk costs milliseconds at import: only text output loads it.
    const [{ renderText, renderConfig }, { makeStyle }] = await Promise.all([import('./render-text'), import('./style')]);
    const style = await makeStyle(colorWanted(io, flags.color, io.stdout));
    io.stdout.write(renderText(result, style, Boolean(flags.explain)));
    if (config) io.stdout.write(renderConfig(config, written, style));
  }
  return rec ? EXIT.ok : EXIT.findings;
}
