// The interactive wizard: asks, on stderr, only what the flowchart still needs, then offers to
// write the configuration and prints the scripted command line. The only module that imports
// the prompt library; loaded only on a terminal.

import { confirm, input, select } from '@inquirer/prompts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { limit, limitBytes } from '../rules/limits';
import { DURATION_HELP, formatBytes, formatDuration, parseDuration, parseSize, SIZE_HELP } from '../rules/units';
import { TRAFFIC } from '../rules/workload';
import type { Config } from '../emit/index';
import { ANSWER_FLAGS, DEPLOY_FLAGS, type AnswerKey, type DeployKey, type RawAnswers } from './answers';
import type { Style } from './style';

export interface PromptContext {
  output: NodeJS.WritableStream;
  input?: NodeJS.ReadableStream;
}

const tryParse = (f: (s: string) => number, s: string): number | null => {
  try {
    return f(s);
  } catch {
    return null;
  }
};

const validator = (f: (s: string) => number, help: string, optional = false) => (v: string) =>
  (optional && v.trim() === '') || tryParse(f, v.trim()) !== null ? true : `Give ${help}`;

const wholeNumber = (v: string) => (/^\s*[1-9]\d*\s*$/.test(v) ? true : 'Give a whole number of at least 1');

/** Shows what a size or duration means while it is typed, e.g. "1.5GB  = 1.5 GB". */
const live = (f: (s: string) => number, fmt: (n: number) => string, s: Style) => (v: string, { isFinal }: { isFinal: boolean }) => {
  if (isFinal) return v;
  const n = tryParse(f, v.trim());
  return n === null ? v : `${v}${s.dim(`  = ${fmt(n)}`)}`;
};

function help(s: Style, message: string, text: string): string {
  return `${message} ${s.dim(`(${text})`)}`;
}

/**
 * Asks for every answer the flowchart needs that is not in `given`, in flowchart order, with
 * defaults. Returns the answers (as flags would give them) and the keys that were asked.
 */
export async function askWorkload(given: RawAnswers, ctx: PromptContext, s: Style): Promise<{ answers: RawAnswers; asked: AnswerKey[]; notes: string[] }> {
  const a: RawAnswers = { ...given };
  const asked: AnswerKey[] = [];
  const notes: string[] = [];
  const ask = async <T>(key: AnswerKey, q: () => Promise<T>) => {
    if (a[key] !== undefined) return;
    asked.push(key);
    const v = await q();
    if (v !== '' && v !== undefined) a[key] = typeof v === 'string' ? v.trim() : v;
  };

  await ask('batch', () =>
    select(
      {
        message: 'How does the data arrive?',
        choices: [
          { name: 'Requests, one by one', value: false, description: 'An endpoint answers each request: Real-Time, Serverless or Asynchronous.' },
          { name: 'All up front, processed offline', value: true, description: 'A Batch Transform job reads it from S3, writes results back and stops.' },
        ],
        default: false,
      },
      ctx,
    ),
  );
  const batch = a.batch === true;

  await ask('payload', () =>
    input(
      {
        message: help(s, batch ? 'Largest record or mini-batch?' : 'Largest request payload?', batch
          ? `Batch Transform takes up to ${limit('batch-transform.payload')} MB per request`
          : `Real-Time takes up to ${formatBytes(limit('real-time.payload'))}, Serverless ${formatBytes(limit('serverless.payload'))}, Asynchronous ${formatBytes(limitBytes('async.payload'))}`),
        default: batch ? '6MB' : '1MB',
        validate: validator(parseSize, SIZE_HELP),
        transformer: live(parseSize, formatBytes, s),
      },
      ctx,
    ),
  );
  await ask('processingTime', () =>
    input(
      {
        message: help(s, 'Worst-case model time per request?', `Real-Time and Serverless must answer within ${formatDuration(limit('real-time.invocation-timeout'))}; Asynchronous and Batch allow ${formatDuration(limit('async.invocation-timeout'))}`),
        default: batch ? '10m' : '1s',
        validate: validator(parseDuration, DURATION_HELP),
        transformer: live(parseDuration, formatDuration, s),
      },
      ctx,
    ),
  );

  if (!batch) {
    const payload = tryParse(parseSize, String(a.payload)) ?? 0;
    const time = tryParse(parseDuration, String(a.processingTime)) ?? 0;
    const needsAsync = payload > limit('real-time.payload') || time > limit('real-time.invocation-timeout');
    await ask('latency', () =>
      input(
        {
          message: help(s, 'How soon do callers need the answer?', needsAsync
            ? 'this needs a queue (Asynchronous): "none" when callers collect the result later'
            : `a duration, or "none" when callers can collect a queued result; under ${formatDuration(limit('policy.cold-start-tolerance'))} rules out Serverless cold starts`),
          default: needsAsync ? 'none' : '1s',
          validate: (v: string) => v.trim() === 'none' || tryParse(parseDuration, v.trim()) !== null ? true : `Give ${DURATION_HELP}, or none`,
        },
        ctx,
      ),
    );
    if (needsAsync || a.latency === 'none') {
      // Traffic decides between Serverless and Real-Time only; an Asynchronous workload is not asked.
      if (a.traffic === undefined) {
        a.traffic = 'unpredictable';
        notes.push('traffic was not asked: it does not change an Asynchronous recommendation (--traffic unpredictable assumed)');
      }
    } else {
      await ask('traffic', () =>
        select(
          {
            message: 'What does the traffic look like?',
            choices: [
              { name: 'Sustained', value: 'sustained', description: 'Steady load most of the day: instances kept warm (Real-Time).' },
              { name: 'Intermittent', value: 'intermittent', description: 'Idle periods between bursts: Serverless scales to zero, with cold starts.' },
              { name: 'Unpredictable', value: 'unpredictable', description: 'Spiky, hard to plan: Serverless if it fits, else Real-Time with autoscaling.' },
            ] satisfies Array<{ name: string; value: (typeof TRAFFIC)[number]; description: string }>,
            default: 'sustained',
          },
          ctx,
        ),
      );
    }
  }

  await ask('gpu', () => confirm({ message: help(s, 'Does the model need a GPU?', 'Serverless is CPU only'), default: false }, ctx));
  await ask('modelSize', () =>
    input(
      {
        message: help(s, 'Model size in memory?', `Enter to skip; sizes instances, and Serverless holds at most ${limit('serverless.memory-max')} MB`),
        default: '',
        validate: validator(parseSize, SIZE_HELP, true),
        transformer: live(parseSize, formatBytes, s),
      },
      ctx,
    ),
  );
  await ask('models', () => input({ message: help(s, 'How many models behind one endpoint?', 'many models of one framework share a multi-model endpoint'), default: '1', validate: wholeNumber }, ctx));
  if (Number(a.models ?? 1) > 1) {
    await ask('frameworks', () =>
      input({ message: help(s, 'How many different frameworks (containers) among them?', `up to ${limit('multi-container.containers')} can share a multi-container endpoint`), default: '1', validate: (v: string) => wholeNumber(v) === true && Number(v) > Number(a.models) ? `At most ${a.models}, the number of models` : wholeNumber(v) }, ctx),
    );
  }
  await ask('pipeline', () => input({ message: help(s, 'How many containers run in sequence on each request?', `1 for none; a serial pipeline chains ${limit('serial-pipeline.containers-min')}-${limit('serial-pipeline.containers-max')}`), default: '1', validate: wholeNumber }, ctx));
  if (batch) {
    await ask('contentType', () => input({ message: help(s, 'Content type of the input?', 'Enter to skip; text/csv and application/jsonlines are split by line'), default: '' }, ctx));
  }
  for (const k of ['models', 'frameworks', 'pipeline'] as const) if (typeof a[k] === 'string') a[k] = Number(a[k]);
  return { answers: a, asked, notes };
}

