// Security rules: encryption keys and network isolation, with SageMaker's exceptions built in
// (no volume key on local-NVMe instance types or Serverless; no isolation on Serverless or async
// models). Warnings, so a team can turn each off in .deploy-advisor.yaml; ranked in code scanning
// through `security` (SARIF tags and security-severity).

import { hasNvme } from '../facts/instances';
import { containers, isObj, plain, str, variantModels, variants } from './helpers';
import type { Path, RawFinding, Rule, RuleContext, Subject } from './types';

const API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/';
const AT_REST = 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html';
const INTERNET_FREE = 'https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const EC = (top: string, type = 'ml.m5.xlarge') => `EndpointConfigName: my-config\n${top}ProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ${type}\n    InitialInstanceCount: 1\n`;

/**
 * Where to report a property missing from a resource: its Type line in CloudFormation, else its
 * name (the first line of an AWS CLI input, where a suppression comment can go just before it).
 */
function anchor(s: Subject, nameField: string): Path {
  if (s.base.length && s.base[s.base.length - 1] === 'Properties') return [...s.base.slice(0, -1), 'Type'];
  return s.props[nameField] !== undefined ? [...s.base, nameField] : s.base;
}

const serverless = (ec: Subject) => variants(ec).some(({ v }) => plain(v.ServerlessConfig));
/** Set in any form: a value, a !Ref, or a condition (a !If leaves the choice to the deployer, as generated templates do). */
const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const nameOf = (ctx: RuleContext, s: Subject, field: string) => str(ctx, s.props[field]) ?? s.name;

export const endpointVolumeKey: Rule = {
  id: 'DA7001',
  name: 'endpoint-volume-kms-key',
  severity: 'warning',
  security: { severity: 4.0, cwe: ['CWE-311'] },
  title: "Encrypt the endpoint's EBS storage volume with your own KMS key",
  source: AT_REST,
  description:
    'Without KmsKeyId, SageMaker encrypts the ML storage volume of each instance (/opt/ml and /tmp, where the model is unpacked) with a transient key that it discards, so you cannot control, audit or revoke access to the data, and compliance rules that call for a customer managed key are not met. Reported only when every variant runs on an instance type with EBS storage, from the same family table that DA1008 uses: never on types with local NVMe storage (g4dn, g5, g6, p4d, p5, the d families), where CreateEndpointConfig rejects a key and the instance encrypts the storage in hardware; never on Serverless, which rejects a key (DA1004); and not when the type is unknown. Endpoint configs that host inference components are checked the same way. A KmsKeyId given as a parameter or a condition counts as set. checkov CKV_AWS_98 (Terraform only) asks for the key on every type, NVMe included, which fails at deploy time.',
  examples: { invalid: EC(''), valid: EC(`KmsKeyId: ${KEY}\n`) },
  messages: { noKey: 'endpoint config {{config}} has no KmsKeyId; on {{types}} the model is stored on an EBS volume that a key of yours can encrypt: add KmsKeyId (a key ARN or alias)' },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const ec of ctx.endpointConfigs) {
      if (present(ec.props.KmsKeyId) || serverless(ec)) continue;
      const vs = variants(ec);
      const types = vs.map(({ v }) => str(ctx, v.InstanceType));
      // Every type known and EBS-backed; otherwise a key is an error (NVMe) or a guess (unknown, unresolved).
      if (!vs.length || types.some((t) => t === null || hasNvme(t) !== false)) continue;
      out.push({ path: anchor(ec, 'EndpointConfigName'), messageId: 'noKey', data: { config: nameOf(ctx, ec, 'EndpointConfigName'), types: [...new Set(types)].join(', ') } });
    }
    return out;
  },
};

