// The documents deploy-advisor reads and writes, declared with zod: answers files and the lint
// config (what users write; editors complete and check them from schemas/*.schema.json), and the
// JSON outputs of recommend, lint, check-artifact and prices (what programs read).
//
// zod is loaded only where a document is validated: by `npm run gen:schemas`
// (scripts/gen-schemas.mjs writes schemas/ from SCHEMAS) and by the tests, which validate every
// JSON output they produce. No command imports this module, so no start-up pays for zod
// (BENCHMARKS.md). The answers-file schema is derived from the input table, where every answer is
// declared once; its values are still checked by the table's parsers when a file is read.
import { TARGETS } from '../emit/targets';
import * as z from 'zod';
import { ARCHITECTURES } from '../rules/plan/types';
import { RULES } from '../rules/lint/index';
import { ANSWERS, type Input } from './inputs';

/** Where the published schemas live (the answers file's yaml-language-server modeline points here). */
export const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/deploy-advisor/deploy-advisor/main/schemas/';

// As units.ts and rate.ts read them (case-insensitive units, surrounding spaces trimmed); the
// parsers still decide, these only let an editor flag what cannot be one.
const NUMBER = '(?:\\d+(?:\\.\\d+)?|\\.\\d+)';
const SIZE_RE = new RegExp(`^\\s*${NUMBER}\\s*[a-zA-Z]+\\s*$`);
const RATE_RE = new RegExp(`^\\s*${NUMBER}\\s*[a-zA-Z]?\\s*/\\s*[a-zA-Z]+\\s*$`);
const DURATION_PATTERN = new RegExp(`^\\s*(?:${NUMBER}\\s*[a-zA-Z]+\\s*)+$`);
const SAMPLE: Record<string, string> = { '<uri>': '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1', '<s3-uri>': 's3://bucket/model.tar.gz', '<arn>': 'arn:aws:iam::123456789012:role/r', '<size>': '1GB' };

/** Whether an input's parser takes this value (the table's parsers throw on what they refuse). */
const takes = (i: Input, v: unknown) => {
  try {
    i.parse(v);
    return true;
  } catch {
    return false;
  }
};

/** The JSON type of one answer, read from the input table entry (and probed with its own parser). */
function answerSchema(i: Input): z.ZodType {
  const description = `${i.help}${i.defaultText ? ` (default: ${i.defaultText})` : ''}; command line: ${i.flag}${i.negate ? ` / ${i.negate}` : ''}`;
  let t: z.ZodType;
  if (!i.arg) t = z.boolean();
  else if (i.choices) t = z.enum(i.choices as [string, ...string[]]);
  else if (i.arg === '<n>') t = z.union([z.int().min(1), z.string().regex(/^\s*\d+\s*$/)]);
  else {
    const pattern = i.arg === '<size>' || i.arg === '<sizes>' ? SIZE_RE : i.arg === '<rate>' ? RATE_RE : i.arg === '<duration>' ? DURATION_PATTERN : null;
    let one: z.ZodType = pattern ? z.string().regex(pattern) : z.string().min(1);
    // A duration that may also be "none" (latency).
    if (i.arg === '<duration>' && takes(i, 'none')) one = z.union([one, z.literal('none')]);
    const sample = typeof i.example === 'string' ? i.example : (SAMPLE[i.arg] ?? '1GB');
    // Answers that take one value per model or container also take a list in a file.
    const list = i.arg === '<sizes>' ? z.string().min(1) : one;
    t = takes(i, [sample]) ? z.union([list, z.array(i.arg === '<sizes>' ? z.string().regex(SIZE_RE) : one).min(1)]) : one;
  }
  return t.meta({ description, ...(i.example !== undefined ? { examples: [i.example] } : {}) }).optional();
}

/** An answers file (recommend --answers), YAML or JSON: any of the answers, keyed in camelCase. */
export const AnswersFile = z.strictObject(Object.fromEntries(ANSWERS.map((i) => [i.key, answerSchema(i)]))).meta({
  title: 'deploy-advisor answers file',
  description: 'Answers for deploy-advisor recommend --answers FILE, keyed as in the input table (README "Answers file"). Flags override them.',
});