/** Offers to write the configuration; returns the paths written, or null when the user declines. */
export async function offerToWrite(
  config: Config,
  ctx: PromptContext,
  s: Style,
  regenerate: (target: Config['target']) => Config,
  write: (dir: string, files: Config['files'], force: boolean) => string[],
  askTarget: boolean,
): Promise<{ written: string[] | null; target: Config['target']; dir: string | null }> {
  const go = await confirm({ message: 'Write the configuration files?', default: true }, ctx);
  if (!go) return { written: null, target: config.target, dir: null };
  let chosen = config;
  if (askTarget) {
    const target = await select(
      {
        message: 'Which kind?',
        choices: [
          { name: 'CloudFormation template', value: 'cloudformation' as const, description: 'One template.yaml; values you have not given become Parameters.' },
          { name: 'AWS CLI input files', value: 'aws-cli' as const, description: 'create-*.yaml for aws sagemaker --cli-input-yaml; <PLACEHOLDERS> to fill in.' },
        ],
        default: 'cloudformation' as const,
      },
      ctx,
    );
    if (target !== config.target) chosen = regenerate(target);
  }
  const dir = (await input({ message: 'Into which folder?', default: '.' }, ctx)).trim() || '.';
  const existing = chosen.files.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
  let force = false;
  if (existing.length) {
    force = await confirm({ message: help(s, `Overwrite ${existing.join(', ')}?`, 'they already exist'), default: false }, ctx);
    if (!force) return { written: null, target: chosen.target, dir };
  }
  return { written: write(dir, chosen.files, force), target: chosen.target, dir };
}

const shellQuote = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/** The scripted command line that makes the same decision (and writes the same files). */
export function commandLine(a: RawAnswers, target: Config['target'] | null, dir: string | null): string {
  const parts = ['deploy-advisor', 'recommend'];
  parts.push(a.batch ? '--batch' : '--no-batch');
  const flag = (k: AnswerKey | DeployKey) => (k in ANSWER_FLAGS ? ANSWER_FLAGS[k as AnswerKey] : DEPLOY_FLAGS[k as DeployKey]);
  for (const k of ['payload', 'processingTime', 'latency', 'traffic', 'modelSize', 'models', 'frameworks', 'pipeline', 'contentType', 'name', 'image', 'modelData', 'roleArn', 's3Output', 's3Input', 'instanceType'] as const) {
    const v = a[k];
    if (v === undefined) continue;
    if (a.batch && (k === 'latency' || k === 'traffic')) continue;
    if ((k === 'models' || k === 'frameworks' || k === 'pipeline') && Number(v) === 1) continue; // the default
    parts.push(flag(k), shellQuote(String(v)));
  }
  if (a.gpu === true) parts.push('--gpu');
  if (target && target !== 'cloudformation') parts.push('--target', target);
  if (dir) parts.push('-o', shellQuote(dir));
  return parts.join(' ');
}
