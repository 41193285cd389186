// The AWS CLI target: input files for `aws sagemaker <operation> --cli-input-yaml file://...`.
// Values the user did not give are written as <PLACEHOLDERS> and listed in the warnings.

import { flagRef } from '../rules/flag-ref';
import { icSuffix, NAME_SUFFIXES, type Deployment } from '../rules/plan/deployment';
import { cliScaling } from './cli-scaling';
import { headerComments, isolation, isolationWaiver, modelContainers, productionVariant, waiver, type Emit } from './common';
import { icCliOps } from './inference-components';
import { commentKey, writeYaml, type YamlValue } from './yaml';

type Obj = { [k: string]: YamlValue };

export interface CliFile {
  operation: 'create-model' | 'create-endpoint-config' | 'create-endpoint' | 'create-transform-job' | 'create-inference-component';
  name: string;
  content: string;
}

const PLACEHOLDERS = {
  image: '<ACCOUNT>.dkr.ecr.<REGION>.amazonaws.com/<REPOSITORY>:<TAG>',
  modelData: 's3://<BUCKET>/<PREFIX>/model.tar.gz',
  modelDataPrefix: 's3://<BUCKET>/<PREFIX>/models/',
  roleArn: 'arn:aws:iam::<ACCOUNT>:role/<ROLE>',
  s3Output: 's3://<BUCKET>/<PREFIX>/output/',
  s3Input: 's3://<BUCKET>/<PREFIX>/input/',
} as const;

const FLAGS: Record<keyof typeof PLACEHOLDERS, string> = {
  image: flagRef('images'),
  modelData: flagRef('modelData'),
  modelDataPrefix: flagRef('modelData'),
  roleArn: flagRef('roleArn'),
  s3Output: flagRef('s3Output'),
  s3Input: flagRef('s3Input'),
};

