// The commander program and the one place that maps outcomes to exit codes.

import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { ANSWERS, DURATION_HELP, INPUTS, SIZE_HELP, flagOf } from './inputs';
import { EXIT, UsageError, canPrompt, usageExit, type Io } from './io';
import { TARGETS } from '../emit/targets';

/** The help after recommend's options: units, the answers file, exit codes, examples. */
function recommendHelp(): string {
  const keys = ANSWERS.map((i) => i.key).join(', ');
  const wrap = (text: string, indent: string) => text.replace(/(.{1,88})(\s+|$)/g, `$1\n${indent}`).trimEnd();
  return `
Sizes:      ${SIZE_HELP}.
Durations:  ${DURATION_HELP}.
Answers:    --answers FILE reads the same answers from YAML or JSON, keyed in camelCase
            (${wrap(keys, '             ')});
            flags override the file.
Config:     the recommendation comes with its configuration: a CloudFormation template
            (--target cloudformation, the default; values not given become Parameters),
            AWS CLI input files and deploy.sh (--target aws-cli; values not given are <PLACEHOLDERS>)
            or Terraform (--target terraform; values not given become variables).
Required:   ${requiredHelp()}. Other answers take defaults, listed under "Assumed".
Exit codes: 0 a recommendation, 1 nothing fits, 2 bad input or usage.

Examples:
  deploy-advisor recommend --no-batch --payload 2MB --processing-time 800ms --latency 30s --traffic intermittent
  deploy-advisor recommend --no-batch --payload 200MB --processing-time 10m --latency none --traffic sustained --format json
  deploy-advisor recommend --batch --payload 20MB --content-type text/csv
  deploy-advisor recommend --answers workload.yaml --explain
  deploy-advisor recommend --answers workload.yaml --target aws-cli --role-arn arn:aws:iam::123456789012:role/SageMaker -o deploy/
`;
}

/** "--batch or --no-batch; for per-request work also --payload, …", from the input table. */
export function requiredHelp(): string {
  const always = ANSWERS.filter((i) => i.required?.({})).map((i) => flagOf(i.key).replace('/', ' or '));
  const perRequest = ANSWERS.filter((i) => !i.required?.({}) && i.required?.({ batch: false })).map((i) => flagOf(i.key));
  const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : xs.join(''));
  return `${list(always)}${perRequest.length ? `; for per-request work also ${list(perRequest)}` : ''}`;
}

/** Adds every input of the table to the recommend command, as the table declares it. */
function addInputs(cmd: Command): Command {
  for (const i of INPUTS) {
    const help = i.defaultText && i.group !== 'command' ? `${i.help} (default: ${i.defaultText})` : i.help;
    const opt = new Option(i.arg ? `${i.flag} ${i.arg}` : i.flag, help);
    if (i.choices && i.group === 'command') opt.choices(i.choices);
    if (i.key === 'format') opt.default('text');
    // Once per container: each use adds to the list.
    if (i.repeatable) opt.argParser((v: string, prev: unknown) => [...(Array.isArray(prev) ? (prev as string[]) : []), v]);
    cmd.addOption(opt);
    if (i.negate) cmd.addOption(new Option(i.negate, i.negateHelp ?? `not ${i.help}`));
  }
  return cmd;
}

/** Both sides of a boolean given at once (--batch … --no-batch): a contradiction, not "the last one wins". */
function refuseContradictions(cmd: Command): Command {
  for (const i of INPUTS.filter((x) => x.negate)) {
    const seen = new Set<string>();
    const note = (which: string) => () => {
      seen.add(which);
      if (seen.size === 2) throw new UsageError(`${i.flag} and ${i.negate} contradict each other; give one`);
    };
    cmd.on(`option:${i.flag.slice(2)}`, note('yes'));
    cmd.on(`option:${i.negate!.slice(2)}`, note('no'));
  }
  return cmd;
}

function usageHint(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return `(see ${names.join(' ')} --help)`;
}

/**
 * The commander program. `running` names the command about to run: only it gets its options, so
 * that a one-file lint does not build recommend's thirty options from the input table (commander
 * spends milliseconds on them, BENCHMARKS.md). Undefined builds every command in full.
 */