/** What a container fetches over the network at start-up, which isolation blocks; null if nothing seen. */
function startupDownload(ctx: RuleContext, c: Record<string, unknown>): { what: string; fix: string; key: string } | null {
  if (!isObj(c.Environment)) return null;
  // The Hugging Face containers download HF_MODEL_ID from the Hub when no model data comes from S3.
  const hub = str(ctx, c.Environment.HF_MODEL_ID);
  if (hub !== null && c.ModelDataUrl === undefined && c.ModelDataSource === undefined) {
    return { what: `the weights of ${hub} from the Hugging Face Hub`, fix: 'put the weights in S3 (ModelDataUrl)', key: 'HF_MODEL_ID' };
  }
  // Framework containers fetch inference code named by an S3 URI themselves, with credentials isolation withholds.
  const code = str(ctx, c.Environment.SAGEMAKER_SUBMIT_DIRECTORY);
  if (code !== null && code.startsWith('s3://'))
    return { what: `its inference code from ${code}`, fix: 'pack the code into model.tar.gz (code/) and point SAGEMAKER_SUBMIT_DIRECTORY at /opt/ml/model/code', key: 'SAGEMAKER_SUBMIT_DIRECTORY' };
  return null;
}

export const modelNetworkIsolation: Rule = {
  id: 'DA7002',
  name: 'model-network-isolation',
  severity: 'warning',
  security: { severity: 5.0, cwe: ['CWE-668'] },
  title: 'Isolate the model container from the network',
  source: INTERNET_FREE,
  description:
    'Model containers can reach the internet by default, so code in them (or a library installed by mistake) can send your data anywhere. With EnableNetworkIsolation no network calls can be made from the container and no AWS credentials are given to it; SageMaker still fetches the image and the model data from S3 outside the container. What isolation breaks, so check before turning it on: containers that download at start-up (weights from the Hugging Face Hub through HF_MODEL_ID, inference code from an S3 SAGEMAKER_SUBMIT_DIRECTORY, pip installs of requirements.txt), inference code that calls AWS APIs or other services, and async endpoints, which the Marketplace guide says need network connectivity. So the rule is weighed with DA1013 and DA1005 and never advises the opposite of them: it skips models that an async endpoint config in the same file serves (DA1013 warns about isolation there) and models of Serverless variants (which do not support isolation, DA1005). Models deployed by inference components run on Real-Time instances and are checked. A container that downloads at start-up is told what to move into S3 first. An EnableNetworkIsolation given as a parameter without a default, or a condition, is not guessed. checkov CKV_AWS_370 asks for isolation on every model, Serverless and async included.',
  examples: {
    invalid: 'ModelName: my-model\nExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\nPrimaryContainer:\n  Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n  ModelDataUrl: s3://bucket/model.tar.gz\n',
    valid:
      'ModelName: my-model\nExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\nEnableNetworkIsolation: true\nPrimaryContainer:\n  Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n  ModelDataUrl: s3://bucket/model.tar.gz\n',
  },
  messages: {
    missing: 'model {{model}} does not enable network isolation; add EnableNetworkIsolation: true unless its container must reach the network (downloads at start-up, calls to other services)',
    disabled: 'model {{model}} turns network isolation off; if its container does not need the network, set EnableNetworkIsolation: true',
    downloadsAtStartup: 'model {{model}} is not network-isolated, and its container downloads {{what}} at start-up, which isolation would block: {{fix}}, then add EnableNetworkIsolation: true',
  },
  check(ctx) {
    // Models where isolation is unsupported (Serverless) or may break the endpoint (async): DA1005 and DA1013 speak for them.
    const exempt = new Set(variantModels(ctx, (ec, v) => plain(v.ServerlessConfig) || plain(ec.props.AsyncInferenceConfig)).map(({ m }) => m));
    const out: RawFinding[] = [];
    for (const m of ctx.models) {
      if (exempt.has(m)) continue;
      const v = m.props.EnableNetworkIsolation;
      const r = ctx.resolve(v);
      if (r === true || r === 'true') continue;
      const name = nameOf(ctx, m, 'ModelName');
      if (r === false || r === 'false') {
        out.push({ path: [...m.base, 'EnableNetworkIsolation'], messageId: 'disabled', data: { model: name } });
        continue;
      }
      if (present(v)) continue; // a parameter without a default, or a condition: not guessed
      const fetcher = containers(m)
        .map(({ c, path }) => ({ path, d: startupDownload(ctx, c) }))
        .find((x) => x.d !== null);
      if (fetcher) {
        const d = fetcher.d!;
        out.push({ path: [...fetcher.path, 'Environment', d.key], messageId: 'downloadsAtStartup', data: { model: name, what: d.what, fix: d.fix } });
      } else {
        out.push({ path: anchor(m, 'ModelName'), messageId: 'missing', data: { model: name } });
      }
    }
    return out;
  },
};

