// The limits table: every documented SageMaker hosting number the advisor and the linter use,
// each written down once, here, with its source and the date it was last checked.
// Nothing else in src/ writes such a number; code reads it with limit(id).
//
// Where sources disagree, `value` is what the API enforces (or, without an API bound, the
// newest documentation), and `note` keeps the other reading. Entries with option 'policy' are
// deploy-advisor's own judgement, not AWS's, and say so.

export type OptionId = 'real-time' | 'serverless' | 'async' | 'batch-transform';
export type LimitScope = OptionId | 'multi-model' | 'multi-container' | 'serial-pipeline' | 'model' | 'policy';
export type LimitUnit = 'bytes' | 'seconds' | 'MB' | 'count' | 'factor' | 'flag';

export interface LimitEntry {
  /** Stable id; never changes meaning. */
  readonly id: string;
  /** The hosting option (or architecture, model field, or our policy) it belongs to. */
  readonly option: LimitScope;
  /** What it limits, in a phrase. */
  readonly limits: string;
  /** Minimum, maximum or exact value; `false` for a feature the option does not support. */
  readonly value: number | boolean;
  /** 'min' | 'max' | 'step' | 'default' | 'unsupported': how value bounds the thing. */
  readonly kind: 'min' | 'max' | 'step' | 'default' | 'unsupported';
  readonly unit: LimitUnit;
  readonly source: string;
  /** ISO date the value was last checked against the source. */
  readonly checked: string;
  /** Where sources conflict, or a reading needs explaining. */
  readonly note?: string;
}

const DG = 'https://docs.aws.amazon.com/sagemaker/latest/dg/';
const API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/';
const POLICY = 'README.md#policy-values';
const CHECKED = '2026-11-24';
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

