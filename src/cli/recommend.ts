// `deploy-advisor recommend`: flags and an answers file in, a recommendation and its
// configuration out.

import { assess } from '../rules/engine';
import { checkDeployment, DEPLOYMENT_KEYS, type Deployment } from '../emit/deployment';
import { generate, TARGETS, type Config, type Target } from '../emit/index';
import { DEPLOY_FLAGS, normalize, type AnswerKey, type DeployKey, type Origins, type RawAnswers } from './answers';
import { EXIT, UsageError, colorWanted, type Io } from './io';
import { toResult } from './result';

export interface RecommendFlags extends Partial<Record<AnswerKey | DeployKey, unknown>> {
  answers?: string;
  format: 'text' | 'json' | 'yaml';
  explain?: boolean;
  interactive: boolean;
  color?: boolean;
  output?: string;
  force?: boolean;
}

const FLAG_KEYS: Array<AnswerKey | DeployKey> = [
  'batch', 'payload', 'processingTime', 'latency', 'traffic', 'modelSize', 'gpu', 'models', 'frameworks', 'pipeline', 'contentType',
  ...(Object.keys(DEPLOY_FLAGS) as DeployKey[]),
];

function deployment(raw: RawAnswers, origins: Origins): { deployment: Deployment; target: Target } {
  const at = (k: DeployKey) => origins[k] ?? DEPLOY_FLAGS[k];
  const d: Deployment = {};
  for (const k of DEPLOYMENT_KEYS) {
    const v = raw[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`${at(k)}: must be text (got ${JSON.stringify(v)})`);
    d[k] = v.trim();
  }
  const t = raw.target ?? 'cloudformation';
  if (!(TARGETS as readonly unknown[]).includes(t)) throw new UsageError(`${at('target')}: unknown target ${JSON.stringify(t)}; use ${TARGETS.join(' or ')}`);
  return { deployment: d, target: t as Target };
}

export async function runRecommend(flags: RecommendFlags, io: Io): Promise<number> {
  let raw: RawAnswers = {};
  let origins: Origins = {};
  if (flags.answers !== undefined) {
    const { readAnswersFile } = await import('./answers-file');
    ({ answers: raw, origins } = readAnswersFile(flags.answers));
  }
  for (const k of FLAG_KEYS) {
    if (flags[k] !== undefined) {
      raw[k] = flags[k];
      delete origins[k];
    }
  }
  // Missing answers are a usage error naming each missing flag (no prompting yet).
  const { workload, assumptions } = normalize(raw, origins);
  const { deployment: d, target } = deployment(raw, origins);
  const assessment = assess(workload);
  const rec = assessment.recommendation;

  const problems = checkDeployment(d, { multiModel: rec?.architecture === 'multi-model' });
  if (problems.length) throw new UsageError(`${origins[problems[0]!.key] ?? DEPLOY_FLAGS[problems[0]!.key]}: ${problems[0]!.message}`);

  const config: Config | null = rec ? generate(rec, workload, d, target) : null;
  let written: string[] | null = null;
  if (flags.output !== undefined) {
    if (config) {
      const { writeFiles } = await import('./write-files');
      written = writeFiles(flags.output, config.files, Boolean(flags.force));
    } else {
      io.stderr.write('deploy-advisor: nothing written: no option fits this workload\n');
    }
  }
  const result = { ...toResult(workload, assessment, assumptions), config };

  if (flags.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (flags.format === 'yaml') {
    const { toYaml } = await import('./yaml-out');
    io.stdout.write(toYaml(result));
  } else {
    // chalk costs milliseconds at import: only text output loads it.
    const [{ renderText, renderConfig }, { makeStyle }] = await Promise.all([import('./render-text'), import('./style')]);
    const style = makeStyle(colorWanted(io, flags.color, io.stdout));
    io.stdout.write(renderText(result, style, Boolean(flags.explain)));
    if (config) io.stdout.write(renderConfig(config, written, style));
  }
  return rec ? EXIT.ok : EXIT.findings;
}
