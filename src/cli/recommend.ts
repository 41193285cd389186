// `deploy-advisor recommend`: flags and an answers file in, a recommendation out.

import { assess } from '../rules/engine';
import { normalize, type AnswerKey, type Origins, type RawAnswers } from './answers';
import { EXIT, colorWanted, type Io } from './io';
import { toResult } from './result';

export interface RecommendFlags extends Partial<Record<AnswerKey, unknown>> {
  answers?: string;
  format: 'text' | 'json' | 'yaml';
  explain?: boolean;
  interactive: boolean;
  color?: boolean;
}

const FLAG_KEYS: AnswerKey[] = ['batch', 'payload', 'processingTime', 'latency', 'traffic', 'modelSize', 'gpu', 'models', 'frameworks', 'pipeline', 'contentType'];

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
  const result = toResult(workload, assess(workload), assumptions);

  if (flags.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (flags.format === 'yaml') {
    const { toYaml } = await import('./yaml-out');
    io.stdout.write(toYaml(result));
  } else {
    // chalk costs milliseconds at import: only text output loads it.
    const [{ renderText }, { makeStyle }] = await Promise.all([import('./render-text'), import('./style')]);
    io.stdout.write(renderText(result, makeStyle(colorWanted(io, flags.color, io.stdout)), Boolean(flags.explain)));
  }
  return result.recommendation ? EXIT.ok : EXIT.findings;
}