export function awsCli(e: Emit, d: Deployment): { files: CliFile[]; placeholders: string[]; script: string } {
  const { plan } = e;
  const missing = new Set<string>();
  const value = (key: keyof typeof PLACEHOLDERS, given: string | undefined) => {
    if (given !== undefined) return given;
    missing.add(FLAGS[key]);
    return PLACEHOLDERS[key];
  };
  const name = d.name ?? 'my-model';
  const names = { model: name + NAME_SUFFIXES.model, config: name + NAME_SUFFIXES.config, endpoint: name + NAME_SUFFIXES.endpoint, job: name + NAME_SUFFIXES.job };
  const multiModel = plan.architecture === 'multi-model';

  type Op = { operation: CliFile['operation']; body: Obj; file?: string; notes?: string[] };
  const ops: Op[] = [];
  // Several containers (or models): each takes its value in order; what is not given stays a
  // numbered placeholder, and the warning says to give the flag once per container.
  const perContainer = new Set<'image' | 'model data'>();
  const nth = (list: string[] | undefined, i: number, what: 'image' | 'model data', placeholder: string) => {
    const given = list?.[what === 'image' && list.length === 1 ? 0 : i - 1];
    if (given !== undefined) return given;
    perContainer.add(what);
    return placeholder;
  };
  const several = (n: number, what: string) => {
    if (perContainer.size)
      missing.add(`the ${[...perContainer].join(' and ')} of each of the ${n} ${what} (${[...perContainer].map((x) => flagRef(x === 'image' ? 'images' : 'modelData')).join(' and ')} once per ${what.replace(/s$/, '')}, in order)`);
  };
  if (plan.ic) {
    const n = plan.ic.models.length;
    ops.push(
      ...icCliOps(plan, {
        name,
        role: value('roleArn', d.roleArn),
        networkIsolation: plan.networkIsolation,
        image: (m) => (n === 1 ? value('image', d.images?.[0]) : nth(d.images, m.index, 'image', PLACEHOLDERS.image.replace('<REPOSITORY>', `<REPOSITORY-${m.index}>`))),
        modelData: (m) => (n === 1 ? value('modelData', d.modelData?.[0]) : nth(d.modelData, m.index, 'model data', PLACEHOLDERS.modelData.replace('model.tar.gz', `model-${m.index}/model.tar.gz`))),
      }),
    );
    several(n, 'models');
  } else {
    const containers = modelContainers(plan, {
      image: (i) => (plan.containers === 1 ? value('image', d.images?.[0]) : nth(d.images, i, 'image', PLACEHOLDERS.image.replace('<REPOSITORY>', `<REPOSITORY-${i}>`))),
      modelData: (i) => (plan.containers === 1 ? value(multiModel ? 'modelDataPrefix' : 'modelData', d.modelData?.[0]) : nth(d.modelData, i, 'model data', PLACEHOLDERS.modelData.replace('model.tar.gz', `step-${i}/model.tar.gz`))),
    });
    several(plan.containers, 'containers');
    const model: Obj = { ModelName: names.model, ExecutionRoleArn: value('roleArn', d.roleArn), ...isolation(plan.networkIsolation), ...containers };

    ops.push({ operation: 'create-model', body: model });
    if (plan.batch) {
      const b = plan.batch;
      const input: Obj = { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: value('s3Input', d.s3Input) } }, CompressionType: 'None', SplitType: b.splitType };
      if (b.contentType) input.ContentType = b.contentType;
      const job: Obj = { TransformJobName: names.job, ModelName: names.model };
      if (b.batchStrategy) job.BatchStrategy = b.batchStrategy;
      Object.assign(job, {
        MaxConcurrentTransforms: b.maxConcurrentTransforms,
        MaxPayloadInMB: b.maxPayloadInMB,
        ModelClientConfig: { InvocationsTimeoutInSeconds: b.invocationsTimeoutInSeconds, InvocationsMaxRetries: b.invocationsMaxRetries },
        TransformInput: input,
        TransformOutput: { S3OutputPath: value('s3Output', d.s3Output), AssembleWith: b.assembleWith },
        TransformResources: { InstanceType: plan.instanceType!, InstanceCount: b.instanceCount },
      });
      ops.push({ operation: 'create-transform-job', body: job });
    } else {
      const variant = productionVariant(plan, names.model);
      const config: Obj = { EndpointConfigName: names.config, ProductionVariants: [variant] };
      if (plan.async) {
        const out = value('s3Output', d.s3Output).replace(/\/?$/, '/');
        config.AsyncInferenceConfig = {
          ClientConfig: { MaxConcurrentInvocationsPerInstance: plan.async.maxConcurrentInvocationsPerInstance },
          // An input file cannot leave the key to the deployer as a template parameter does: say where it goes.
          [commentKey('kms')]: waiver('DA7004', 'no key given, so results are encrypted with the default S3 key; to use your own, add KmsKeyId: <key ARN> under OutputConfig and delete this line'),
          OutputConfig: { S3OutputPath: out, S3FailurePath: `${out}failures/` },
        };
      }
      ops.push({ operation: 'create-endpoint-config', body: config });
      ops.push({ operation: 'create-endpoint', body: { EndpointName: names.endpoint, EndpointConfigName: names.config } });
    }
  }

  const placeholders = [...missing];
  const fileOf = (o: Op) => o.file ?? `${o.operation}.yaml`;
  // Where lint would warn about what this file leaves out on purpose, a suppression with the reason,
  // on the line before the finding: the file passes lint and says why.
  const isolationWhy = isolationWaiver(plan);
  const files = ops.map((op, k) => {
    const { operation } = op;
    let body = op.body;
    if (operation === 'create-model' && isolationWhy) body = { [commentKey('isolation')]: waiver('DA7002', isolationWhy), ...body };
    if (operation === 'create-endpoint-config' && plan.kmsAllowed)
      body = { [commentKey('kms')]: waiver('DA7001', `no key given, so SageMaker encrypts the storage volume with a transient key; to use your own, add KmsKeyId: <key ARN> and delete this line`), ...body };
    const file = fileOf(op);
    const deploy = [`aws sagemaker ${operation} --cli-input-yaml file://${file}`, ...(k > 0 ? [`(after ${ops.slice(0, k).map(fileOf).join(', then ')})`] : [])];
    const notes: string[] = [...(op.notes ?? [])];
    if (placeholders.length) notes.push(`Replace the <PLACEHOLDERS> first, or generate again with ${placeholders.join(', ')}.`);
    const newer = plan.serverless?.provisionedConcurrency ? 'ProvisionedConcurrency' : plan.async ? 'S3FailurePath' : null;
    if (operation === 'create-endpoint-config' && newer) notes.push(`${newer} needs an AWS CLI released after mid-2023 (older API models reject it).`);
    if (operation === 'create-endpoint' && !plan.ic) {
      for (const s of plan.scaling) {
        notes.push(
          `Autoscaling (${s.min} to ${s.max} instances), once the endpoint is InService (aws sagemaker wait endpoint-in-service --endpoint-name ${names.endpoint}):`,
          ...cliScaling(s, { resourceId: `endpoint/${names.endpoint}/variant/AllTraffic`, name: names.endpoint, dimension: { Name: 'EndpointName', Value: names.endpoint } }),
        );
      }
    }
    if (operation === 'create-transform-job') notes.push('Transform job names are unique per account and Region: change TransformJobName for each run.');
    const comments = headerComments(e, deploy);
    if (notes.length) comments.push('', ...notes);
    return { operation, name: file, content: writeYaml(body, comments) };
  });
  return { files, placeholders, script: deployScript(e, files, names, placeholders) };
}

