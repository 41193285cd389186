// Rules on endpoint configurations: AWS::SageMaker::EndpointConfig resources and
// `aws sagemaker create-endpoint-config` inputs.

import { API_MODEL_SOURCES } from '../facts/api';
import { acceptedFor, hasNvme } from '../facts/instances';
import { limit, limitEntry, limitPattern } from '../facts/limits';
import { RANGE_MESSAGES, containers, given, isObj, num, plain, range, str, variantModels, variants } from './helpers';
import type { RawFinding, Rule } from './types';

const API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/';

// A variant is serverless only when ServerlessConfig is written out: a condition (!If) is not guessed.
const serverless = (v: Record<string, unknown>) => plain(v.ServerlessConfig);

export const serverlessMemorySize: Rule = {
  id: 'DA1001',
  name: 'serverless-memory-size',
  severity: 'error',
  title: `Serverless MemorySizeInMB must be ${limit('serverless.memory-min')}-${limit('serverless.memory-max')} in ${limit('serverless.memory-step')} MB steps`,
  source: limitEntry('serverless.memory-step').source,
  description: `Serverless endpoints take memory in 1 GB increments: ${Array.from({ length: limit('serverless.memory-max') / limit('serverless.memory-step') }, (_, i) => (i + 1) * limit('serverless.memory-step')).join(', ')} MB. Other values fail at CreateEndpointConfig.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 3000\n      MaxConcurrency: 5\n',
    // Three memory steps, read from the table like the rest of the rule.
    valid: `EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: ${3 * limit('serverless.memory-step')}\n      MaxConcurrency: 5\n`,
  },
  messages: { notMemorySize: 'MemorySizeInMB {{value}} is not a Serverless memory size; use {{min}}-{{max}} in {{step}} MB steps (e.g. {{nearest}})' },
  check(ctx) {
    const min = limit('serverless.memory-min');
    const max = limit('serverless.memory-max');
    const step = limit('serverless.memory-step');
    return ctx.endpointConfigs.flatMap((ec) =>
      variants(ec).flatMap(({ v, path }) => {
        if (!serverless(v)) return [];
        const n = num(ctx, (v.ServerlessConfig as Record<string, unknown>).MemorySizeInMB);
        if (n === null || (n >= min && n <= max && n % step === 0)) return [];
        const nearest = Math.min(max, Math.max(min, Math.ceil(n / step) * step));
        return [{ path: [...path, 'ServerlessConfig', 'MemorySizeInMB'], messageId: 'notMemorySize', data: { value: n, min, max, step, nearest } }];
      }),
    );
  },
};

export const serverlessMaxConcurrency: Rule = {
  id: 'DA1002',
  name: 'serverless-max-concurrency',
  severity: 'error',
  title: `Serverless MaxConcurrency must be 1-${limit('serverless.max-concurrency')}`,
  source: limitEntry('serverless.max-concurrency').source,
  description: `A serverless endpoint handles at most ${limit('serverless.max-concurrency')} concurrent invocations. New accounts have reported a Region-wide quota as low as ${limit('serverless.account-concurrency-observed')}.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 500\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 200\n',
  },
  messages: RANGE_MESSAGES,
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) =>
      variants(ec).flatMap(({ v, path }) =>
        serverless(v) ? range(ctx, (v.ServerlessConfig as Record<string, unknown>).MaxConcurrency, [...path, 'ServerlessConfig', 'MaxConcurrency'], 'MaxConcurrency', 1, limit('serverless.max-concurrency')) : [],
      ),
    );
  },
};