/** The lint config (.deploy-advisor.yaml or --config): severity overrides by rule id. */
export const LintConfig = z
  .strictObject({
    rules: z
      .partialRecord(z.enum(RULES.map((r) => r.id) as [string, ...string[]]), z.enum(['off', 'warning', 'error']))
      .nullable()
      .optional()
      .meta({ description: 'rule id to off, warning or error (deploy-advisor rules lists the ids)' }),
  })
  .nullable()
  .meta({ title: 'deploy-advisor lint config', description: 'Severity overrides for deploy-advisor lint: rules: { DA1010: off }' });

// ---- outputs ---------------------------------------------------------------------------------

const Option = z.enum(['real-time', 'serverless', 'async', 'batch-transform']);
const nonNegative = z.int().min(0);

const Finding = z.strictObject({
  ruleId: z.string().regex(/^DA\d{4}$/),
  messageId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  line: z.int().min(1),
  column: z.int().min(1),
  endLine: z.int().min(1),
  endColumn: z.int().min(1),
  source: z.string(),
  /** check-artifact: the archive entry the finding is about. */
  entry: z.string().optional(),
});
const Summary = z.strictObject({ files: nonNegative, linted: nonNegative, errors: nonNegative, warnings: nonNegative });

/** deploy-advisor lint --format json */
export const LintOutput = z
  .strictObject({
    schemaVersion: z.literal(1),
    files: z.array(z.strictObject({ path: z.string(), kinds: z.array(z.string()), findings: z.array(Finding) })),
    summary: Summary,
  })
  .meta({ title: 'deploy-advisor lint --format json' });

/** deploy-advisor check-artifact --format json */
export const CheckArtifactOutput = z
  .strictObject({
    schemaVersion: z.literal(1),
    files: z.array(
      z.strictObject({
        path: z.string(),
        kinds: z.array(z.literal('model-artifact')),
        findings: z.array(Finding),
        artifact: z.strictObject({
          framework: z.string().nullable(),
          entries: nonNegative,
          compressedBytes: nonNegative,
          uncompressedBytes: nonNegative,
          complete: z.boolean(),
          serverless: z.string().nullable(),
        }),
      }),
    ),
    summary: Summary,
  })
  .meta({ title: 'deploy-advisor check-artifact --format json' });

const Price = z.strictObject({ usd: z.number().min(0), source: z.string().min(1), asOf: z.string(), grade: z.enum(['A', 'B', 'C', 'D']).optional(), note: z.string().optional() });
const PricesMeta = z.strictObject({ region: z.string(), asOf: z.string().nullable(), source: z.string() });

/** deploy-advisor prices show --format json */
export const PricesOutput = z
  .strictObject({
    schemaVersion: z.literal(1),
    prices: PricesMeta,
    table: z.strictObject({
      region: z.string(),
      source: z.string(),
      asOf: z.string(),
      hosting: z.record(z.string(), Price),
      async: z.record(z.string(), Price),
      batch: z.record(z.string(), Price),
      serverless: z.record(z.string().regex(/^\d+$/), Price),
      provisionedConcurrency: z.record(z.string().regex(/^\d+$/), Price),
      provisionedInference: z.record(z.string().regex(/^\d+$/), Price),
      dataInPerGB: Price.nullable(),
      dataOutPerGB: Price.nullable(),
      storagePerGBMonth: Price.nullable(),
    }),
  })
  .meta({ title: 'deploy-advisor prices show --format json' });

const Cost = z.strictObject({ monthlyUsd: z.number().min(0), breakdown: z.array(z.strictObject({ item: z.string(), usd: z.number() })), assumptions: z.array(z.string()) });
/** The capacity plan (issue 18) as the recommendation and each option carry it: open, so that it may grow within schema version 1. */
const Plan = z.record(z.string(), z.unknown()).meta({ description: 'the capacity plan that is priced, explained and deployed (open: it may gain fields)' });

