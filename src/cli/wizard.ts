// The interactive wizard: asks, on stderr, only what the flowchart still needs, then offers to
// write the configuration and prints the scripted command line. The only module that imports
// the prompt library; loaded only on a terminal.

import { confirm, input, select } from '@inquirer/prompts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes, formatDuration, parseDuration, parseSize } from '../rules/units';
import { formatCount, formatRate, parseRate, perMonth, type Rate } from '../rules/rate';
import type { Config } from '../emit/index';
import { INPUTS, answerProblems, flagFor, type Input, type RawAnswers } from './inputs';
import type { Style } from './style';

export interface PromptContext {
  output: NodeJS.WritableStream;
  input?: NodeJS.ReadableStream;
}

const LIVE = {
  size: { parse: parseSize, format: formatBytes },
  duration: { parse: parseDuration, format: formatDuration },
  rate: { parse: parseRate, format: (r: Rate) => `${formatRate(r.perSecond)}, ${formatCount(perMonth(r))} a month` },
  sizes: { parse: (t: string) => t.split(',').map((x) => parseSize(x.trim())), format: (xs: number[]) => xs.map(formatBytes).join(', ') },
} as const;

/** The prompts' own colours, from our style, so that --no-color and NO_COLOR reach them too. */
export function promptTheme(s: Style) {
  return {
    prefix: { idle: s.blue('?'), done: s.green('✔') },
    style: {
      answer: (t: string) => s.cyan(t),
      message: (t: string) => s.bold(t),
      error: (t: string) => s.red(`> ${t}`),
      defaultAnswer: (t: string) => s.dim(`(${t})`),
      help: (t: string) => s.dim(t),
      highlight: (t: string) => s.cyan(t),
      key: (t: string) => s.cyan(s.bold(`<${t}>`)),
      description: (t: string) => s.cyan(t),
      disabled: (t: string) => s.dim(t),
    },
  };
}

/**
 * The input table's checks as a prompt validator: true, or the message that says what to give.
 * An answer is held against the answers before it as soon as it is typed (a latency shorter than
 * the processing time is refused at the latency question, saying why), not at the end.
 */
const validator = (i: Input, optional: boolean, a: RawAnswers) => (v: string) => {
  if (optional && v.trim() === '') return true;
  const problem = answerProblems({ ...a, [i.key]: v.trim() }).find((p) => p.key === i.key)?.message ?? i.ask?.check?.(v.trim(), a) ?? null;
  return problem ? problem.charAt(0).toUpperCase() + problem.slice(1) : true;
};

/** Shows what a size or duration means while it is typed, e.g. "1.5GB  = 1.5 GB". */
const live =
  (kind: keyof typeof LIVE, s: Style) =>
  (v: string, { isFinal }: { isFinal: boolean }) => {
    if (isFinal) return v;
    try {
      const { parse, format } = LIVE[kind] as { parse: (t: string) => unknown; format: (x: unknown) => string };
      return `${v}${s.dim(`  = ${format(parse(v.trim()))}`)}`;
    } catch {
      return v;
    }
  };

function withHint(s: Style, message: string, hint: string): string {
  return hint ? `${message} ${s.dim(`(${hint})`)}` : message;
}

/**
 * Asks, in the input table's order, for every answer the flowchart needs that is not in `given`,
 * with defaults. Returns the answers (as flags would give them), the keys asked, and notes on
 * answers taken without asking.
 */
export async function askWorkload(given: RawAnswers, ctx: PromptContext, s: Style): Promise<{ answers: RawAnswers; asked: string[]; notes: string[] }> {
  const a: RawAnswers = { ...given };
  const asked: string[] = [];
  const notes: string[] = [];
  const theme = promptTheme(s);
  for (const i of INPUTS) {
    const q = i.ask;
    if (!q || a[i.key] !== undefined) continue;
    if (q.when && !q.when(a)) {
      const skip = q.skipped?.(a);
      if (skip) {
        a[i.key] = skip.value;
        notes.push(skip.note);
      }
      continue;
    }
    asked.push(i.key);
    const message = withHint(s, q.message(a), q.hint(a));
    let v: unknown;
    if (q.kind === 'select') v = await select({ message, choices: q.choices!, default: q.default(a), theme }, ctx);
    else if (q.kind === 'confirm') v = await confirm({ message, default: q.default(a) as boolean, theme }, ctx);
    else {
      v = (await input({ message, default: q.default(a) as string, validate: validator(i, Boolean(q.optional), a), transformer: q.live ? live(q.live, s) : undefined, theme }, ctx)).trim();
      if (v === '') continue;
    }
    a[i.key] = v;
  }
  // Counts typed at a prompt are numbers, as in an answers file.
  for (const k of ['models', 'frameworks', 'pipeline']) if (typeof a[k] === 'string' && /^\d+$/.test(a[k] as string)) a[k] = Number(a[k]);
  return { answers: a, asked, notes };
}