/** A finding when an S3 output config (DataCaptureConfig, async OutputConfig) has no KmsKeyId: at the mapping, naming where the data goes. */
function s3OutputWithoutKey(ctx: RuleContext, ec: Subject, where: Path, config: unknown, uriField: string): RawFinding[] {
  if (!plain(config) || present(config.KmsKeyId)) return [];
  return [{ path: [...ec.base, ...where], messageId: 'noKey', data: { destination: str(ctx, config[uriField]) ?? 'S3' } }];
}

export const dataCaptureKey: Rule = {
  id: 'DA7003',
  name: 'data-capture-kms-key',
  severity: 'warning',
  security: { severity: 5.0, cwe: ['CWE-311'] },
  title: 'Encrypt captured requests and responses with your own KMS key',
  source: `${API}API_DataCaptureConfig.html`,
  description:
    "Data capture copies real inference inputs and outputs, often personal data, to S3. Without DataCaptureConfig.KmsKeyId they are encrypted with the account's default key for S3, which you cannot restrict to the people who may read captured data, and which cannot be shared across accounts. This key encrypts S3 objects, so it is allowed on every instance type, NVMe included. Not reported with a Serverless variant, which does not support data capture at all (DA1004), nor when capture is turned off (EnableCapture: false).",
  examples: {
    invalid: EC('DataCaptureConfig:\n  InitialSamplingPercentage: 10\n  DestinationS3Uri: s3://bucket/capture/\n  CaptureOptions:\n    - CaptureMode: Input\n', 'ml.g5.xlarge'),
    valid: EC(`DataCaptureConfig:\n  InitialSamplingPercentage: 10\n  DestinationS3Uri: s3://bucket/capture/\n  KmsKeyId: ${KEY}\n  CaptureOptions:\n    - CaptureMode: Input\n`, 'ml.g5.xlarge'),
  },
  messages: { noKey: 'DataCaptureConfig has no KmsKeyId, so captured requests and responses in {{destination}} are encrypted with the default S3 key; add KmsKeyId (a key ARN or alias)' },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) => {
      const dc = ec.props.DataCaptureConfig;
      if (serverless(ec) || (plain(dc) && [false, 'false'].includes(ctx.resolve(dc.EnableCapture) as string))) return [];
      return s3OutputWithoutKey(ctx, ec, ['DataCaptureConfig'], dc, 'DestinationS3Uri');
    });
  },
};

export const asyncOutputKey: Rule = {
  id: 'DA7004',
  name: 'async-output-kms-key',
  severity: 'warning',
  security: { severity: 4.0, cwe: ['CWE-311'] },
  title: 'Encrypt async inference results with your own KMS key',
  source: `${API}API_AsyncInferenceOutputConfig.html`,
  description:
    "An asynchronous endpoint writes every response (and every error) to S3. Without OutputConfig.KmsKeyId they are encrypted with the account's default key for S3, which you cannot restrict or share across accounts. This key encrypts S3 objects, so unlike the endpoint config's KmsKeyId it is allowed on instance types with local NVMe storage too.",
  examples: {
    invalid: EC('AsyncInferenceConfig:\n  OutputConfig:\n    S3OutputPath: s3://bucket/async-output/\n', 'ml.g5.xlarge'),
    valid: EC(`AsyncInferenceConfig:\n  OutputConfig:\n    S3OutputPath: s3://bucket/async-output/\n    KmsKeyId: ${KEY}\n`, 'ml.g5.xlarge'),
  },
  messages: { noKey: 'AsyncInferenceConfig.OutputConfig has no KmsKeyId, so results in {{destination}} are encrypted with the default S3 key; add KmsKeyId (a key ARN or alias)' },
  check(ctx) {
    return ctx.endpointConfigs.flatMap((ec) => {
      const a = ec.props.AsyncInferenceConfig;
      return plain(a) ? s3OutputWithoutKey(ctx, ec, ['AsyncInferenceConfig', 'OutputConfig'], a.OutputConfig, 'S3OutputPath') : [];
    });
  },
};

export const SECURITY_RULES = [endpointVolumeKey, modelNetworkIsolation, dataCaptureKey, asyncOutputKey];