const Check = z.strictObject({
  limit: z.string(),
  value: z.union([z.number(), z.boolean()]),
  limitValue: z.union([z.number(), z.boolean()]),
  pass: z.boolean(),
  message: z.string(),
  source: z.string().nullable().optional(),
});

/** deploy-advisor recommend --format json (and --format yaml, the same document) */
export const RecommendOutput = z
  .strictObject({
    schemaVersion: z.literal(2),
    workload: z.strictObject({
      batch: z.boolean(),
      payloadBytes: z.int().min(1),
      processingSeconds: z.number().positive(),
      latencySeconds: z.number().positive().nullable(),
      streaming: z.boolean(),
      traffic: z.enum(['sustained', 'intermittent', 'unpredictable']).nullable(),
      modelSizeBytes: z.int().min(1).nullable(),
      modelSizes: z.array(z.int().min(1)).optional(),
      gpu: z.boolean(),
      models: z.int().min(1),
      frameworks: z.int().min(1),
      pipeline: z.int().min(1),
      imageSizeBytes: z.int().min(1).optional(),
      contentType: z.string().nullable(),
      concurrencyPerCopy: z.int().min(1).optional(),
      hotModels: z.int().min(1).optional(),
      activeHours: z.strictObject({ days: z.array(z.int().min(0).max(6)), startMinute: z.int().min(0), endMinute: z.int().max(1440), timeZone: z.string() }).optional(),
    }),
    recommendation: z
      .strictObject({
        option: Option,
        architecture: z.enum(ARCHITECTURES),
        summary: z.string(),
        reasons: z.array(z.string()),
        reasonIds: z.array(z.string()),
        cost: Cost.nullable(),
        scaleToZero: z.boolean().optional(),
        provisioned: z.boolean().optional(),
        plan: Plan.nullable().optional(),
      })
      .nullable(),
    options: z.array(
      z.strictObject({
        option: Option,
        fits: z.boolean(),
        checks: z.array(Check),
        cost: Cost.nullable(),
        sizing: z
          .strictObject({
            variant: z.string().nullable(),
            instanceType: z.string().nullable(),
            capacity: z.record(z.string(), z.unknown()).nullable(),
            fits: z.boolean(),
            reason: z.string().nullable(),
            unpriced: z.array(z.string()),
            compared: z.boolean(),
          })
          .nullable(),
        /** null when the option does not fit. */
        plan: Plan.nullable().optional(),
      }),
    ),
    advice: z.array(z.string()),
    assumptions: z.array(z.string()),
    prices: PricesMeta.nullable(),
    breakEven: z
      .array(z.strictObject({ fromPerDay: z.number().min(0), toPerDay: z.number().min(0), option: Option.nullable() }))
      .meta({ description: 'which compared option is cheapest, by volume a day, from a thousandth to a thousand times --requests (schema version 2)' }),
    config: z
      .strictObject({
        target: z.enum(TARGETS),
        files: z.array(z.strictObject({ name: z.string(), kind: z.string(), content: z.string() })),
        warnings: z.array(z.string()),
      })
      .nullable(),
  })
  .meta({ title: 'deploy-advisor recommend --format json' });

const AuditFinding = z.strictObject({ ruleId: z.string().regex(/^DA80\d\d$/), messageId: z.string(), severity: z.enum(['error', 'warning']), message: z.string() });
/** One Service Quota a plan needs, checked (audit --quotas). */
const QuotaCheck = z.strictObject({
  name: z.string().meta({ description: 'the quota name as Service Quotas shows it' }),
  code: z.string().nullable(),
  unit: z.enum(['instances', 'concurrency']),
  needed: nonNegative,
  inUseElsewhere: nonNegative.meta({ description: 'what the other InService endpoints may use: each at the larger of its current count and its autoscaling maximum' }),
  usedBy: z.array(z.string()),
  applied: z.number().min(0).nullable().meta({ description: 'the value in effect; null when unknown (never 0 for unknown)' }),
  appliedFrom: z.enum(['account', 'default']).nullable(),
  status: z.enum(['ok', 'exceeds', 'unknown']),
});
const QuotaSource = z.strictObject({
  serviceCode: z.literal('sagemaker'),
  applied: nonNegative.nullable(),
  defaults: nonNegative.nullable(),
  problems: z.array(z.strictObject({ operation: z.enum(['ListServiceQuotas', 'ListAWSDefaultServiceQuotas']), code: z.string(), message: z.string() })),
});
const AdvisedPlan = z.strictObject({
  instanceType: z.string().nullable(),
  initialInstanceCount: nonNegative.nullable(),
  minInstances: nonNegative.nullable(),
  maxInstances: nonNegative.nullable(),
  serverless: z.strictObject({ memoryMB: z.int().min(1), maxConcurrency: z.int().min(1), provisionedConcurrency: nonNegative.nullable() }).nullable(),
  scaleToZero: z.boolean(),
});
const Open = z.record(z.string(), z.unknown());