export const serverlessProvisionedConcurrency: Rule = {
  id: 'DA1003',
  name: 'serverless-provisioned-concurrency',
  severity: 'error',
  title: `Serverless ProvisionedConcurrency must be 1-${limit('serverless.provisioned-concurrency')} and at most MaxConcurrency`,
  source: limitEntry('serverless.provisioned-concurrency').source,
  description: `ProvisionedConcurrency keeps instances warm; it must be between 1 and ${limit('serverless.provisioned-concurrency')} and no more than MaxConcurrency.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\n      ProvisionedConcurrency: 10\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 10\n      ProvisionedConcurrency: 2\n',
  },
  messages: { ...RANGE_MESSAGES, aboveMaxConcurrency: 'ProvisionedConcurrency {{provisioned}} is more than MaxConcurrency {{maxConcurrency}}; lower it or raise MaxConcurrency' },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) =>
      variants(ec).flatMap(({ v, path }) => {
        if (!serverless(v)) return [];
        const sc = v.ServerlessConfig as Record<string, unknown>;
        const p = [...path, 'ServerlessConfig', 'ProvisionedConcurrency'];
        const out = range(ctx, sc.ProvisionedConcurrency, p, 'ProvisionedConcurrency', 1, limit('serverless.provisioned-concurrency'));
        const pc = num(ctx, sc.ProvisionedConcurrency);
        const mc = num(ctx, sc.MaxConcurrency);
        if (!out.length && pc !== null && mc !== null && pc > mc) {
          out.push({ path: p, messageId: 'aboveMaxConcurrency', data: { provisioned: pc, maxConcurrency: mc } });
        }
        return out;
      }),
    );
  },
};

export const serverlessUnsupportedConfig: Rule = {
  id: 'DA1004',
  name: 'serverless-unsupported-config',
  severity: 'error',
  title: 'Serverless variants cannot have data capture, other variants, instance fields, async config or a KMS key',
  source: limitEntry('serverless.data-capture').source,
  description:
    'Serverless Inference does not support data capture, several production variants, async inference, or instance settings (InstanceType, InitialInstanceCount, VolumeSizeInGB). A KmsKeyId on a serverless endpoint config is rejected as well.',
  examples: {
    invalid:
      'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\nDataCaptureConfig:\n  InitialSamplingPercentage: 10\n  DestinationS3Uri: s3://bucket/capture/\n  CaptureOptions:\n    - CaptureMode: Input\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\n',
  },
  messages: {
    dataCapture: 'data capture is not supported with a Serverless variant; remove DataCaptureConfig or use instance-based hosting',
    asyncInference: 'asynchronous inference is not supported with a Serverless variant; remove AsyncInferenceConfig or use instance-based hosting',
    kmsKey: 'a KMS key for the storage volume is not supported with a Serverless variant; remove KmsKeyId or use instance-based hosting',
    severalVariants: '{{count}} production variants: a Serverless endpoint config takes exactly one',
    instanceField: '{{key}} does not apply to a Serverless variant; remove it (or remove ServerlessConfig for instance hosting)',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const ec of ctx.endpointConfigs) {
      const vs = variants(ec);
      if (!vs.some(({ v }) => serverless(v))) continue;
      const say = (key: string, messageId: string) => out.push({ path: [...ec.base, key], messageId });
      if (given(ctx, ec.props.DataCaptureConfig)) say('DataCaptureConfig', 'dataCapture');
      if (given(ctx, ec.props.AsyncInferenceConfig)) say('AsyncInferenceConfig', 'asyncInference');
      if (given(ctx, ec.props.KmsKeyId)) say('KmsKeyId', 'kmsKey');
      if (vs.length > 1) out.push({ path: [...ec.base, 'ProductionVariants', 1], messageId: 'severalVariants', data: { count: vs.length } });
      for (const { v, path } of vs) {
        if (!serverless(v)) continue;
        for (const key of ['InstanceType', 'InitialInstanceCount', 'VolumeSizeInGB', 'ModelDataDownloadTimeoutInSeconds', 'ContainerStartupHealthCheckTimeoutInSeconds']) {
          if (given(ctx, v[key])) out.push({ path: [...path, key], messageId: 'instanceField', data: { key } });
        }
      }
    }
    return out;
  },
};

export const serverlessUnsupportedModel: Rule = {
  id: 'DA1005',
  name: 'serverless-unsupported-model',
  severity: 'error',
  title: "A Serverless variant's model cannot use a VPC, network isolation, multi-model mode or several containers",
  source: limitEntry('serverless.vpc').source,
  description:
    'Serverless Inference excludes VPC configuration, network isolation, multi-model endpoints and inference pipelines. The model a serverless variant points to must use none of them (several containers: deploy-advisor infers this from the pipeline exclusion).',
  examples: {
    invalid:
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n      VpcConfig:\n        SecurityGroupIds: [sg-0123456789abcdef0]\n        Subnets: [subnet-0123456789abcdef0]\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 2048\n            MaxConcurrency: 5\n',
    valid:
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 2048\n            MaxConcurrency: 5\n',
  },
  messages: {
    vpc: 'model {{model}} has a VpcConfig, which Serverless Inference does not support; use an instance-based variant or change the model',
    networkIsolation: 'model {{model}} enables network isolation, which Serverless Inference does not support; use an instance-based variant or change the model',
    multiModel: 'model {{model}} is a multi-model container, which Serverless Inference does not support; use an instance-based variant or change the model',
    severalContainers: 'model {{model}} has {{count}} containers, which Serverless Inference does not support; use an instance-based variant or change the model',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { m } of variantModels(ctx, (_ec, v) => serverless(v))) {
      const say = (path: ReadonlyArray<string | number>, messageId: string, count = 0) => out.push({ path, messageId, data: { model: m.name, count } });
      if (given(ctx, m.props.VpcConfig)) say([...m.base, 'VpcConfig'], 'vpc');
      if (ctx.resolve(m.props.EnableNetworkIsolation) === true) say([...m.base, 'EnableNetworkIsolation'], 'networkIsolation');
      const cs = containers(m);
      if (cs.some(({ c }) => str(ctx, c.Mode) === 'MultiModel')) say([...cs[0]!.path, 'Mode'], 'multiModel');
      if (Array.isArray(m.props.Containers) && m.props.Containers.length > 1) say([...m.base, 'Containers'], 'severalContainers', m.props.Containers.length);
    }
    return out;
  },
};

export const asyncOutputPath: Rule = {
  id: 'DA1006',
  name: 'async-output-path',
  severity: 'error',
  title: 'Async inference needs OutputConfig.S3OutputPath',
  source: `${API}API_AsyncInferenceOutputConfig.html`,
  description: 'Asynchronous endpoints write every result to S3; without an output path there is nowhere to put them. Add S3FailurePath and NotificationConfig too, to hear about failures.',
  examples: {
    invalid:
      'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\nAsyncInferenceConfig:\n  ClientConfig:\n    MaxConcurrentInvocationsPerInstance: 4\n',
    valid:
      'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\nAsyncInferenceConfig:\n  OutputConfig:\n    S3OutputPath: s3://bucket/async-output/\n',
  },
  inferredFromAbsence: ['noOutputPath'],
  messages: { noOutputPath: 'AsyncInferenceConfig has no OutputConfig.S3OutputPath; add the S3 prefix where results go (and S3FailurePath for errors)' },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) => {
      // A condition (!If) or a Terraform dynamic block is not guessed at.
      const a = ec.props.AsyncInferenceConfig;
      if (!plain(a)) return [];
      const oc = a.OutputConfig;
      if (oc !== undefined && !plain(oc)) return [];
      if (isObj(oc) && (oc.S3OutputPath !== undefined || oc.S3FailurePath !== undefined)) return [];
      return [{ path: [...ec.base, 'AsyncInferenceConfig', ...(isObj(oc) ? ['OutputConfig'] : [])], messageId: 'noOutputPath' }];
    });
  },
};

export const asyncMaxConcurrentInvocations: Rule = {
  id: 'DA1007',
  name: 'async-max-concurrent-invocations',
  severity: 'error',
  title: `Async MaxConcurrentInvocationsPerInstance must be 1-${limit('async.max-concurrent-invocations')}`,
  source: limitEntry('async.max-concurrent-invocations').source,
  description: 'The number of requests an async endpoint sends to one instance at a time.',
  examples: {
    invalid:
      'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\nAsyncInferenceConfig:\n  ClientConfig:\n    MaxConcurrentInvocationsPerInstance: 0\n  OutputConfig:\n    S3OutputPath: s3://bucket/out/\n',
    valid:
      'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\nAsyncInferenceConfig:\n  ClientConfig:\n    MaxConcurrentInvocationsPerInstance: 2\n  OutputConfig:\n    S3OutputPath: s3://bucket/out/\n',
  },
  messages: RANGE_MESSAGES,
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) => {
      const a = ec.props.AsyncInferenceConfig;
      if (!plain(a) || !plain(a.ClientConfig)) return [];
      return range(
        ctx,
        a.ClientConfig.MaxConcurrentInvocationsPerInstance,
        [...ec.base, 'AsyncInferenceConfig', 'ClientConfig', 'MaxConcurrentInvocationsPerInstance'],
        'MaxConcurrentInvocationsPerInstance',
        1,
        limit('async.max-concurrent-invocations'),
      );
    });
  },
};

export const kmsKeyWithNvme: Rule = {
  id: 'DA1008',
  name: 'kms-key-with-nvme',
  severity: 'error',
  title: 'No KmsKeyId when a variant uses an instance type with local NVMe storage',
  source: `${API}API_CreateEndpointConfig.html`,
  description:
    'Instance types with local NVMe storage (g4dn, g5, g6, p4d, p5, and the d families such as m5d) encrypt it with a hardware module. CreateEndpointConfig fails if KmsKeyId is set while any variant uses one. Scanners that demand a key (checkov CKV_AWS_98) should be suppressed for these with a reason.',
  examples: {
    invalid:
      'EndpointConfigName: my-config\nKmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.g5.xlarge\n    InitialInstanceCount: 1\n',
    valid:
      'EndpointConfigName: my-config\nKmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.xlarge\n    InitialInstanceCount: 1\n',
  },
  messages: { kmsKeyOnNvme: 'KmsKeyId is set, but {{type}} has local NVMe storage and CreateEndpointConfig rejects a key for it; remove KmsKeyId or choose an instance type with EBS storage' },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) => {
      if (!given(ctx, ec.props.KmsKeyId)) return [];
      const nvme = variants(ec)
        .map(({ v }) => str(ctx, v.InstanceType))
        .filter((t): t is string => t !== null && hasNvme(t) === true);
      if (!nvme.length) return [];
      return [{ path: [...ec.base, 'KmsKeyId'], messageId: 'kmsKeyOnNvme', data: { type: nvme[0]! } }];
    });
  },
};

export const volumeSizeWithNvme: Rule = {
  id: 'DA1018',
  name: 'volume-size-with-nvme',
  severity: 'error',
  title: 'No VolumeSizeInGB on a variant whose instance type has local NVMe storage',
  source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html',
  description: `SageMaker attaches an EBS ML storage volume only to instance types without local storage; types with local NVMe storage (g4dn, g5, g6, g6e, p4d, p5, trn1, and the d families such as m5d) store the model on it, and CreateEndpointConfig rejects VolumeSizeInGB for them (the SageMaker Python SDK's volume_size_supported leaves it out for the same families). Set VolumeSizeInGB (${limit('model.volume-size-min')}-${limit('model.volume-size-max')}) only on EBS types, such as ml.m5, ml.c5, ml.r5, ml.inf2 and ml.p3, to hold a large model.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.g5.12xlarge\n    InitialInstanceCount: 1\n    VolumeSizeInGB: 200\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.4xlarge\n    InitialInstanceCount: 1\n    VolumeSizeInGB: 200\n',
  },
  messages: { volumeOnNvme: 'VolumeSizeInGB is set, but {{type}} has local NVMe storage and CreateEndpointConfig rejects a volume size for it; remove VolumeSizeInGB (the model is stored on the instance storage)' },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) =>
      variants(ec).flatMap(({ v, path }) => {
        if (!given(ctx, v.VolumeSizeInGB)) return [];
        const type = str(ctx, v.InstanceType);
        return type !== null && hasNvme(type) === true ? [{ path: [...path, 'VolumeSizeInGB'], messageId: 'volumeOnNvme', data: { type } }] : [];
      }),
    );
  },
};