const TABLE = [
  // ---- Real-Time --------------------------------------------------------------------------
  {
    id: 'real-time.payload', option: 'real-time', limits: 'request payload of InvokeEndpoint', kind: 'max',
    value: 6 * MIB, unit: 'bytes', source: `${API}API_runtime_InvokeEndpoint.html`,
    note: 'The API model gives Body a maximum of 6,291,456 bytes (6 MiB); the current Hosting FAQ and the Marketplace guide say 25 MB. The enforced API value is used.',
  },
  {
    id: 'real-time.payload-documented', option: 'real-time', limits: 'request payload as the current docs state it', kind: 'max',
    value: 25 * MIB, unit: 'bytes', source: `${DG}hosting-faqs.html`,
    note: 'Docs say "25 MB"; not yet reflected in the API model (6 MiB). Payloads between the two may be rejected.',
  },
  {
    id: 'real-time.invocation-timeout', option: 'real-time', limits: 'time a container has to answer one request', kind: 'max',
    value: 60, unit: 'seconds', source: `${DG}your-algorithms-inference-code.html`,
    note: 'Streaming responses (InvokeEndpointWithResponseStream) get 8 min; see real-time.streaming-timeout.',
  },
  {
    id: 'real-time.streaming-timeout', option: 'real-time', limits: 'time to finish a streamed response', kind: 'max',
    value: 8 * 60, unit: 'seconds', source: `${DG}hosting-faqs.html`,
  },
  {
    id: 'real-time.min-instances', option: 'real-time', limits: 'instances an instance-based variant keeps (autoscaling MinCapacity)', kind: 'min',
    value: 1, unit: 'count', source: `${DG}endpoint-auto-scaling-add-policy.html`,
    note: 'Scale to zero is possible only for endpoints that host inference components.',
  },
  {
    id: 'real-time.variants', option: 'real-time', limits: 'production variants in one endpoint config', kind: 'max',
    value: 10, unit: 'count', source: `${API}API_CreateEndpointConfig.html`,
  },
  // ---- Serverless -------------------------------------------------------------------------
  {
    id: 'serverless.payload', option: 'serverless', limits: 'request and response payload', kind: 'max',
    value: 4 * MIB, unit: 'bytes', source: `${DG}serverless-endpoints-invoke.html`,
    note: 'Docs say "4 MB" without defining MB; the binary reading is used, as the API does for real-time (6 MiB). The 2023 FAQ said 6 MB (superseded).',
  },
  {
    id: 'serverless.invocation-timeout', option: 'serverless', limits: 'time a container has to answer one request', kind: 'max',
    value: 60, unit: 'seconds', source: `${DG}serverless-endpoints-invoke.html`,
  },
  {
    id: 'serverless.memory-min', option: 'serverless', limits: 'MemorySizeInMB', kind: 'min',
    value: 1024, unit: 'MB', source: `${API}API_ProductionVariantServerlessConfig.html`,
  },
  {
    id: 'serverless.memory-max', option: 'serverless', limits: 'MemorySizeInMB', kind: 'max',
    value: 6 * 1024, unit: 'MB', source: `${API}API_ProductionVariantServerlessConfig.html`,
  },
  {
    id: 'serverless.memory-step', option: 'serverless', limits: 'MemorySizeInMB increments', kind: 'step',
    value: 1024, unit: 'MB', source: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'serverless.max-concurrency', option: 'serverless', limits: 'MaxConcurrency of one endpoint', kind: 'max',
    value: 200, unit: 'count', source: `${API}API_ProductionVariantServerlessConfig.html`,
    note: 'The account-wide total (1000 or 500 per Region by the docs) is a quota that new accounts report as low as 10.',
  },
  {
    id: 'serverless.provisioned-concurrency', option: 'serverless', limits: 'ProvisionedConcurrency (also <= MaxConcurrency)', kind: 'max',
    value: 200, unit: 'count', source: `${API}API_ProductionVariantServerlessConfig.html`,
  },
  {
    id: 'serverless.startup', option: 'serverless', limits: 'model download plus a successful /ping after a cold start', kind: 'max',
    value: 3 * 60, unit: 'seconds', source: `${DG}serverless-endpoints-invoke.html`,
  },
  {
    id: 'serverless.ephemeral-disk', option: 'serverless', limits: 'ephemeral disk, whatever the memory', kind: 'max',
    value: 5 * GIB, unit: 'bytes', source: `${DG}serverless-endpoints.html`,
    note: 'Docs say "5 GB"; binary reading used.',
  },
  {
    id: 'serverless.image-size', option: 'serverless', limits: 'container image size', kind: 'max',
    value: 10 * GIB, unit: 'bytes', source: `${DG}serverless-endpoints.html`,
    note: 'Docs say "10 GB"; binary reading used.',
  },
  {
    id: 'serverless.gpu', option: 'serverless', limits: 'GPUs', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'serverless.multi-model', option: 'serverless', limits: 'multi-model endpoints', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'serverless.pipeline', option: 'serverless', limits: 'inference pipelines', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'serverless.multi-container', option: 'serverless', limits: 'more than one container in the model', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
    note: 'Inferred: the exclusions name inference pipelines and multiple production variants, not multi-container Direct mode by name.',
  },
  {
    id: 'serverless.data-capture', option: 'serverless', limits: 'data capture', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'serverless.vpc', option: 'serverless', limits: 'VPC configuration', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'serverless.network-isolation', option: 'serverless', limits: 'network isolation', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}serverless-endpoints.html`,
  },
  // ---- Asynchronous -----------------------------------------------------------------------
  {
    id: 'async.payload', option: 'async', limits: 'request payload (placed in S3)', kind: 'max',
    value: GIB, unit: 'bytes', source: `${DG}async-inference.html`,
    note: 'Docs say "up to 1GB"; binary reading used.',
  },
  {
    id: 'async.invocation-timeout', option: 'async', limits: 'processing time of one request (InvocationTimeoutSeconds)', kind: 'max',
    value: 60 * 60, unit: 'seconds', source: `${DG}async-inference-invoke-endpoint.html`,
    note: 'The default is 15 min (900 s); set InvocationTimeoutSeconds for longer. Docs before mid-2023 said 15 min was the maximum.',
  },
  {
    id: 'async.invocation-timeout-default', option: 'async', limits: 'processing time of one request when InvocationTimeoutSeconds is not set', kind: 'default',
    value: 15 * 60, unit: 'seconds', source: `${DG}async-inference-invoke-endpoint.html`,
  },
  {
    id: 'async.request-ttl', option: 'async', limits: 'time a request may wait in the queue (RequestTTLSeconds)', kind: 'max',
    value: 6 * 60 * 60, unit: 'seconds', source: `${API}API_runtime_InvokeEndpointAsync.html`,
  },
  {
    id: 'async.inline-body', option: 'async', limits: 'payload passed inline in Body instead of S3', kind: 'max',
    value: 128000, unit: 'bytes', source: `${DG}async-inference-invoke-endpoint.html`,
  },
  {
    id: 'async.min-instances', option: 'async', limits: 'autoscaling MinCapacity', kind: 'min',
    value: 0, unit: 'count', source: `${DG}async-inference-autoscale.html`,
  },
  {
    id: 'async.multi-model', option: 'async', limits: 'multi-model endpoints', kind: 'unsupported',
    value: false, unit: 'flag', source: 'https://repost.aws/questions/QUFGfav6yyR6idYoGOkgH3sA',
    note: 'From an AWS re:Post answer, not the developer guide, which names no such exclusion.',
  },
  // ---- Batch Transform --------------------------------------------------------------------
  {
    id: 'batch-transform.payload', option: 'batch-transform', limits: 'MaxPayloadInMB: one mini-batch or record', kind: 'max',
    value: 100, unit: 'MB', source: `${API}API_CreateTransformJob.html`,
    note: 'No API maximum; the documented one. MaxPayloadInMB 0 streams arbitrarily large payloads in chunks, if the container supports it (built-in algorithms do not).',
  },
  {
    id: 'batch-transform.payload-default', option: 'batch-transform', limits: 'MaxPayloadInMB when not set', kind: 'default',
    value: 6, unit: 'MB', source: `${DG}your-algorithms-batch-code.html`,
  },
  {
    id: 'batch-transform.concurrency-times-payload', option: 'batch-transform', limits: 'MaxConcurrentTransforms x MaxPayloadInMB', kind: 'max',
    value: 100, unit: 'MB', source: `${API}API_CreateTransformJob.html`,
  },
  {
    id: 'batch-transform.invocation-timeout', option: 'batch-transform', limits: 'InvocationsTimeoutInSeconds: time to answer one invocation', kind: 'max',
    value: 60 * 60, unit: 'seconds', source: `${API}API_ModelClientConfig.html`,
  },
  {
    id: 'batch-transform.invocation-timeout-default', option: 'batch-transform', limits: 'InvocationsTimeoutInSeconds when not set', kind: 'default',
    value: 600, unit: 'seconds', source: `${API}API_ModelClientConfig.html`,
  },
  {
    id: 'batch-transform.max-retries', option: 'batch-transform', limits: 'InvocationsMaxRetries', kind: 'max',
    value: 3, unit: 'count', source: `${API}API_ModelClientConfig.html`,
  },
  {
    id: 'batch-transform.instances', option: 'batch-transform', limits: 'TransformResources.InstanceCount', kind: 'max',
    value: 100, unit: 'count', source: `${DG}batch-transform.html`,
  },
  {
    id: 'batch-transform.multi-model', option: 'batch-transform', limits: 'multi-model containers', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}multi-model-endpoints.html`,
    note: 'Multi-model hosting is an endpoint feature; run one transform job per model.',
  },
  // ---- Architectures ----------------------------------------------------------------------
  {
    id: 'model.containers', option: 'model', limits: 'containers in one model (CreateModel Containers)', kind: 'max',
    value: 15, unit: 'count', source: `${API}API_CreateModel.html`,
  },
  {
    id: 'multi-container.containers', option: 'multi-container', limits: 'containers on a multi-container endpoint', kind: 'max',
    value: 15, unit: 'count', source: `${DG}multi-container-create.html`,
  },
  {
    id: 'serial-pipeline.containers-min', option: 'serial-pipeline', limits: 'containers chained in an inference pipeline', kind: 'min',
    value: 2, unit: 'count', source: `${DG}inference-pipelines.html`,
  },
  {
    id: 'serial-pipeline.containers-max', option: 'serial-pipeline', limits: 'containers chained in an inference pipeline', kind: 'max',
    value: 15, unit: 'count', source: `${DG}inference-pipelines.html`,
  },
  {
    id: 'serial-pipeline.multi-model-containers', option: 'serial-pipeline', limits: 'multi-model containers in one pipeline', kind: 'max',
    value: 1, unit: 'count', source: `${DG}multi-model-endpoints.html`,
  },
  {
    id: 'multi-model.gpu-triton', option: 'multi-model', limits: 'GPU multi-model endpoints need Triton Inference Server and a single-GPU instance', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}multi-model-support.html`,
    note: 'Unsupported: any container other than Triton on GPU instances.',
  },
  // ---- Model fields -----------------------------------------------------------------------
  {
    id: 'model.name-length', option: 'model', limits: 'length of model, endpoint config, endpoint, variant and job names', kind: 'max',
    value: 63, unit: 'count', source: `${API}API_CreateEndpointConfig.html`,
  },
  // ---- deploy-advisor policy (our judgement, not AWS's) -----------------------------------
  {
    id: 'policy.serverless-memory-headroom', option: 'policy', limits: 'serverless memory needed per byte of model (runtime and request buffers on top of the weights)', kind: 'min',
    value: 1.2, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy, not an AWS limit: a model needs about 20% more memory than its size.',
  },
  {
    id: 'policy.cold-start-tolerance', option: 'policy', limits: 'answer time below which serverless cold starts are not tolerable', kind: 'min',
    value: 10, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy, not an AWS limit: a cold start (container start plus model load) commonly takes seconds and may take up to serverless.startup. Provisioned Concurrency removes cold starts for the provisioned amount.',
  },
] as const satisfies readonly Omit<LimitEntry, 'checked'>[];

export type LimitId = (typeof TABLE)[number]['id'];

export const LIMITS: readonly LimitEntry[] = TABLE.map((e) => ({ ...e, checked: CHECKED }));

const BY_ID = new Map<string, LimitEntry>(LIMITS.map((e) => [e.id, e]));

export function limitEntry(id: LimitId): LimitEntry {
  return BY_ID.get(id)!;
}

/** The numeric value of a limit. */
export function limit(id: LimitId): number {
  const v = limitEntry(id).value;
  if (typeof v !== 'number') throw new TypeError(`limit ${id} is not numeric`);
  return v;
}

/** A limit given in MB (SageMaker's MiB) as bytes. */
export function limitBytes(id: LimitId): number {
  const e = limitEntry(id);
  const v = limit(id);
  return e.unit === 'MB' ? v * MIB : v;
}