export function createProgram(io: Io, setExit: (code: number) => void, running?: string): Command {
  const full = (name: string) => running === undefined || running === name;
  const program = new Command('deploy-advisor');
  const configure = (cmd: Command) =>
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`deploy-advisor: ${s.trim().replace(/\s*\n\s*/g, ' ')} ${usageHint(cmd)}\n`),
    });

  configure(program)
    .description('Choose how to host a model on Amazon SageMaker, generate its configuration, and lint configurations against the documented limits.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // --color before --no-color, so that neither sets a default and colour follows the terminal.
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .option('--no-interactive', 'with no command: never start the wizard; print help instead')
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nIn a terminal, deploy-advisor with no command asks about the workload and recommends an option.\n');

  const recommend = configure(program.command('recommend'))
    .summary('recommend a hosting option for a workload')
    .description('Hold a workload against Real-Time, Serverless, Asynchronous and Batch Transform hosting and recommend one, with reasons.');
  if (full('recommend')) addInputs(refuseContradictions(recommend)).addHelpText('after', recommendHelp());
  recommend.action(async (opts) => {
    const { runRecommend } = await import('./recommend');
    // Only what the user gave: commander's defaults are not answers.
    // (An answer's key may differ from commander's name for its flag: images is --image.)
    const given: Record<string, unknown> = {};
    for (const i of INPUTS) {
      const attr = i.flag
        .replace(/^-\w, /, '')
        .slice(2)
        .replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      if (recommend.getOptionValueSource(attr) === 'cli') given[i.key] = opts[attr];
    }
    // How the command runs is checked before any question is asked.
    for (const i of INPUTS.filter((x) => x.group === 'command' && given[x.key] !== undefined)) {
      try {
        i.parse(given[i.key]);
      } catch (e) {
        if (e instanceof Error && e.name === 'AnswerProblem') throw new UsageError(`${flagOf(i.key)}: ${e.message}`);
        throw e;
      }
    }
    setExit(await runRecommend({ ...given, format: opts.format, interactive: opts.interactive !== false && program.opts().interactive !== false, color: program.opts().color }, io));
  });

  const lint = configure(program.command('lint')).summary('lint endpoint configurations against the limits');
  if (full('lint'))
    lint
      .description(
        "Lint CloudFormation templates, Terraform (.tf, .tf.json: each folder read as one module), AWS CLI inputs (create-endpoint-config, create-model, create-endpoint, create-transform-job, create-inference-component) and answers files against SageMaker's documented limits. Other YAML and JSON files are skipped silently.",
      )
      .argument('[paths...]', 'files or folders (.yaml, .yml, .json, .template, .tf, recursively), or - for stdin (YAML or JSON)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
      .option('--config <file>', 'severity overrides (default: .deploy-advisor.yaml in the current folder, if present)')
      .addHelpText(
        'after',
        `
Suppress one finding with a comment on its line or the line before, giving a reason:
  KmsKeyId: !Ref Key  # deploy-advisor-ignore DA1008 -- removed for g5 by our pipeline
Change severities in .deploy-advisor.yaml:
  rules:
    DA1010: off
Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or I/O problems.
`,
      )
      .action(async (paths: string[], opts) => {
        const { runLint } = await import('./lint');
        setExit(await runLint(paths, { ...opts, color: program.opts().color }, io));
      });

  const artifact = configure(program.command('check-artifact')).summary('check a model.tar.gz before it is uploaded');
  if (full('check-artifact'))
    artifact
      .description(
        'Stream a model.tar.gz (nothing is extracted) and check it: gzip and tar validity, links and devices, paths outside the model folder, a wrapper folder, the framework layout, unnecessary files, and what its size means for Serverless.',
      )
      .argument('<archives...>', 'model.tar.gz files')
      .addOption(new Option('--framework <name>', 'expected layout').choices(['auto', 'pytorch', 'tensorflow', 'mxnet', 'sklearn', 'xgboost', 'huggingface']).default('auto'))
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
      .addHelpText('after', '\nExit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or I/O problems.\n')
      .action(async (paths: string[], opts) => {
        const { runCheckArtifact } = await import('./check-artifact');
        setExit(await runCheckArtifact(paths, { ...opts, color: program.opts().color }, io));
      });

  const rules = configure(program.command('rules')).summary('list the lint rules');
  if (full('rules'))
    rules
      .description('List every lint rule deploy-advisor checks: its id, name, default severity and what it checks (docs/rules/ has a page for each).')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
      .action(async (opts) => {
        const { runRules } = await import('./rules-cmd');
        setExit(runRules(opts.format, io));
      });

  const limits = configure(program.command('limits')).summary('print the limits table');
  if (full('limits'))
    limits
      .description('Print every SageMaker hosting limit deploy-advisor checks, with its source and the date it was checked.')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
      .action(async (opts) => {
        const { runLimits } = await import('./limits-cmd');
        setExit(runLimits(opts.format, io));
      });

  // Issue 20: what deployed endpoints waste, from their own metrics. Its bundle holds the AWS SDK.
  const audit = configure(program.command('audit')).summary('find what deployed endpoints waste, from their own metrics (read-only)');
  if (full('audit'))
    audit
      .description(
        'Read every InService endpoint of a Region (or those named), its configuration, autoscaling and CloudWatch metrics, run the advisor on the measured traffic, and report what each costs now and as recommended, with findings (DA8001-DA8008). Only Describe, List and Get calls; the standard AWS credential chain, AWS_REGION and AWS_ENDPOINT_URL apply.',
      )
      .option('--region <code>', "AWS Region (default: AWS_REGION or the profile's)")
      .option('--endpoint <names...>', 'only these endpoints')
      .option('--days <n>', 'days of metrics to read (default: 14)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is present').choices(['error', 'warning', 'none']).default('error'))
      .option('--prices <file>', "a price table written by deploy-advisor prices update (default: the Region's cached or built-in table)")
      .option('-o, --output <dir>', 'write the recommended configuration of each endpoint to change into DIR/<endpoint>/')
      .addOption(new Option('--target <target>', 'configuration format for --output (default: cloudformation)').choices(TARGETS))
      .option('--force', 'overwrite files in --output')
      .option('--quotas', "check each recommended plan against the account's SageMaker Service Quotas (DA8007, DA8008)")
      .option('--answers <file>', 'with --quotas: check the plan recommend makes for this answers file, without auditing endpoints')
      .option('--print-policy', 'print the least-privilege IAM policy audit needs (with --quotas: and Service Quotas), and exit')
      .addHelpText(
        'after',
        `
Exit codes: 0 no finding at --fail-on or above, 1 such findings (with --quotas --answers: a quota the plan would exceed), 2 usage errors (no Region, no credentials, bad flags).

Examples:
  deploy-advisor audit --region us-east-1
  deploy-advisor audit --endpoint my-endpoint --days 30 --format json
  deploy-advisor audit --format sarif > audit.sarif
  deploy-advisor audit -o proposed/ --target aws-cli
  deploy-advisor audit --print-policy
  deploy-advisor audit --quotas
  deploy-advisor audit --quotas --answers workload.yaml --region us-east-1
`,
      );
  audit.action(async (opts) => {
    const { runAudit } = await import('./audit');
    setExit(await runAudit({ ...opts, color: program.opts().color }, io));
  });

  // Prices for cost estimates (issue 10): a command of its own, loaded only when it runs.
  const prices = configure(program.command('prices'))
    .summary('download or show the SageMaker prices used for cost estimates')
    .description('Cost estimates use us-east-1 list prices built in, or a table extracted from the AWS Price List for another Region.');
  if (!full('prices')) return program;
  configure(prices.command('update'))
    .summary("download one Region's SageMaker prices from the AWS Price List into the cache")
    .requiredOption('--region <code>', 'AWS Region, e.g. eu-west-1')
    .addHelpText('after', '\nWrites prices-<region>.json into $XDG_CACHE_HOME/deploy-advisor (default ~/.cache/deploy-advisor). A failed download keeps the previous table.\nExit codes: 0 written, 2 bad Region, download or parse failure.\n')
    .action(async (opts) => {
      const { runPricesUpdate } = await import('./prices-update');
      setExit(await runPricesUpdate(opts, io));
    });
  configure(prices.command('show'))
    .summary("print the price table a Region's estimates use")
    .option('--region <code>', 'AWS Region (default: us-east-1)')
    .option('--prices <file>', 'a price table written by deploy-advisor prices update, instead of the cache')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts) => {
      const { runPricesShow } = await import('./prices');
      setExit(runPricesShow(opts, io));
    });

  return program;
}