export const productionVariantCount: Rule = {
  id: 'DA1009',
  name: 'production-variant-count',
  severity: 'error',
  title: `An endpoint config has 1-${limit('real-time.variants')} production variants`,
  source: limitEntry('real-time.variants').source,
  description: 'ProductionVariants is required and holds at most ten variants.',
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants: []\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n',
  },
  inferredFromAbsence: ['missing'],
  messages: {
    missing: 'ProductionVariants is missing; add at least one variant',
    empty: 'ProductionVariants is empty; add at least one variant',
    tooMany: '{{count}} production variants; at most {{max}}',
  },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) => {
      const list = ec.props.ProductionVariants;
      if (list === undefined) return [{ path: ec.base, messageId: 'missing' }];
      if (!Array.isArray(list)) return [];
      if (list.length === 0) return [{ path: [...ec.base, 'ProductionVariants'], messageId: 'empty' }];
      if (list.length > limit('real-time.variants')) return [{ path: [...ec.base, 'ProductionVariants', limit('real-time.variants')], messageId: 'tooMany', data: { count: list.length, max: limit('real-time.variants') } }];
      return [];
    });
  },
};

export const unknownInstanceType: Rule = {
  id: 'DA1010',
  name: 'unknown-instance-type',
  severity: 'error',
  title: 'Instance type accepted by the SageMaker API for its use',
  source: `${API}API_TransformResources.html`,
  description: `A production variant's InstanceType must be one of ProductionVariantInstanceType, and a transform job's one of TransformInstanceType; the lists differ (ml.c5.large hosts an endpoint but cannot run a transform job). The lists come from the SageMaker API model (${API_MODEL_SOURCES.enums}, see README). A type newer than that model is reported too: suppress the finding with a reason until the model is regenerated.`,
  examples: {
    invalid:
      'TransformJobName: nightly\nModelName: my-model\nTransformInput:\n  DataSource:\n    S3DataSource:\n      S3DataType: S3Prefix\n      S3Uri: s3://bucket/in/\nTransformOutput:\n  S3OutputPath: s3://bucket/out/\nTransformResources:\n  InstanceType: ml.c5.large\n  InstanceCount: 1\n',
    valid:
      'TransformJobName: nightly\nModelName: my-model\nTransformInput:\n  DataSource:\n    S3DataSource:\n      S3DataType: S3Prefix\n      S3Uri: s3://bucket/in/\nTransformOutput:\n  S3OutputPath: s3://bucket/out/\nTransformResources:\n  InstanceType: ml.c5.xlarge\n  InstanceCount: 1\n',
  },
  messages: {
    notMlType: '"{{type}}" is not an ml.* instance type; use e.g. ml.m5.xlarge',
    hostingOnly: '{{type}} is not a TransformInstanceType: it hosts endpoints but cannot run a transform job; choose another size or family',
    transformOnly: '{{type}} is not a ProductionVariantInstanceType: it runs transform jobs but cannot host an endpoint; choose another size or family',
    notInApiModel: '{{type}} is not a {{list}} in the SageMaker API model; check the name (a type newer than {{model}} may be suppressed with a reason)',
  },
  check(ctx) {
    const at = (t: unknown, path: ReadonlyArray<string | number>, use: 'hosting' | 'transform'): RawFinding[] => {
      const type = str(ctx, t);
      if (type === null) return [];
      if (!limitPattern('model.instance-type-pattern').test(type)) return [{ path, messageId: 'notMlType', data: { type } }];
      if (acceptedFor(type, use)) return [];
      const other = use === 'transform' ? acceptedFor(type, 'hosting') : acceptedFor(type, 'transform');
      if (other) return [{ path, messageId: use === 'transform' ? 'hostingOnly' : 'transformOnly', data: { type } }];
      const list = use === 'transform' ? 'TransformInstanceType' : 'ProductionVariantInstanceType';
      return [{ path, messageId: 'notInApiModel', data: { type, list, model: API_MODEL_SOURCES.enums } }];
    };
    return [
      ...ctx.endpointConfigs.flatMap((ec) => variants(ec).flatMap(({ v, path }) => at(v.InstanceType, [...path, 'InstanceType'], 'hosting'))),
      ...ctx.transformJobs.flatMap((j) => (isObj(j.props.TransformResources) ? at(j.props.TransformResources.InstanceType, [...j.base, 'TransformResources', 'InstanceType'], 'transform') : [])),
    ];
  },
};