export interface WriteOutcome {
  /** The paths written, or null when nothing was. */
  written: string[] | null;
  target: Config['target'];
  /** The folder written into (null: nothing written), and whether existing files were overwritten. */
  dir: string | null;
  force: boolean;
}

/**
 * Offers to write the configuration. A folder that cannot be written into, or files the user
 * will not overwrite, lead to the question for another folder (Enter there writes nothing), so
 * that no answer is lost and the folder printed in the command line is one that worked.
 * `dir`: the folder given with -o; it is tried first, without asking whether to write.
 */
export async function offerToWrite(
  config: Config,
  ctx: PromptContext,
  s: Style,
  regenerate: (target: Config['target']) => Config,
  write: (dir: string, files: Config['files'], force: boolean) => string[],
  o: { askTarget: boolean; dir?: string; force?: boolean },
): Promise<WriteOutcome> {
  const theme = promptTheme(s);
  const nothing = (target: Config['target']): WriteOutcome => ({ written: null, target, dir: null, force: false });
  if (o.dir === undefined) {
    const go = await confirm({ message: 'Write the configuration files?', default: true, theme }, ctx);
    if (!go) return nothing(config.target);
  }
  let chosen = config;
  if (o.askTarget) {
    const target = await select(
      {
        message: 'Which kind?',
        choices: [
          { name: 'CloudFormation template', value: 'cloudformation' as const, description: 'One template.yaml; values you have not given become Parameters.' },
          { name: 'AWS CLI input files', value: 'aws-cli' as const, description: 'create-*.yaml for aws sagemaker --cli-input-yaml; <PLACEHOLDERS> to fill in.' },
          { name: 'Terraform', value: 'terraform' as const, description: 'main.tf, variables.tf and outputs.tf; values you have not given become variables.' },
        ],
        default: 'cloudformation' as const,
        theme,
      },
      ctx,
    );
    if (target !== config.target) chosen = regenerate(target);
  }
  let next: string | undefined = o.dir;
  let ask = { message: 'Into which folder?', hint: '', default: '.' };
  for (;;) {
    const dir = next ?? (await input({ message: withHint(s, ask.message, ask.hint), default: ask.default || undefined, theme }, ctx)).trim();
    if (dir === '') return nothing(chosen.target);
    ask = { message: 'Into which other folder?', hint: 'Enter to write nothing', default: '' };
    let force = next !== undefined && o.force === true;
    next = undefined;
    const existing = chosen.files.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
    if (existing.length && !force) {
      force = await confirm({ message: withHint(s, `Overwrite ${existing.join(', ')}${dir === '.' ? '' : ` in ${dir}`}?`, existing.length === 1 ? 'it already exists' : 'they already exist'), default: false, theme }, ctx);
      if (!force) continue;
    }
    try {
      return { written: write(dir, chosen.files, force), target: chosen.target, dir, force };
    } catch (e) {
      // By name: write-files is a bundle of its own, with its own UsageError class (io.ts).
      if (!(e instanceof Error && e.name === 'UsageError')) throw e;
      ctx.output.write(`${s.red(e.message)}\n`);
    }
  }
}

/** The scripted command line that makes the same decision (and writes the same files). */
export function commandLine(a: RawAnswers, target: Config['target'] | null, dir: string | null, force = false): string {
  const parts = ['deploy-advisor', 'recommend'];
  for (const i of INPUTS) {
    const v = a[i.key];
    if (v === undefined || i.group === 'command' || i.key === 'target') continue;
    if (i.appliesTo && typeof a.batch === 'boolean' && i.appliesTo !== (a.batch ? 'batch' : 'per-request')) continue; // ignored for this kind of work
    if (i.omitWhen?.(v)) continue; // the default
    if (typeof v === 'boolean') {
      if (v || i.negate) parts.push(flagFor(i.key, v));
    } else if (i.repeatable && Array.isArray(v)) for (const x of v) parts.push(flagFor(i.key, x), shellQuote(String(x)));
    else parts.push(flagFor(i.key, v), shellQuote(String(v)));
  }
  if (target && target !== 'cloudformation') parts.push('--target', target);
  if (dir) parts.push('-o', shellQuote(dir));
  if (dir && force) parts.push('--force');
  return parts.join(' ');
}

const shellQuote = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