const COMMANDS = ['recommend', 'lint', 'check-artifact', 'rules', 'limits', 'prices', 'audit'];

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  // Words that `deploy-advisor` alone also takes: colour, and whether it may ask.
  const alone = ['--no-color', '--color', '--no-interactive', '--interactive'];
  const words = argv.filter((a) => !alone.includes(a));
  // The command about to run (`help X` shows X's options): the others are built without options.
  const named = words[0] === 'help' ? words[1] : words[0];
  const program = createProgram(io, (c) => (code = c), named !== undefined && COMMANDS.includes(named) ? named : undefined);
  try {
    if (words.length === 0) {
      // `deploy-advisor` alone: the wizard on a terminal, help elsewhere.
      if (!canPrompt(io, !argv.includes('--no-interactive'))) {
        program.outputHelp({ error: true });
        return EXIT.usage;
      }
      const { runRecommend } = await import('./recommend');
      const color = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
      return await runRecommend({ format: 'text', interactive: true, wizard: true, color }, io);
    }
    // `help nope`: commander would print the whole help; say what is wrong instead.
    const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
    if (words[0] === 'help' && words[1] !== undefined && !names.includes(words[1])) {
      throw new UsageError(`unknown command ${words[1]}; the commands are ${names.join(', ')} (see deploy-advisor --help)`);
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') {
      io.stderr.write('\ndeploy-advisor: cancelled; nothing was written\n');
      return EXIT.interrupted;
    }
    if (e instanceof CommanderError) {
      // commander's own exit code tells help and --version (0) from usage errors.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return usageExit(e, io);
  }
}
