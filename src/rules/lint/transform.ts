// Rules on `aws sagemaker create-transform-job` inputs (CloudFormation has no transform jobs).

import { limit, limitEntry } from '../facts/limits';
import { RANGE_MESSAGES, isObj, num, range, str } from './helpers';
import type { RawFinding, Rule } from './types';

const JOB = (top: string, input = '  SplitType: Line\n', output = '  AssembleWith: Line\n') =>
  `TransformJobName: nightly\nModelName: my-model\n${top}TransformInput:\n  DataSource:\n    S3DataSource:\n      S3DataType: S3Prefix\n      S3Uri: s3://bucket/in/\n  ContentType: text/csv\n${input}TransformOutput:\n  S3OutputPath: s3://bucket/out/\n${output}TransformResources:\n  InstanceType: ml.m5.large\n  InstanceCount: 1\n`;

export const transformMaxPayload: Rule = {
  id: 'DA3001',
  name: 'transform-max-payload',
  severity: 'error',
  title: `MaxPayloadInMB is at most ${limit('batch-transform.payload')}`,
  source: limitEntry('batch-transform.payload').source,
  description: 'The largest mini-batch or record a transform job sends in one request. 0 streams payloads in chunks, where the container supports it.',
  examples: { invalid: JOB('BatchStrategy: MultiRecord\nMaxPayloadInMB: 200\n'), valid: JOB('BatchStrategy: MultiRecord\nMaxPayloadInMB: 50\n') },
  messages: RANGE_MESSAGES,
  check(ctx) {
    return ctx.transformJobs.flatMap((j) => range(ctx, j.props.MaxPayloadInMB, [...j.base, 'MaxPayloadInMB'], 'MaxPayloadInMB', 0, limit('batch-transform.payload'), 'Split records smaller, or use 0 to stream'));
  },
};

export const transformConcurrencyTimesPayload: Rule = {
  id: 'DA3002',
  name: 'transform-concurrency-times-payload',
  severity: 'error',
  title: `MaxConcurrentTransforms x MaxPayloadInMB is at most ${limit('batch-transform.concurrency-times-payload')}`,
  source: limitEntry('batch-transform.concurrency-times-payload').source,
  description: 'The product of concurrent requests and payload size per instance is capped. MaxPayloadInMB defaults to 6 when not set.',
  examples: { invalid: JOB('MaxConcurrentTransforms: 8\nMaxPayloadInMB: 20\n'), valid: JOB('MaxConcurrentTransforms: 4\nMaxPayloadInMB: 20\n') },
  messages: { productTooLarge: 'MaxConcurrentTransforms {{concurrency}} x MaxPayloadInMB {{payload}} = {{product}} MB, above {{max}}; use at most {{suggested}} concurrent transforms' },
  check(ctx) {
    return ctx.transformJobs.flatMap((j) => {
      const c = num(ctx, j.props.MaxConcurrentTransforms);
      const p = j.props.MaxPayloadInMB === undefined ? limit('batch-transform.payload-default') : num(ctx, j.props.MaxPayloadInMB);
      const cap = limit('batch-transform.concurrency-times-payload');
      if (c === null || p === null || c * p <= cap) return [];
      return [{ path: [...j.base, 'MaxConcurrentTransforms'], messageId: 'productTooLarge', data: { concurrency: c, payload: p, product: c * p, max: cap, suggested: Math.max(1, Math.floor(cap / Math.max(p, 1))) } }];
    });
  },
};

export const transformSplitting: Rule = {
  id: 'DA3003',
  name: 'transform-splitting',
  severity: 'error',
  title: 'BatchStrategy needs a SplitType; CSV input is split by line',
  source: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformInput.html',
  description:
    'BatchStrategy batches records, so it needs SplitType Line, RecordIO or TFRecord (error). CSV input that is not split by line sends whole files as one request, which rarely fits (warning-level advice, reported here as part of the same rule).',
  examples: { invalid: JOB('BatchStrategy: MultiRecord\n', '  SplitType: None\n'), valid: JOB('BatchStrategy: MultiRecord\n') },
  messages: {
    strategyWithoutSplit: 'BatchStrategy {{strategy}} needs TransformInput.SplitType Line, RecordIO or TFRecord; add one, or remove BatchStrategy',
    csvNotSplit: '{{contentType}} input is not split by line (SplitType {{split}}); each file goes as one request: set SplitType Line and AssembleWith Line',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const j of ctx.transformJobs) {
      const input = isObj(j.props.TransformInput) ? j.props.TransformInput : {};
      const split = str(ctx, input.SplitType) ?? 'None';
      if (j.props.BatchStrategy !== undefined && split === 'None') {
        out.push({ path: [...j.base, 'BatchStrategy'], messageId: 'strategyWithoutSplit', data: { strategy: str(ctx, j.props.BatchStrategy) ?? '(unresolved)' } });
      }
      const ct = str(ctx, input.ContentType);
      if (ct && /csv/i.test(ct) && split !== 'Line') {
        out.push({ path: [...j.base, 'TransformInput', input.SplitType === undefined ? 'ContentType' : 'SplitType'], messageId: 'csvNotSplit', data: { contentType: ct, split } });
      }
    }
    return out;
  },
};

export const transformLimits: Rule = {
  id: 'DA3004',
  name: 'transform-limits',
  severity: 'error',
  title: 'Transform job timeouts, retries, instances and environment within limits',
  source: limitEntry('batch-transform.invocation-timeout').source,
  description: `ModelClientConfig.InvocationsTimeoutInSeconds is 1-${limit('batch-transform.invocation-timeout')}, InvocationsMaxRetries 0-${limit('batch-transform.max-retries')}; InstanceCount 1-${limit('batch-transform.instances')}; Environment at most ${limit('batch-transform.environment-entries')} entries.`,
  examples: { invalid: JOB('ModelClientConfig:\n  InvocationsTimeoutInSeconds: 7200\n  InvocationsMaxRetries: 5\n'), valid: JOB('ModelClientConfig:\n  InvocationsTimeoutInSeconds: 1800\n  InvocationsMaxRetries: 3\n') },
  messages: { ...RANGE_MESSAGES, tooManyEnv: '{{count}} environment variables; a transform job takes at most {{max}}' },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const j of ctx.transformJobs) {
      const mc = j.props.ModelClientConfig;
      if (isObj(mc)) {
        out.push(...range(ctx, mc.InvocationsTimeoutInSeconds, [...j.base, 'ModelClientConfig', 'InvocationsTimeoutInSeconds'], 'InvocationsTimeoutInSeconds', 1, limit('batch-transform.invocation-timeout')));
        out.push(...range(ctx, mc.InvocationsMaxRetries, [...j.base, 'ModelClientConfig', 'InvocationsMaxRetries'], 'InvocationsMaxRetries', 0, limit('batch-transform.max-retries')));
      }
      if (isObj(j.props.TransformResources)) out.push(...range(ctx, j.props.TransformResources.InstanceCount, [...j.base, 'TransformResources', 'InstanceCount'], 'InstanceCount', 1, limit('batch-transform.instances')));
      const env = j.props.Environment;
      if (isObj(env) && Object.keys(env).length > limit('batch-transform.environment-entries'))
        out.push({ path: [...j.base, 'Environment'], messageId: 'tooManyEnv', data: { count: Object.keys(env).length, max: limit('batch-transform.environment-entries') } });
    }
    return out;
  },
};

export const TRANSFORM_RULES = [transformMaxPayload, transformConcurrencyTimesPayload, transformSplitting, transformLimits];