export const variantSettings: Rule = {
  id: 'DA1011',
  name: 'variant-settings',
  severity: 'error',
  title: "Production variant settings within the API's ranges",
  source: `${API}API_ProductionVariant.html`,
  description: `Variant names are unique within an endpoint config. An instance-based variant needs InstanceType and InitialInstanceCount (at least 1). VolumeSizeInGB is 1-${limit('model.volume-size-max')}; ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds are ${limit('model.startup-timeout-min')}-${limit('model.startup-timeout-max')}; InitialVariantWeight is at least 0; data capture samples 0-${limit('model.data-capture-sampling')}%.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 0\n    ContainerStartupHealthCheckTimeoutInSeconds: 7200\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n    ContainerStartupHealthCheckTimeoutInSeconds: 1200\n',
  },
  inferredFromAbsence: ['noInstanceOrServerless', 'noInstanceCount'],
  messages: {
    ...RANGE_MESSAGES,
    noInstanceOrServerless: 'variant has neither InstanceType nor ServerlessConfig; add one',
    noInstanceCount: 'InitialInstanceCount is missing; an instance-based variant needs at least 1',
    badInstanceCount: 'InitialInstanceCount {{count}} must be a whole number of at least 1 (scale to zero needs autoscaling, and async or inference components)',
    negativeWeight: 'InitialVariantWeight {{weight}} must be 0 or more',
    duplicateName: 'VariantName "{{name}}" is already used by variant {{first}}; each production variant needs its own name',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    const tmin = limit('model.startup-timeout-min');
    const tmax = limit('model.startup-timeout-max');
    for (const ec of ctx.endpointConfigs) {
      for (const { v, path } of variants(ec)) {
        if (v.ServerlessConfig === undefined && v.InstanceType === undefined && v.ModelName !== undefined) {
          out.push({ path, messageId: 'noInstanceOrServerless' });
        }
        if (v.ServerlessConfig === undefined && given(ctx, v.InstanceType) && v.InitialInstanceCount === undefined) {
          out.push({ path: [...path, 'InstanceType'], messageId: 'noInstanceCount' });
        }
        const count = num(ctx, v.InitialInstanceCount);
        if (count !== null && (count < 1 || !Number.isInteger(count))) out.push({ path: [...path, 'InitialInstanceCount'], messageId: 'badInstanceCount', data: { count } });
        const weight = num(ctx, v.InitialVariantWeight);
        if (weight !== null && weight < 0) out.push({ path: [...path, 'InitialVariantWeight'], messageId: 'negativeWeight', data: { weight } });
        out.push(...range(ctx, v.VolumeSizeInGB, [...path, 'VolumeSizeInGB'], 'VolumeSizeInGB', 1, limit('model.volume-size-max')));
        out.push(...range(ctx, v.ModelDataDownloadTimeoutInSeconds, [...path, 'ModelDataDownloadTimeoutInSeconds'], 'ModelDataDownloadTimeoutInSeconds', tmin, tmax));
        out.push(...range(ctx, v.ContainerStartupHealthCheckTimeoutInSeconds, [...path, 'ContainerStartupHealthCheckTimeoutInSeconds'], 'ContainerStartupHealthCheckTimeoutInSeconds', tmin, tmax));
      }
      const seen = new Map<string, number>();
      for (const { v, path } of variants(ec)) {
        const name = str(ctx, v.VariantName);
        if (name === null) continue;
        const first = seen.get(name);
        if (first !== undefined) out.push({ path: [...path, 'VariantName'], messageId: 'duplicateName', data: { name, first: first + 1 } });
        else seen.set(name, Number(path[path.length - 1]));
      }
      const dc = ec.props.DataCaptureConfig;
      if (isObj(dc)) out.push(...range(ctx, dc.InitialSamplingPercentage, [...ec.base, 'DataCaptureConfig', 'InitialSamplingPercentage'], 'InitialSamplingPercentage', 0, limit('model.data-capture-sampling')));
    }
    return out;
  },
};

const NAME_FIELDS = ['EndpointConfigName', 'EndpointName', 'ModelName', 'TransformJobName'] as const;

export const resourceNames: Rule = {
  id: 'DA1012',
  name: 'resource-names',
  severity: 'error',
  title: `SageMaker names: letters, digits and hyphens, at most ${limit('model.name-length')} characters`,
  source: limitEntry('model.name-pattern').source,
  description: 'Endpoint, endpoint config, model, variant, container hostname and transform job names match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}: no underscores or dots, no leading or trailing hyphen.',
  examples: {
    invalid: 'EndpointConfigName: my_config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n',
  },
  messages: {
    tooLong: '{{field}} "{{name}}" is {{length}} characters; a SageMaker name has at most {{max}}',
    invalidName: '{{field}} "{{name}}" is not a valid SageMaker name; use letters, digits and hyphens (at most {{max}}, no leading or trailing hyphen)',
  },
  check(ctx) {
    const re = limitPattern('model.name-pattern');
    const check = (value: unknown, path: ReadonlyArray<string | number>, field: string): RawFinding[] => {
      const s = ctx.resolve(value);
      if (typeof s !== 'string' || (re.test(s) && s.length <= limit('model.name-length'))) return [];
      if (re.test(s)) return [{ path, messageId: 'tooLong', data: { field, name: s, length: s.length, max: limit('model.name-length') } }];
      return [{ path, messageId: 'invalidName', data: { field, name: s, max: limit('model.name-length') } }];
    };
    const out: RawFinding[] = [];
    for (const s of [...ctx.endpointConfigs, ...ctx.models, ...ctx.transformJobs]) {
      for (const f of NAME_FIELDS) if (s.props[f] !== undefined) out.push(...check(s.props[f], [...s.base, f], f));
    }
    for (const ec of ctx.endpointConfigs) {
      for (const { v, path } of variants(ec)) {
        out.push(...check(v.VariantName, [...path, 'VariantName'], 'VariantName'));
        out.push(...check(v.ModelName, [...path, 'ModelName'], 'ModelName'));
      }
    }
    for (const m of ctx.models) for (const { c, path } of containers(m)) out.push(...check(c.ContainerHostname, [...path, 'ContainerHostname'], 'ContainerHostname'));
    return out;
  },
};

export const asyncModelRisks: Rule = {
  id: 'DA1013',
  name: 'async-model-risks',
  severity: 'warning',
  title: 'Async endpoints with a network-isolated model',
  source: 'https://docs.aws.amazon.com/marketplace/latest/userguide/ml-service-restrictions-and-limits.html',
  description:
    'The Marketplace guide says async endpoints need models with network connectivity. The developer guide does not say so, so this is a warning. (Multi-model and multi-container models behind an async endpoint are DA1017, an error.)',
  examples: {
    invalid:
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      EnableNetworkIsolation: true\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n',
    valid:
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n',
  },
  messages: {
    networkIsolation: 'model {{model}} enables network isolation, but async endpoints need models with network connectivity; check that it works, or turn isolation off',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { m } of variantModels(ctx, (ec) => plain(ec.props.AsyncInferenceConfig))) {
      if (ctx.resolve(m.props.EnableNetworkIsolation) === true) out.push({ path: [...m.base, 'EnableNetworkIsolation'], messageId: 'networkIsolation', data: { model: m.name } });
    }
    return out;
  },
};

const ASYNC_EC = (model: string) =>
  `Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n${model}  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n`;

// The same evidence the advisor uses (limits async.multi-model and async.multi-container): the
// InvokeEndpointAsync request has no TargetModel and no TargetContainerHostname.
export const asyncUntargetedModel: Rule = {
  id: 'DA1017',
  name: 'async-untargeted-model',
  severity: 'error',
  title: 'Async endpoints cannot serve multi-model or Direct-mode multi-container models',
  source: limitEntry('async.multi-model').source,
  description:
    'InvokeEndpointAsync has no TargetModel and no TargetContainerHostname parameter, so an async request cannot pick a model of a multi-model container or a container of a Direct-mode multi-container model. Deploy one async endpoint per model (or per framework), or chain the containers in a serial inference pipeline.',
  examples: {
    invalid: ASYNC_EC('      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n        Mode: MultiModel\n        ModelDataUrl: s3://bucket/models/\n'),
    valid: ASYNC_EC('      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n'),
  },
  messages: {
    multiModel: 'model {{model}} is multi-model, but InvokeEndpointAsync has no TargetModel to pick a model; deploy one async endpoint per model',
    directMultiContainer:
      'model {{model}} is a multi-container model in Direct mode, but InvokeEndpointAsync has no TargetContainerHostname to pick a container; deploy one async endpoint per container, or use Mode Serial if the containers chain',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { m } of variantModels(ctx, (ec) => plain(ec.props.AsyncInferenceConfig))) {
      const mm = containers(m).find(({ c }) => str(ctx, c.Mode) === 'MultiModel');
      if (mm) out.push({ path: [...mm.path, 'Mode'], messageId: 'multiModel', data: { model: m.name } });
      const exec = m.props.InferenceExecutionConfig;
      if (isObj(exec) && str(ctx, exec.Mode) === 'Direct' && containers(m).length > 1) {
        out.push({ path: [...m.base, 'InferenceExecutionConfig', 'Mode'], messageId: 'directMultiContainer', data: { model: m.name } });
      }
    }
    return out;
  },
};

export const ENDPOINT_CONFIG_RULES = [
  serverlessMemorySize,
  serverlessMaxConcurrency,
  serverlessProvisionedConcurrency,
  serverlessUnsupportedConfig,
  serverlessUnsupportedModel,
  asyncOutputPath,
  asyncMaxConcurrentInvocations,
  kmsKeyWithNvme,
  volumeSizeWithNvme,
  productionVariantCount,
  unknownInstanceType,
  variantSettings,
  resourceNames,
  asyncModelRisks,
  asyncUntargetedModel,
];