/** The lines of cliScaling as shell: commands as they are, the rest as comments. */
const shell = (lines: string[]) => lines.map((l) => (l.startsWith('  ') ? l.slice(2) : `# ${l}`));

/**
 * deploy.sh: runs the input files in order and then the autoscaling the plan was priced with, so
 * that deploying the folder as written gives the plan (the commands are the ones the files'
 * comments give).
 */
function deployScript(e: Emit, files: CliFile[], names: { endpoint: string }, placeholders: string[]): string {
  const { plan } = e;
  const out = [
    '#!/bin/sh',
    `# Generated by deploy-advisor: deploys the files in this folder in order, then the autoscaling the`,
    "# plan was priced with (Application Auto Scaling and CloudWatch). Read each file's header first.",
    '# Needs the AWS CLI v2 and credentials that may create these resources. Run: sh deploy.sh',
    'set -eu',
    'cd "$(dirname "$0")"',
  ];
  if (placeholders.length) {
    out.push("if grep -l '<[A-Z][A-Z0-9-]*>' ./*.yaml >/dev/null; then", `  echo 'deploy.sh: replace the <PLACEHOLDERS> in the .yaml files first, or generate again with ${placeholders.join(', ').replace(/'/g, '')}' >&2`, '  exit 2', 'fi');
  }
  const components = files.filter((f) => f.operation === 'create-inference-component');
  for (const f of files) {
    if (f.operation === 'create-inference-component') continue;
    out.push(`aws sagemaker ${f.operation} --cli-input-yaml file://${f.name}`);
    if (f.operation === 'create-endpoint') out.push(`aws sagemaker wait endpoint-in-service --endpoint-name ${names.endpoint}`);
  }
  if (components.length) {
    out.push(
      'wait_component() {',
      '  while :; do',
      '    status=$(AWS_DEFAULT_OUTPUT=text aws sagemaker describe-inference-component --inference-component-name "$1" --query InferenceComponentStatus)',
      '    case "$status" in',
      '      InService) return 0 ;;',
      '      Failed) echo "deploy.sh: inference component $1 failed: aws sagemaker describe-inference-component --inference-component-name $1" >&2; exit 1 ;;',
      '    esac',
      '    sleep 30',
      '  done',
      '}',
    );
    for (const f of components) out.push(`aws sagemaker create-inference-component --cli-input-yaml file://${f.name}`);
  }
  for (const s of plan.scaling) {
    if (s.component !== null) {
      const name = names.endpoint + icSuffix(s.component);
      out.push(`wait_component ${name}`, ...shell(cliScaling(s, { resourceId: `inference-component/${name}`, name, dimension: { Name: 'InferenceComponentName', Value: name } })));
    } else {
      out.push(...shell(cliScaling(s, { resourceId: `endpoint/${names.endpoint}/variant/AllTraffic`, name: names.endpoint, dimension: { Name: 'EndpointName', Value: names.endpoint } })));
    }
  }
  out.push(`echo 'deploy.sh: done'`);
  return out.join('\n') + '\n';
}