/** deploy-advisor audit --format json: an audit of deployed endpoints, or (--quotas --answers FILE) a plan's quota check. */
export const AuditOutput = z
  .union([
    z.strictObject({
      schemaVersion: z.literal(1),
      region: z.string(),
      window: z.strictObject({ start: z.string(), end: z.string(), days: z.int().min(1), periodSeconds: z.int().min(1) }),
      prices: PricesMeta,
      endpoints: z.array(
        z.strictObject({
          endpointName: z.string(),
          endpointArn: z.string().nullable(),
          status: z.string().nullable(),
          current: Open.nullable(),
          measured: Open.nullable(),
          recommendation: z
            .looseObject({ option: Option, architecture: z.enum(ARCHITECTURES), monthlyUsd: z.number().nullable(), plan: AdvisedPlan, summary: z.string(), reasons: z.array(z.string()), assumptions: z.array(z.string()) })
            .nullable(),
          savingsUsd: z.number().nullable(),
          findings: z.array(AuditFinding),
          written: z.array(z.string()),
          quotas: z.array(QuotaCheck).optional().meta({ description: '--quotas: the quotas the recommended plan needs, checked' }),
        }),
      ),
      totals: z.strictObject({ currentUsd: z.number(), recommendedUsd: z.number(), savingsUsd: z.number(), endpoints: nonNegative, unknown: nonNegative }),
      serviceQuotas: QuotaSource.optional(),
    }),
    z.strictObject({
      schemaVersion: z.literal(1),
      check: z.literal('quotas'),
      region: z.string(),
      answers: z.string(),
      endpointsRead: nonNegative,
      endpointsUnread: z.array(z.string()),
      recommendation: z.strictObject({ option: Option, architecture: z.enum(ARCHITECTURES), summary: z.string(), plan: AdvisedPlan }),
      serviceQuotas: QuotaSource,
      quotas: z.array(QuotaCheck),
      findings: z.array(AuditFinding),
    }),
  ])
  .meta({ title: 'deploy-advisor audit --format json' });

/** Each schema and the file under schemas/ it is published as. */
export const SCHEMAS = {
  'answers.schema.json': { schema: AnswersFile, io: 'input' },
  'lint-config.schema.json': { schema: LintConfig, io: 'input' },
  'recommend-output.schema.json': { schema: RecommendOutput, io: 'output' },
  'lint-output.schema.json': { schema: LintOutput, io: 'output' },
  'check-artifact-output.schema.json': { schema: CheckArtifactOutput, io: 'output' },
  'prices-output.schema.json': { schema: PricesOutput, io: 'output' },
  'audit-output.schema.json': { schema: AuditOutput, io: 'output' },
} as const;

/**
 * The JSON Schema (draft-07) of one file under schemas/. Inputs are strict (an unknown key is a
 * typo); outputs are checked strictly by the tests but published open, since fields are only ever
 * added within a schema version (README "JSON output").
 */
export function jsonSchema(file: keyof typeof SCHEMAS): Record<string, unknown> {
  const { schema, io } = SCHEMAS[file];
  const out = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (io === 'output' && ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
    },
  }) as Record<string, unknown>;
  return { $id: `${SCHEMA_BASE_URL}${file}`, ...out };
}
