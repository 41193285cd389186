// The commander program and the one place that maps outcomes to exit codes.

import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { DURATION_HELP, SIZE_HELP } from '../rules/units';
import { EXIT, UsageError, canPrompt, type Io } from './io';

const RECOMMEND_HELP = `
Sizes:      ${SIZE_HELP}.
Durations:  ${DURATION_HELP}.
Answers:    --answers FILE reads the same answers from YAML or JSON, keyed in camelCase
            (batch, payload, processingTime, latency, traffic, modelSize, gpu, models,
            frameworks, pipeline, contentType, target, name, image, modelData, roleArn,
            s3Output, s3Input, instanceType); flags override the file.
Config:     the recommendation comes with its configuration: a CloudFormation template
            (--target cloudformation, the default; values not given become Parameters) or
            AWS CLI input files (--target aws-cli; values not given are <PLACEHOLDERS>).
Required:   --batch or --no-batch; for per-request work also --payload, --processing-time,
            --latency and --traffic. Other answers take defaults, listed under "Assumed".
Exit codes: 0 a recommendation, 1 nothing fits, 2 bad input or usage.

Examples:
  deploy-advisor recommend --no-batch --payload 2MB --processing-time 800ms --latency 30s --traffic intermittent
  deploy-advisor recommend --no-batch --payload 200MB --processing-time 10m --latency none --traffic sustained --format json
  deploy-advisor recommend --batch --payload 20MB --content-type text/csv
  deploy-advisor recommend --answers workload.yaml --explain
  deploy-advisor recommend --answers workload.yaml --target aws-cli --role-arn arn:aws:iam::123456789012:role/SageMaker -o deploy/
`;

function usageHint(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return `(see ${names.join(' ')} --help)`;
}

