// The limits table: every documented SageMaker hosting number the advisor and the linter use,
// each written down once, here, with its source and the date it was last checked.
// Nothing else in src/ writes such a number; code reads it with limit(id).
//
// Where sources disagree, `value` is what the API enforces (or, without an API bound, the
// newest documentation), and `note` keeps the other reading. Entries with option 'policy' are
// deploy-advisor's own judgement, not AWS's, and say so.

export type OptionId = 'real-time' | 'serverless' | 'async' | 'batch-transform';
export type LimitScope = OptionId | 'multi-model' | 'multi-container' | 'serial-pipeline' | 'inference-components' | 'model' | 'policy';
export type LimitUnit = 'bytes' | 'seconds' | 'MB' | 'count' | 'factor' | 'share' | 'bytes-per-second' | 'flag' | 'regex' | 'chars';

export interface LimitEntry {
  /** Stable id; never changes meaning. */
  readonly id: string;
  /** The hosting option (or architecture, model field, or our policy) it belongs to. */
  readonly option: LimitScope;
  /** What it limits, in a phrase. */
  readonly limits: string;
  /** Minimum, maximum or exact value; `false` for a feature the option does not support; a regex source for a pattern. */
  readonly value: number | boolean | string;
  /** How value bounds the thing. Patterns match the whole string. */
  readonly kind: 'min' | 'max' | 'step' | 'default' | 'unsupported' | 'pattern';
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
const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/';
const S2Z_BLOG = 'https://aws.amazon.com/blogs/machine-learning/unlock-cost-savings-with-the-new-scale-down-to-zero-feature-in-sagemaker-inference/';
const CHECKED = '2026-11-24';
/** Inference-component entries were checked a day later (issue 14). */
const IC_CHECKED = '2026-11-25';
/** Large-model entries (issue 24). */
const LARGE_CHECKED = '2026-12-06';
/** Sizing policy entries (issue 19) were checked on this date. */
const SIZING_CHECKED = '2026-12-06';
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
    id: 'serverless.account-concurrency-observed', option: 'serverless', limits: 'Region-wide serverless concurrency quota (L-96300102) seen on new accounts', kind: 'max',
    value: 10, unit: 'count', source: 'https://repost.aws/questions/QUY0gXNLrdTH6eqqA4hv5FeA',
    note: 'Community report, not documentation: the docs give 1000 or 500 per Region; new accounts have reported 10. An adjustable quota.',
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
    id: 'async.multi-model', option: 'async', limits: 'multi-model endpoints (InvokeEndpointAsync cannot name a TargetModel)', kind: 'unsupported',
    value: false, unit: 'flag', source: `${API}API_runtime_InvokeEndpointAsync.html`,
    note: 'InvokeEndpointAsync has no TargetModel parameter (InvokeEndpoint has), so a request cannot say which model to load. An AWS re:Post answer (https://repost.aws/questions/QUFGfav6yyR6idYoGOkgH3sA) says the same; the developer guide names no such exclusion.',
  },
  {
    id: 'async.multi-container', option: 'async', limits: 'multi-container endpoints in Direct mode (InvokeEndpointAsync cannot name a TargetContainerHostname)', kind: 'unsupported',
    value: false, unit: 'flag', source: `${API}API_runtime_InvokeEndpointAsync.html`,
    note: 'Direct mode needs TargetContainerHostname on every request (InvokeEndpoint has it); InvokeEndpointAsync has no such parameter. A serial inference pipeline needs no target and is not affected.',
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
  // ---- Inference components (../shared/facts/inference-components.md) -------------------
  {
    id: 'inference-components.execution-role', option: 'inference-components', checked: IC_CHECKED, limits: 'ExecutionRoleArn on an endpoint config whose variants host inference components', kind: 'min',
    value: 1, unit: 'count', source: `${API}API_CreateEndpointConfig.html`,
    note: 'Optional in the API, but the variant names no model, so the endpoint has no model role to use: the SageMaker Python SDK says "ExecutionRoleArn will be needed in the endpoint config" for inference-component endpoints, and every AWS sample sets it. No developer-guide sentence was retrieved.',
  },
  {
    id: 'inference-components.variant-model-name', option: 'inference-components', checked: IC_CHECKED, limits: 'a ModelName in the production variant of an endpoint that hosts inference components', kind: 'unsupported',
    value: false, unit: 'flag', source: `${API}API_ProductionVariant.html`,
    note: 'ModelName is optional in the API. With it, CreateInferenceComponent fails ("Inference Components are not supported in this Endpoint", Pulumi issue 4940) and ManagedInstanceScaling is rejected ("ManagedInstanceScaling is only supported for inference component endpoints", Terraform provider issues 45926 and 48767). Reported by users, not stated in the developer guide.',
  },
  {
    id: 'inference-components.memory-min', option: 'inference-components', checked: IC_CHECKED, limits: 'ComputeResourceRequirements MinMemoryRequiredInMb and MaxMemoryRequiredInMb', kind: 'min',
    value: 128, unit: 'MB', source: `${API}API_InferenceComponentComputeResourceRequirements.html`,
    note: 'The API requires MinMemoryRequiredInMb whenever ComputeResourceRequirements is given; the CloudFormation schema (and so cfn-lint) does not.',
  },
  {
    id: 'inference-components.cpu-cores-min', option: 'inference-components', checked: IC_CHECKED, limits: 'ComputeResourceRequirements NumberOfCpuCoresRequired (a fraction of a core is allowed)', kind: 'min',
    value: 0.25, unit: 'count', source: `${API}API_InferenceComponentComputeResourceRequirements.html`,
    note: 'Older translated CloudFormation pages show "Minimum: 0"; the API and the current CloudFormation schema say 0.25.',
  },
  {
    id: 'inference-components.accelerators-min', option: 'inference-components', checked: IC_CHECKED, limits: 'ComputeResourceRequirements NumberOfAcceleratorDevicesRequired (GPUs, Inferentia or Trainium devices), when given', kind: 'min',
    value: 1, unit: 'count', source: `${API}API_InferenceComponentComputeResourceRequirements.html`,
  },
  {
    id: 'inference-components.copy-count-min', option: 'inference-components', checked: IC_CHECKED, limits: 'RuntimeConfig CopyCount: copies of the model container (0 parks the component)', kind: 'min',
    value: 0, unit: 'count', source: `${API}API_InferenceComponentRuntimeConfig.html`,
    note: 'No maximum in the API; each copy reserves the component\'s ComputeResourceRequirements on some instance, so the instances bound it in practice.',
  },
  {
    id: 'inference-components.specifications-max', option: 'inference-components', checked: IC_CHECKED, limits: 'Specifications (one per instance type), used instead of the singular Specification', kind: 'max',
    value: 5, unit: 'count', source: `${API}API_CreateInferenceComponent.html`,
    note: 'Newer than the CloudFormation schema of cfn-lint 1.51, which has only Specification.',
  },
  {
    id: 'inference-components.environment-entries-cfn', option: 'inference-components', checked: IC_CHECKED, limits: 'Specification.Container.Environment entries in AWS::SageMaker::InferenceComponent', kind: 'max',
    value: 16, unit: 'count', source: `${CFN}aws-properties-sagemaker-inferencecomponent-inferencecomponentcontainerspecification.html`,
    note: 'The API model allows 100 entries, but its own description of the member says 16, and the CloudFormation schema enforces 16.',
  },
  {
    id: 'inference-components.min-instances', option: 'inference-components', checked: IC_CHECKED, limits: 'ManagedInstanceScaling MinInstanceCount (0 lets the endpoint scale to zero instances)', kind: 'min',
    value: 0, unit: 'count', source: `${API}API_ProductionVariantManagedInstanceScaling.html`,
    note: 'Scale to zero works only on endpoints that host inference components, and needs a step scaling policy on a NoCapacityInvocationFailures alarm to scale out again (endpoint-auto-scaling-zero-instances.html). The CloudFormation schema has no minimum.',
  },
  {
    id: 'inference-components.max-instances-min', option: 'inference-components', checked: IC_CHECKED, limits: 'ManagedInstanceScaling MaxInstanceCount', kind: 'min',
    value: 1, unit: 'count', source: `${API}API_ProductionVariantManagedInstanceScaling.html`,
  },
  {
    id: 'inference-components.managed-scaling-status', option: 'inference-components', checked: IC_CHECKED, limits: 'ManagedInstanceScaling Status', kind: 'pattern',
    value: '^(ENABLED|DISABLED)$', unit: 'regex', source: `${API}API_ProductionVariantManagedInstanceScaling.html`,
    note: 'cfn-lint 1.51 and the AWS CLI do not check this enum; a wrong value fails only at deploy time.',
  },
  {
    id: 'inference-components.routing-strategy', option: 'inference-components', checked: IC_CHECKED, limits: 'RoutingConfig RoutingStrategy', kind: 'pattern',
    value: '^(LEAST_OUTSTANDING_REQUESTS|RANDOM|PREFIX_AWARE)$', unit: 'regex', source: `${API}API_ProductionVariantRoutingConfig.html`,
    note: 'botocore 1.43.11 lists LEAST_OUTSTANDING_REQUESTS and RANDOM; PREFIX_AWARE is in the newer CloudFormation schema and API reference. cfn-lint 1.51 does not check the enum.',
  },
  {
    id: 'inference-components.instance-types', option: 'inference-components', checked: IC_CHECKED, limits: 'instance types of a variant that hosts inference components', kind: 'pattern',
    value: '^ml\\.[a-z0-9-]+\\.[a-z0-9-]+$', unit: 'regex', source: `${API}API_ProductionVariant.html`,
    note: 'The API accepts the whole ProductionVariantInstanceType enum (CPU, GPU, Inferentia, Trainium): no family is excluded in the API or the docs. One unattributed SDK-style file claims ml.m5, m5d, c5, c5d and p2 lack support; deploy-advisor does not enforce that.',
  },
  {
    id: 'inference-components.serverless', option: 'inference-components', checked: IC_CHECKED, limits: 'inference components on a Serverless variant', kind: 'unsupported',
    value: false, unit: 'flag', source: `${API}API_InferenceComponentComputeResourceRequirements.html`,
    note: 'Inferred: an inference component reserves CPU cores, accelerators and memory on instances, and a Serverless variant has no instances; the SDKs never pass ServerlessConfig for them. No AWS sentence found.',
  },
  {
    id: 'inference-components.async', option: 'inference-components', checked: IC_CHECKED, limits: 'inference components on an asynchronous endpoint', kind: 'unsupported',
    value: false, unit: 'flag', source: `${API}API_runtime_InvokeEndpointAsync.html`,
    note: 'InvokeEndpointAsync has no InferenceComponentName, so no component can be addressed; ManagedInstanceScaling with AsyncInferenceConfig was rejected ("ManagedInstanceScaling is not supported with the given EndpointConfig setup", 2026). Inferred from the API, not stated in the docs.',
  },
  {
    id: 'inference-components.multi-model', option: 'inference-components', checked: IC_CHECKED, limits: 'multi-model containers and multi-container models in an inference component', kind: 'unsupported',
    value: false, unit: 'flag', source: `${API}API_InferenceComponentSpecification.html`,
    note: 'A Specification holds one ModelName or one Container; an SDK-style file rejects inference pipelines with inference components. Low confidence: no AWS page states it.',
  },
  {
    id: 'inference-components.scale-out-from-zero', option: 'inference-components', checked: IC_CHECKED, limits: 'time from the first request at zero instances to an answer (8B model, as measured by AWS)', kind: 'default',
    value: 5 * 60, unit: 'seconds', source: S2Z_BLOG,
    note: 'The developer guide says only "several minutes", during which invocations fail (HTTP 400, not queued: callers must retry). AWS measured about 5 min for Llama 3 8B (1 min alarm, 1.7 min instance, 2.3 min model copy) and about 6 min for 70B; a 2026 third-party run took 9.4 min with weights from the Hugging Face Hub.',
  },
  {
    id: 'inference-components.scale-in-to-zero', option: 'inference-components', checked: IC_CHECKED, limits: 'idle time before the last instance is released (target tracking to 0 copies, then instance release)', kind: 'default',
    value: 25 * 60, unit: 'seconds', source: S2Z_BLOG,
    note: 'About 15 min for the target-tracking low alarm to reach 0 copies, then about 10 min to terminate the instances; AWS blog measurement, not a documented limit.',
  },
  // ---- Model fields -----------------------------------------------------------------------
  {
    id: 'model.name-length', option: 'model', limits: 'length of model, endpoint config, endpoint, variant and job names', kind: 'max',
    value: 63, unit: 'count', source: `${API}API_CreateEndpointConfig.html`,
  },
  {
    id: 'model.name-pattern', option: 'model', limits: 'model, endpoint config, endpoint, variant, hostname and job names', kind: 'pattern',
    value: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$', unit: 'regex', source: `${API}API_CreateEndpointConfig.html`,
    note: 'The API model shows the pattern unanchored; it is matched against the whole name.',
  },
  {
    id: 'model.image-pattern', option: 'model', limits: 'ContainerDefinition.Image: registry/repository[:tag] or [@digest], no spaces', kind: 'pattern',
    value: '^[\\S]{1,255}$', unit: 'regex', source: `${API}API_ContainerDefinition.html`,
  },
  {
    id: 'model.model-data-url-pattern', option: 'model', limits: 'ContainerDefinition.ModelDataUrl', kind: 'pattern',
    value: '^(https|s3)://([^/]+)/?(.*)$', unit: 'regex', source: `${API}API_ContainerDefinition.html`,
  },
  {
    id: 'model.model-data-url-length', option: 'model', limits: 'ContainerDefinition.ModelDataUrl length', kind: 'max',
    value: 1024, unit: 'chars', source: `${API}API_ContainerDefinition.html`,
  },
  {
    id: 'model.role-arn-pattern', option: 'model', limits: 'ExecutionRoleArn', kind: 'pattern',
    value: '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$', unit: 'regex', source: `${API}API_CreateModel.html`,
  },
  {
    id: 'model.role-arn-length', option: 'model', limits: 'ExecutionRoleArn length', kind: 'max',
    value: 2048, unit: 'chars', source: `${API}API_CreateModel.html`,
  },
  {
    id: 'model.instance-type-pattern', option: 'model', limits: 'ml.* instance type names', kind: 'pattern',
    value: '^ml\\.[a-z0-9-]+\\.[a-z0-9-]+$', unit: 'regex', source: `${API}API_ProductionVariant.html`,
  },
  {
    id: 'async.output-path-length', option: 'async', limits: 'AsyncInferenceOutputConfig S3OutputPath and S3FailurePath length', kind: 'max',
    value: 512, unit: 'chars', source: `${API}API_AsyncInferenceOutputConfig.html`,
  },
  {
    id: 'async.max-concurrent-invocations', option: 'async', limits: 'MaxConcurrentInvocationsPerInstance', kind: 'max',
    value: 1000, unit: 'count', source: `${API}API_AsyncInferenceClientConfig.html`,
  },
  {
    id: 'batch-transform.content-type-pattern', option: 'batch-transform', limits: 'TransformInput.ContentType: one line of text', kind: 'pattern',
    value: '^.*$', unit: 'regex', source: `${API}API_TransformInput.html`,
    note: 'The API pattern is .*, which matches no line break.',
  },
  {
    id: 'batch-transform.content-type-length', option: 'batch-transform', limits: 'TransformInput.ContentType length', kind: 'max',
    value: 256, unit: 'chars', source: `${API}API_TransformInput.html`,
  },
  {
    id: 'batch-transform.s3-uri-length', option: 'batch-transform', limits: 'TransformS3DataSource S3Uri and S3OutputPath length', kind: 'max',
    value: 1024, unit: 'chars', source: `${API}API_TransformS3DataSource.html`,
  },
  {
    id: 'model.volume-size-max', option: 'model', limits: 'ProductionVariant VolumeSizeInGB', kind: 'max',
    value: 512, unit: 'count', source: `${API}API_ProductionVariant.html`,
  },
  {
    id: 'model.startup-timeout-min', option: 'model', limits: 'ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds', kind: 'min',
    value: 60, unit: 'seconds', source: `${API}API_ProductionVariant.html`,
  },
  {
    id: 'model.startup-timeout-max', option: 'model', limits: 'ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds', kind: 'max',
    value: 60 * 60, unit: 'seconds', source: `${API}API_ProductionVariant.html`,
  },
  {
    id: 'model.volume-size-min', option: 'model', limits: 'ProductionVariant VolumeSizeInGB', kind: 'min',
    value: 1, unit: 'count', source: `${API}API_ProductionVariant.html`, checked: LARGE_CHECKED,
  },
  {
    id: 'model.startup-window', option: 'model', limits: 'time after an instance starts for the model download, load and a first successful /ping, unless the variant sets its own timeouts', kind: 'default',
    value: 8 * 60, unit: 'seconds', source: `${DG}your-algorithms-inference-code.html`, checked: LARGE_CHECKED,
    note: '"during the 8 minutes after startup, the new instance launch fails" without a successful /ping. The 2023 guide said 4 minutes (superseded). ContainerStartupHealthCheckTimeoutInSeconds and ModelDataDownloadTimeoutInSeconds (model.startup-timeout-min/max) override it per variant or inference component.',
  },
  {
    id: 'model.large-download-threshold', option: 'model', limits: 'model size above which the guide says to raise ModelDataDownloadTimeoutInSeconds', kind: 'max',
    value: 40 * 1e9, unit: 'bytes', source: `${DG}realtime-endpoints-large-model-hosting.html`, checked: LARGE_CHECKED,
    note: 'Docs say "40 GB"; decimal reading used (the smaller number of bytes, so the advice comes earlier).',
  },
  {
    id: 'model.large-volume-threshold', option: 'model', limits: 'model size above which the guide says to raise VolumeSizeInGB on instances without local storage', kind: 'max',
    value: 30 * 1e9, unit: 'bytes', source: `${DG}realtime-endpoints-large-model-hosting.html`, checked: LARGE_CHECKED,
    note: 'Docs say "30 GB"; decimal reading used.',
  },
  {
    id: 'model.environment-entries', option: 'model', limits: 'ContainerDefinition.Environment entries', kind: 'max',
    value: 100, unit: 'count', source: `${API}API_ContainerDefinition.html`,
    note: 'The API model of early 2023 allowed 16.',
  },
  {
    id: 'model.environment-key-pattern', option: 'model', limits: 'ContainerDefinition.Environment keys', kind: 'pattern',
    value: '^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$', unit: 'regex', source: `${API}API_ContainerDefinition.html`,
  },
  {
    id: 'model.environment-value-length', option: 'model', limits: 'ContainerDefinition.Environment values', kind: 'max',
    value: 1024, unit: 'chars', source: `${API}API_ContainerDefinition.html`,
  },
  {
    id: 'model.data-capture-sampling', option: 'model', limits: 'DataCaptureConfig.InitialSamplingPercentage', kind: 'max',
    value: 100, unit: 'count', source: `${API}API_DataCaptureConfig.html`,
  },
  {
    id: 'batch-transform.environment-entries', option: 'batch-transform', limits: 'CreateTransformJob Environment entries', kind: 'max',
    value: 16, unit: 'count', source: `${API}API_CreateTransformJob.html`,
  },
  {
    id: 'model.artifact-format', option: 'model', limits: 'model.tar.gz: one gzip tar, extracted to /opt/ml/model, no symlinks or unnecessary files', kind: 'unsupported',
    value: false, unit: 'flag', source: `${DG}hosting-faqs.html`,
  },
  // ---- deploy-advisor policy (our judgement, not AWS's) -----------------------------------
  {
    id: 'policy.memory-headroom', option: 'policy', limits: 'memory (serverless, instance or GPU) needed per byte of model: runtime and request buffers on top of the weights', kind: 'min',
    value: 1.2, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy, not an AWS limit: a model needs about 20% more memory than its size.',
  },
  {
    id: 'policy.cold-start-tolerance', option: 'policy', limits: 'answer time below which serverless cold starts are not tolerable', kind: 'min',
    value: 10, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy, not an AWS limit: a cold start (container start plus model load) commonly takes seconds and may take up to serverless.startup. Provisioned Concurrency removes cold starts for the provisioned amount.',
  },
  {
    id: 'policy.async-overhead', option: 'policy', limits: 'time an Asynchronous request spends outside the model: S3 upload, queue, S3 input and output, notification', kind: 'min',
    value: 5, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy, not an AWS limit: the caller puts the payload in S3, the request waits in the endpoint queue, the instance reads the input from S3 and writes the result to S3, and an SNS notification (or polling) tells the caller. Each step takes tens of milliseconds to seconds with no latency guarantee, so Async is held able to meet an answer time only when that time is at least the processing time plus this. Queueing under load and scaling up from zero instances add more.',
  },
  {
    id: 'policy.serverless-concurrency-intermittent', option: 'policy', limits: 'Serverless MaxConcurrency generated for intermittent traffic', kind: 'default',
    value: 5, unit: 'count', source: POLICY,
    note: 'deploy-advisor policy: a few concurrent requests per burst; raise it for larger bursts (up to serverless.max-concurrency).',
  },
  {
    id: 'policy.serverless-concurrency-unpredictable', option: 'policy', limits: 'Serverless MaxConcurrency generated for unpredictable traffic', kind: 'default',
    value: 10, unit: 'count', source: POLICY,
    note: 'deploy-advisor policy: 10 is what new accounts may get as their whole-Region serverless concurrency quota.',
  },
  {
    id: 'policy.max-instances', option: 'policy', limits: 'autoscaling MaxCapacity default in generated templates', kind: 'default',
    value: 4, unit: 'count', source: POLICY,
  },
  {
    id: 'policy.target-utilisation', option: 'policy', limits: 'share of an instance\'s estimated throughput that target tracking aims at', kind: 'default',
    value: 0.7, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: estimated throughput is 60 s / processing time x workers (vCPUs, or GPUs); confirm with a load test.',
  },
  {
    id: 'policy.async-backlog-per-instance', option: 'policy', limits: 'ApproximateBacklogSizePerInstance that async target tracking aims at', kind: 'default',
    value: 5, unit: 'count', source: POLICY,
  },
  {
    id: 'policy.scale-out-cooldown', option: 'policy', limits: 'autoscaling scale-out cooldown in generated templates', kind: 'default',
    value: 5 * 60, unit: 'seconds', source: POLICY,
  },
  {
    id: 'policy.scale-in-cooldown', option: 'policy', limits: 'autoscaling scale-in cooldown in generated templates', kind: 'default',
    value: 10 * 60, unit: 'seconds', source: POLICY,
  },
  {
    id: 'policy.batch-timeout-factor', option: 'policy', limits: 'InvocationsTimeoutInSeconds generated as worst-case processing time times this (at least the default)', kind: 'default',
    value: 2, unit: 'factor', source: POLICY,
  },
  // ---- cost and capacity policy (issue 10) ----------------------------------------------
  {
    id: 'policy.month', option: 'policy', limits: 'length of the month that monthly estimates cover (730 hours, the AWS Pricing Calculator\'s month)', kind: 'default',
    value: 730 * 60 * 60, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy: 365 days x 24 h / 12 = 730 h, the month AWS price examples use.',
  },
  {
    id: 'policy.peak-factor-sustained', option: 'policy', limits: 'peak request rate assumed for sustained traffic, as a multiple of the average (when no peak rate is given)', kind: 'default',
    value: 2, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: steady traffic with a daily cycle peaks at about twice its average.',
  },
  {
    id: 'policy.peak-factor-intermittent', option: 'policy', limits: 'peak request rate assumed for intermittent traffic, as a multiple of the average (when no peak rate is given)', kind: 'default',
    value: 5, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: traffic that comes in bursts with idle periods between them.',
  },
  {
    id: 'policy.peak-factor-unpredictable', option: 'policy', limits: 'peak request rate assumed for unpredictable traffic, as a multiple of the average (when no peak rate is given)', kind: 'default',
    value: 10, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: spikes an order of magnitude above the average.',
  },
  {
    id: 'policy.async-scale-out-from-zero', option: 'policy', limits: 'time an Asynchronous endpoint takes to scale out from zero instances (alarm, instance launch, model load)', kind: 'default',
    value: 10 * 60, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy: callers that cannot wait this long need at least one instance running (MinCapacity 1).',
  },  {
    id: 'policy.target-tracking-scale-in-delay', option: 'policy', limits: 'idle time before target tracking scales an Asynchronous endpoint in to zero instances (its low alarm)', kind: 'default',
    value: 15 * 60, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy: target tracking scales in after its low alarm has seen 15 one-minute data points below the target (AWS measured about 15 min to reach 0 copies for inference components; see inference-components.scale-in-to-zero). Each wake keeps the endpoint up at least this long after its last request.',
  },

  {
    id: 'policy.batch-job-startup', option: 'policy', limits: 'billed start-up time of each instance of a transform job (launch, image pull, model load)', kind: 'default',
    value: 5 * 60, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy: added to every run on every instance.',
  },
  {
    id: 'policy.batch-min-run-interval', option: 'policy', limits: 'shortest interval between transform jobs when the volume is given per second or per minute', kind: 'min',
    value: 60 * 60, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy: records arriving faster are gathered into hourly runs.',
  },
  {
    id: 'policy.response-size', option: 'policy', limits: 'average response size assumed for data-processing charges when not given', kind: 'default',
    value: 10 * 1000, unit: 'bytes', source: POLICY,
    note: 'deploy-advisor policy: a JSON prediction; the average request size defaults to the largest payload (an upper bound).',
  },
  {
    id: 'policy.endpoint-volume', option: 'policy', limits: 'ML storage volume assumed per instance without local NVMe storage, for storage charges', kind: 'default',
    value: 30 * GIB, unit: 'bytes', source: POLICY,
    note: 'deploy-advisor policy: larger when the model is larger (the docs advise raising VolumeSizeInGB for models above 30 GB).',
  },
  {
    id: 'policy.ic-memory-unknown', option: 'policy', limits: 'MinMemoryRequiredInMb generated for an inference component whose model size is not given', kind: 'default',
    value: 1024, unit: 'MB', source: POLICY,
    note: 'deploy-advisor policy (AWS\'s samples use 1024); give the model size to size it.',
  },
  {
    id: 'policy.ic-cpu-share', option: 'policy', limits: 'share of a copy\'s proportional vCPUs (by GPUs, or by memory on CPU instances) that it reserves', kind: 'default',
    value: 0.5, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: leaves the rest of the instance\'s vCPUs to SageMaker\'s agents and to other copies; rounded down to whole quarters of a core, at least the API minimum.',
  },
  {
    id: 'policy.ic-scale-to-zero-saving', option: 'policy', limits: 'share of the warm monthly cost that scaling an inference-component endpoint to zero must save, with a request volume, to be worth its cold start', kind: 'min',
    value: 0.2, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: after an idle period requests fail for several minutes until a copy is up again; a saving under 20% of the warm cost is not worth that, so the endpoint keeps one copy warm.',
  },
  {
    id: 'policy.ic-size-spread', option: 'policy', limits: 'ratio of the largest to the smallest CPU model above which the models get inference components rather than a multi-model endpoint', kind: 'min',
    value: 4, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: a multi-model container shares its memory among models loaded on demand; sizes this far apart are better served by a reservation each. GPU models of any different sizes get inference components.',
  },
  {
    id: 'policy.wake-alarm-period', option: 'policy', limits: 'period of the NoCapacityInvocationFailures alarm that scales an inference component out from zero', kind: 'default',
    value: 60, unit: 'seconds', source: POLICY,
    note: 'deploy-advisor policy: Maximum over 60 s, GreaterThanOrEqualToThreshold 1, so one failed request wakes the endpoint. The docs\' example (Sum, GreaterThanThreshold 1) needs two failures in a minute; AWS\'s blog uses the >= 1 form.',
  },
  {
    id: 'policy.artifact-bomb-ratio', option: 'policy', limits: 'uncompressed / compressed size above which a large model.tar.gz is treated as a compression bomb', kind: 'max',
    value: 100, unit: 'factor', source: POLICY,
    note: 'deploy-advisor policy: model weights compress little (about 1.1x); a ratio above 100 past policy.artifact-bomb-min-bytes stops the scan.',
  },
  {
    id: 'policy.artifact-bomb-min-bytes', option: 'policy', limits: 'uncompressed bytes before the compression-bomb ratio applies', kind: 'min',
    value: GIB, unit: 'bytes', source: POLICY,
  },
  {
    id: 'policy.max-nesting', option: 'policy', limits: 'levels of nesting (mappings, sequences, flow brackets) a linted or answers file may have; deeper files are refused before parsing', kind: 'max',
    value: 100, unit: 'count', source: POLICY,
    note: 'deploy-advisor policy: real configurations nest under 20 levels; parsing thousands of levels can abort the process.',
  },
  {
    id: 'policy.artifact-max-entries', option: 'policy', limits: 'entries check-artifact reads before it stops (bounds memory)', kind: 'max',
    value: 200000, unit: 'count', source: POLICY,
  },
  // ---- issue 24: large models start on the first try -------------------------------------
  {
    id: 'policy.startup-load-factor', option: 'policy', limits: 'start-up time (download, load into memory, first /ping) per second of download at policy.model-load-throughput', kind: 'default',
    value: 2, unit: 'factor', source: POLICY, checked: LARGE_CHECKED,
    note: 'deploy-advisor policy: the download measured by AWS (policy.model-load-throughput) is doubled to cover loading into GPU memory and slower instances: about 20 s per GB. Measure your own start-up and raise the timeouts if it is slower.',
  },
  {
    id: 'policy.startup-headroom', option: 'policy', limits: 'start-up timeouts set per second of estimated start-up', kind: 'min',
    value: 1.5, unit: 'factor', source: POLICY, checked: LARGE_CHECKED,
    note: 'deploy-advisor policy: the estimate is rough; a timeout half again as long keeps a slow start from failing the launch. Capped at model.startup-timeout-max.',
  },
  {
    id: 'policy.volume-headroom', option: 'policy', limits: 'ML storage volume per byte of model stored on an instance without local NVMe storage', kind: 'min',
    value: 2, unit: 'factor', source: POLICY, checked: LARGE_CHECKED,
    note: 'deploy-advisor policy: model.tar.gz and its extracted files are both on the volume while it unpacks.',
  },
  // ---- sizing policy (issue 19): queueing headroom, LLM concurrency, residency, batch --------
  {
    id: 'policy.queueing-target', option: 'policy', checked: SIZING_CHECKED, limits: 'share of requests that may be throttled (Serverless MaxConcurrency, spill past Provisioned Concurrency: Erlang B) or wait for a free worker (instances, copies: Erlang C) at the peak', kind: 'max',
    value: 0.01, unit: 'share', source: POLICY,
    note: 'deploy-advisor policy: every concurrency the plan sets is the least that keeps this share under 1% for Poisson arrivals at the peak rate (shared/facts/sizing.md, Queueing). Sizing to ceil(peak load) throttles about a quarter of requests at a load of 1.16.',
  },
  {
    id: 'policy.concurrency-per-copy-llm', option: 'policy', checked: SIZING_CHECKED, limits: 'requests one copy of a GPU model that streams serves at once (continuous batching), when the workload does not give it', kind: 'default',
    value: 32, unit: 'count', source: POLICY,
    note: 'deploy-advisor policy, from the LLM containers\' defaults: LMI (DJL Serving) sets option.max_rolling_batch_size to 32, or 256 with the vllm and lmi-dist engines (deepjavalibrary/djl-serving LmiConfigRecommender.setRollingBatchSize); Hugging Face TGI accepts --max-concurrent-requests 128 (huggingface.co/docs/text-generation-inference/reference/launcher). The lowest is taken: the KV cache of a large model usually bounds the batch below the container\'s cap. Confirm with a load test.',
  },
  {
    id: 'policy.concurrency-per-copy-max', option: 'policy', checked: SIZING_CHECKED, limits: 'largest concurrency per copy a workload may give', kind: 'max',
    value: 4096, unit: 'count', source: POLICY,
    note: 'deploy-advisor policy: a guard against typing mistakes; container defaults are 32 to 256 (policy.concurrency-per-copy-llm).',
  },
  {
    id: 'policy.model-load-throughput', option: 'policy', checked: SIZING_CHECKED, limits: 'rate at which an instance loads a model from S3 (download and load), for multi-model reloads and start-up', kind: 'default',
    value: 100 * 1000 * 1000, unit: 'bytes-per-second', source: POLICY,
    note: 'deploy-advisor policy, from AWS\'s measurement (blog "Introducing container caching in Amazon SageMaker AI for faster model scaling", 2026): Qwen3-8B (about 16 GB) downloaded in 168 s on ml.g6.2xlarge, about 100 MB/s.',
  },
] as const satisfies readonly (Omit<LimitEntry, 'checked'> & { checked?: string })[];

export type LimitId = (typeof TABLE)[number]['id'];

export const LIMITS: readonly LimitEntry[] = TABLE.map((e) => ({ checked: CHECKED, ...e }));

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

/** A pattern limit as a RegExp (whole-string match). */
export function limitPattern(id: LimitId): RegExp {
  const v = limitEntry(id).value;
  if (typeof v !== 'string') throw new TypeError(`limit ${id} is not a pattern`);
  return new RegExp(v);
}

/** A limit given in MB (SageMaker's MiB) as bytes. */
export function limitBytes(id: LimitId): number {
  const e = limitEntry(id);
  const v = limit(id);
  return e.unit === 'MB' ? v * MIB : v;
}
