// Property tests: whatever bytes arrive, lint returns findings with positions, and never throws.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ANSWERS_SCHEMA } from '../../src/cli/lint';
import { lintText } from '../../src/rules/lint/run';
import { RULES } from '../../src/rules/lint/index';

const IDS = new Set(RULES.map((r) => r.id));
// Seeds: the rule fixtures and the generated goldens (in the repository), plus real-world files
// from ../shared/corpus when it is beside the checkout. Read in the tests, not while collecting.
const CORPUS = '../shared/corpus/real-world';
const noCorpus = existsSync(CORPUS) ? '' : ' (SKIPPED: ../shared/corpus/real-world is not beside this checkout)';
const files = (dir: string, n = Infinity) =>
  readdirSync(dir)
    .slice(0, n)
    .map((f) => readFileSync(join(dir, f)));
const ownSeeds = () => [
  ...readdirSync('fixtures/lint').flatMap((id) => ['invalid.yaml', 'valid.yaml'].map((f) => readFileSync(join('fixtures/lint', id, f)))),
  ...readdirSync('fixtures/generate').flatMap((c) =>
    readdirSync(join('fixtures/generate', c))
      .filter((t) => t !== 'answers.yaml')
      .flatMap((t) => files(join('fixtures/generate', c, t))),
  ),
];
const corpusSeeds = () => [...files(join(CORPUS, 'cloudformation'), 12), ...files(join(CORPUS, 'aws-cli'))];

function check(buf: Buffer): void {
  const t0 = performance.now();
  const r = lintText('f.yaml', buf, { answers: ANSWERS_SCHEMA });
  expect(performance.now() - t0).toBeLessThan(2000);
  for (const f of r.findings) {
    expect(IDS.has(f.ruleId)).toBe(true);
    expect(['error', 'warning']).toContain(f.severity);
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(f.message.length).toBeGreaterThan(5);
  }
}

const TOKENS = [
  ': ',
  '- ',
  '&a ',
  '*a ',
  '!Ref ',
  '!GetAtt ',
  '!If [',
  '{',
  '}',
  '[',
  ']',
  '\t',
  '\u0000',
  '"',
  "'",
  '#',
  '---\n',
  '\n  ',
  '<<: *a\n',
  'ProductionVariants: ',
  'ServerlessConfig:\n  ',
  'MemorySizeInMB: ',
  '-1',
  '1e309',
  'null',
  '~',
  '\uFFFD',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
);

function apply(buf: Buffer, muts: unknown[]): Buffer {
  let b = buf;
  for (const m of muts as Array<Record<string, unknown> & { kind: string; at: number }>) {
    const at = b.length ? m.at % (b.length + 1) : 0;
    if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + (m.len as number))]);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text as string), b.subarray(at)]);
    else if (m.kind === 'bytes') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes as Uint8Array), b.subarray(at)]);
    else if (m.kind === 'truncate') b = b.subarray(0, at);
    else {
      const lines = b.toString('latin1').split('\n');
      const i = at % Math.max(1, lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      b = Buffer.from(lines.join('\n'), 'latin1');
    }
  }
  return b;
}

describe('lint never crashes', () => {
  const mutate = (seeds: Buffer[], numRuns: number) =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, muts) => check(apply(seeds[i]!, muts))),
      { numRuns, seed: 42 },
    );

  // Thousands of runs: bounded by check()'s 2 s per input, not by the default test timeout.
  const FUZZ_MS = 120_000;
  it('on thousands of mutated rule fixtures and generated configurations', () => mutate(ownSeeds(), 2000), FUZZ_MS);

  if (noCorpus) console.warn(`SKIPPED: fuzzing mutated real-world files${noCorpus}`);
  it.skipIf(noCorpus !== '')(`on mutated real-world files${noCorpus}`, () => mutate(corpusSeeds(), 1500), FUZZ_MS);

  // SageMaker-shaped documents whose values are of every wrong type the rules could meet.
  const value: fc.Arbitrary<unknown> = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 12 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom({ Ref: 'P' }, { 'Fn::If': ['C', 1, 2] }, { 'Fn::GetAtt': ['M', 'ModelName'] }),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  const variant = fc.dictionary(
    fc.constantFrom('VariantName', 'ModelName', 'InstanceType', 'InitialInstanceCount', 'InitialVariantWeight', 'ServerlessConfig', 'VolumeSizeInGB', 'ContainerStartupHealthCheckTimeoutInSeconds'),
    fc.oneof(value, fc.dictionary(fc.constantFrom('MemorySizeInMB', 'MaxConcurrency', 'ProvisionedConcurrency'), value)),
  );
  const endpointConfig = fc.record({
    EndpointConfigName: value,
    ProductionVariants: fc.oneof(value, fc.array(fc.oneof(variant, value), { maxLength: 12 })),
    KmsKeyId: fc.option(value, { nil: undefined }),
    AsyncInferenceConfig: fc.option(fc.oneof(value, fc.record({ ClientConfig: fc.oneof(value, fc.record({ MaxConcurrentInvocationsPerInstance: value })), OutputConfig: value })), { nil: undefined }),
    DataCaptureConfig: fc.option(fc.oneof(value, fc.record({ InitialSamplingPercentage: value })), { nil: undefined }),
  });
  const model = fc.record({
    ModelName: value,
    ExecutionRoleArn: value,
    PrimaryContainer: fc.option(fc.oneof(value, fc.record({ Image: value, ModelDataUrl: value, Mode: fc.oneof(value, fc.constant('MultiModel')), Environment: fc.oneof(value, fc.dictionary(fc.string({ maxLength: 6 }), value)) })), {
      nil: undefined,
    }),
    Containers: fc.option(fc.oneof(value, fc.array(fc.oneof(value, fc.record({ Image: value, ContainerHostname: value })), { maxLength: 18 })), { nil: undefined }),
    InferenceExecutionConfig: fc.option(fc.oneof(value, fc.record({ Mode: fc.constantFrom('Direct', 'Serial', 3) })), { nil: undefined }),
  });
  const job = fc.record({
    TransformJobName: value,
    TransformInput: fc.oneof(value, fc.record({ SplitType: value, ContentType: value })),
    MaxPayloadInMB: value,
    MaxConcurrentTransforms: value,
    BatchStrategy: fc.option(value, { nil: undefined }),
    ModelClientConfig: fc.option(fc.oneof(value, fc.record({ InvocationsTimeoutInSeconds: value, InvocationsMaxRetries: value })), { nil: undefined }),
    TransformResources: fc.oneof(value, fc.record({ InstanceType: value, InstanceCount: value })),
  });
  const template = fc.record({
    Parameters: fc.option(fc.record({ P: fc.record({ Type: fc.constant('String'), Default: value }) }), { nil: undefined }),
    Resources: fc.record({
      M: fc.record({ Type: fc.constant('AWS::SageMaker::Model'), Properties: fc.oneof(model, value) }),
      C: fc.record({ Type: fc.constant('AWS::SageMaker::EndpointConfig'), Properties: fc.oneof(endpointConfig, value) }),
    }),
  });

  it(
    'on generated SageMaker documents with values of any type, as YAML and JSON',
    () => {
      fc.assert(
        fc.property(fc.oneof(endpointConfig, model, job, template), fc.boolean(), (doc, asJson) => {
          const clean = JSON.parse(JSON.stringify(doc));
          check(Buffer.from(asJson ? JSON.stringify(clean) : stringify(clean)));
        }),
        { numRuns: 3000, seed: 7 },
      );
    },
    FUZZ_MS,
  );
});