export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('deploy-advisor');
  const configure = (cmd: Command) =>
    cmd
      .exitOverride()
      .configureOutput({
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
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nIn a terminal, deploy-advisor with no command asks about the workload and recommends an option.\n');

  configure(program.command('recommend'))
    .summary('recommend a hosting option for a workload')
    .description('Hold a workload against Real-Time, Serverless, Asynchronous and Batch Transform hosting and recommend one, with reasons.')
    .option('--batch', 'all data is available up front and processed offline')
    .option('--no-batch', 'requests arrive one by one')
    .option('--payload <size>', 'largest request payload (for batch: largest record), e.g. 750KB, 2MB, 1.5GB, 3MiB')
    .option('--processing-time <duration>', 'worst-case model time per request, e.g. 300ms, 45s, 10m, 2h')
    .option('--latency <duration>', 'the answer time callers need, or "none" when they can wait for a queued result')
    .option('--traffic <pattern>', 'sustained, intermittent or unpredictable')
    .option('--model-size <size>', 'model size in memory, e.g. 1.2GB')
    .option('--gpu', 'the model needs a GPU')
    .option('--no-gpu', 'the model runs on CPU')
    .option('--models <n>', 'models behind one endpoint (default 1)')
    .option('--frameworks <n>', 'distinct frameworks/containers among those models (default 1)')
    .option('--pipeline <n>', 'containers chained per request (default 1: no pipeline)')
    .option('--content-type <mime>', 'request content type, e.g. text/csv (matters for batch splitting)')
    .option('--answers <file>', 'read answers from a YAML or JSON file; flags override it')
    .option('--artifact <model.tar.gz>', 'read the model size from the archive (its uncompressed size)')
    .addOption(new Option('--target <target>', 'configuration to generate (batch always uses aws-cli)').choices(['cloudformation', 'aws-cli']))
    .option('--name <name>', 'endpoint (and stack) name; other resources are named after it')
    .option('--image <uri>', 'inference container image, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1')
    .option('--model-data <s3-uri>', 'S3 URI of model.tar.gz (for multi-model: the S3 prefix of the models, ending in /)')
    .option('--role-arn <arn>', 'IAM role SageMaker assumes')
    .option('--s3-output <s3-uri>', 'S3 prefix for async results or batch output')
    .option('--s3-input <s3-uri>', 'S3 prefix of the batch input')
    .option('--instance-type <type>', 'instance type instead of the smallest that holds the model, e.g. ml.g5.xlarge')
    .option('-o, --output <dir>', 'write the configuration files into this folder')
    .option('--force', 'overwrite existing files in --output')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
    .option('--explain', 'print every option and every limit checked, with sources')
    .option('--no-interactive', 'never prompt (implied without a terminal, or when CI is set)')
    .addHelpText('after', RECOMMEND_HELP)
    .action(async (opts) => {
      const { runRecommend } = await import('./recommend');
      setExit(await runRecommend({ ...opts, color: program.opts().color }, io));
    });

  configure(program.command('lint'))
    .summary('lint endpoint configurations against the limits')
    .description('Lint CloudFormation templates, AWS CLI inputs (create-model, create-endpoint-config, create-endpoint, create-transform-job) and answers files against SageMaker\'s documented limits. Other YAML and JSON files are skipped silently.')
    .argument('[paths...]', 'files or folders (.yaml, .yml, .json, .template, recursively), or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--config <file>', 'severity overrides (default: .deploy-advisor.yaml in the current folder, if present)')
    .addHelpText('after', `
Suppress one finding with a comment on its line or the line before, giving a reason:
  KmsKeyId: !Ref Key  # deploy-advisor-ignore DA1008 -- removed for g5 by our pipeline
Change severities in .deploy-advisor.yaml:
  rules:
    DA1010: off
Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or I/O problems.
`)
    .action(async (paths: string[], opts) => {
      const { runLint } = await import('./lint');
      setExit(await runLint(paths, { ...opts, color: program.opts().color }, io));
    });

  configure(program.command('check-artifact'))
    .summary('check a model.tar.gz before it is uploaded')
    .description('Stream a model.tar.gz (nothing is extracted) and check it: gzip and tar validity, links and devices, paths outside the model folder, a wrapper folder, the framework layout, unnecessary files, and what its size means for Serverless.')
    .argument('<archives...>', 'model.tar.gz files')
    .addOption(new Option('--framework <name>', 'expected layout').choices(['auto', 'pytorch', 'tensorflow', 'mxnet', 'sklearn', 'xgboost', 'huggingface']).default('auto'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .addHelpText('after', '\nExit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or I/O problems.\n')
    .action(async (paths: string[], opts) => {
      const { runCheckArtifact } = await import('./check-artifact');
      setExit(await runCheckArtifact(paths, { ...opts, color: program.opts().color }, io));
    });

  configure(program.command('rules'))
    .summary('list the lint rules')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (opts) => {
      const { runRules } = await import('./rules-cmd');
      setExit(runRules(opts.format, io));
    });

  configure(program.command('limits'))
    .summary('print the limits table')
    .description('Print every SageMaker hosting limit deploy-advisor checks, with its source and the date it was checked.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (opts) => {
      const { runLimits } = await import('./limits-cmd');
      setExit(runLimits(opts.format, io));
    });

  // Prices for cost estimates (issue 10): a command of its own, loaded only when it runs.
  const prices = configure(program.command('prices'))
    .summary('download or show the SageMaker prices used for cost estimates')
    .description('Cost estimates use us-east-1 list prices built in, or a table extracted from the AWS Price List for another Region.');
  configure(prices.command('update'))
    .summary('download one Region\'s SageMaker prices from the AWS Price List into the cache')
    .requiredOption('--region <code>', 'AWS Region, e.g. eu-west-1')
    .addHelpText('after', '\nWrites prices-<region>.json into $XDG_CACHE_HOME/deploy-advisor (default ~/.cache/deploy-advisor). A failed download keeps the previous table.\nExit codes: 0 written, 2 bad Region, download or parse failure.\n')
    .action(async (opts) => {
      const { runPricesUpdate } = await import('./prices-update');
      setExit(await runPricesUpdate(opts, io));
    });
  configure(prices.command('show'))
    .summary('print the price table a Region\'s estimates use')
    .option('--region <code>', 'AWS Region (default us-east-1)')
    .option('--prices <file>', 'a table written by prices update, instead of the cache')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts) => {
      const { runPricesShow } = await import('./prices');
      setExit(runPricesShow(opts, io));
    });

  return program;
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  const words = argv.filter((a) => a !== '--no-color' && a !== '--color');
  try {
    if (words.length === 0) {
      // `deploy-advisor` alone: the wizard on a terminal, help elsewhere.
      if (!canPrompt(io, true)) {
        program.outputHelp({ error: true });
        return EXIT.usage;
      }
      const { runRecommend } = await import('./recommend');
      const color = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
      return await runRecommend({ format: 'text', interactive: true, wizard: true, color }, io);
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
    if (e instanceof UsageError) {
      io.stderr.write(`deploy-advisor: error: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
