// The CloudFormation target: one template with the model, endpoint config, endpoint, and
// autoscaling where it belongs. Whatever the user did not give becomes a Parameter.

import { limit, limitEntry } from '../rules/facts/limits';
import { flagRef } from '../rules/flag-ref';
import { icNameMax, ordinal, type Deployment } from '../rules/plan/deployment';
import type { Plan } from '../rules/plan/types';
import { cfnScaling } from './cfn-scaling';
import { containersOfPlan, headerComments, isolation, isolationWaiver, modelContainers, productionVariant, waiver, type Emit } from './common';
import { icResources } from './inference-components';
import { commentKey, equals, getAtt, iff, not, ref, sub, writeYaml, type YamlValue } from './yaml';

type Obj = { [k: string]: YamlValue };

const pattern = (id: Parameters<typeof limitEntry>[0]) => String(limitEntry(id).value);
const NO_VALUE = ref('AWS::NoValue');

export const TEMPLATE_FILE = 'template.yaml';

/**
 * A suppression of DA7002 on the model resource when isolation was turned off on request. (A
 * template's Serverless or async endpoint config shows lint why its model is not isolated.)
 */
function modelWaiver(plan: Plan): Obj {
  const why = isolationWaiver(plan);
  return why && !plan.serverless && !plan.async ? { [commentKey('isolation')]: waiver('DA7002', why) } : {};
}

/** The template as data (the Terraform target translates it), and example values of its parameters. */
export interface CfnDocument {
  doc: Obj;
  /** Parameter name and an example value, for the deploy command. */
  overrides: Array<[string, string]>;
}

export function cloudFormation(e: Emit, d: Deployment): string {
  const { doc, overrides } = cloudFormationDocument(e, d);
  const stack = d.name ?? 'my-model';
  const deploy = [
    `aws cloudformation deploy --template-file ${TEMPLATE_FILE} --stack-name ${stack}${overrides.length ? ' \\' : ''}`,
    ...(overrides.length ? [`    --parameter-overrides ${overrides.map(([k, v]) => `${k}=${v}`).join(' ')}`] : []),
  ];
  return writeYaml(doc, headerComments(e, deploy), true);
}

export function cloudFormationDocument(e: Emit, d: Deployment): CfnDocument {
  const { plan, recommendation: rec } = e;
  const params: Obj = {};
  const conditions: Obj = {};
  const overrides: Array<[string, string]> = [];
  const param = (name: string, p: Obj, example?: string) => {
    params[name] = p;
    if (example !== undefined) overrides.push([name, example]);
    return ref(name);
  };
  const optional = (name: string, description: string) => {
    param(name, { Type: 'String', Default: '', Description: description });
    conditions[`Has${name}`] = not(equals(ref(name), ''));
    return (value: YamlValue) => iff(`Has${name}`, value, NO_VALUE);
  };

  const endpointName =
    d.name ?? param('EndpointName', { Type: 'String', Description: 'Name of the endpoint', AllowedPattern: pattern('model.name-pattern'), MaxLength: plan.ic ? icNameMax(plan.ic.models.length) : limit('model.name-length') }, 'my-model');
  const role =
    d.roleArn ?? param('ExecutionRoleArn', { Type: 'String', Description: 'IAM role SageMaker assumes to pull the image and model data', AllowedPattern: pattern('model.role-arn-pattern') }, 'arn:aws:iam::123456789012:role/MySageMakerRole');

  const finish = (resources: Obj, outputs: Obj): CfnDocument => {
    const doc: Obj = { AWSTemplateFormatVersion: '2010-09-09', Description: `deploy-advisor: ${rec.summary}` };
    if (Object.keys(params).length) doc.Parameters = params;
    if (Object.keys(conditions).length) doc.Conditions = conditions;
    doc.Resources = resources;
    doc.Outputs = {
      EndpointName: { Description: 'Name of the endpoint', Value: getAtt('Endpoint', 'EndpointName') },
      EndpointArn: { Description: 'ARN of the endpoint', Value: ref('Endpoint') },
      ...outputs,
    };
    return { doc, overrides };
  };
  // One key parameter: for the ML storage volume on EBS types, and for async results in S3 on any
  // type (the NVMe restriction is on the endpoint config's KmsKeyId only).
  const kmsUse = [plan.kmsAllowed ? 'the ML storage volume' : null, plan.async ? 'the async results in S3' : null].filter(Boolean).join(' and ');
  const kmsEmpty = [plan.kmsAllowed ? 'a transient key for the volume' : null, plan.async ? 'the default S3 key for results' : null].filter(Boolean).join(', ');
  const kms = kmsUse ? optional('KmsKeyId', `KMS key for ${kmsUse} (empty: ${kmsEmpty})`) : null;

  if (plan.ic) {
    const t = icResources(plan, d, { param, pattern, role, endpointName, kms: kms && plan.kmsAllowed ? kms(ref('KmsKeyId')) : null, networkIsolation: plan.networkIsolation, modelWaiver: modelWaiver(plan) });
    return finish(t.resources, t.outputs);
  }

  let containers: Obj;
  if (plan.containers === 1) {
    const multiModel = plan.architecture === 'multi-model';
    const image =
      d.images?.[0] ?? param('ImageUri', { Type: 'String', Description: 'Inference container image (registry/repository:tag)', AllowedPattern: pattern('model.image-pattern') }, '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1');
    const data =
      d.modelData?.[0] ??
      (multiModel
        ? param('ModelDataPrefix', { Type: 'String', Description: "S3 prefix holding the models' .tar.gz archives (ends with /)", AllowedPattern: '^(https|s3)://([^/]+)/(.*/)?$' }, 's3://my-bucket/models/')
        : param('ModelDataUrl', { Type: 'String', Description: 'S3 URI of model.tar.gz', AllowedPattern: pattern('model.model-data-url-pattern') }, 's3://my-bucket/model.tar.gz'));
    containers = modelContainers(plan, { image: () => image, modelData: () => data });
  } else {
    // Each container's values, in the order given; a parameter for each one not given.
    const images: YamlValue[] = [];
    const data: YamlValue[] = [];
    const names = containersOfPlan(plan).names;
    for (let i = 1; i <= plan.containers; i++) {
      const which = names[i - 1] && names[i - 1] !== `container-${i}` ? `container-${i}, ${names[i - 1]}` : `container-${i}`;
      images.push(
        d.images?.[i - 1] ??
          param(
            `Container${i}Image`,
            { Type: 'String', Description: `Image of ${which} (the ${ordinal(i)} ${flagRef('images')})`, AllowedPattern: pattern('model.image-pattern') },
            `123456789012.dkr.ecr.us-east-1.amazonaws.com/step-${i}:1`,
          ),
      );
      data.push(d.modelData?.[i - 1] ?? optional(`Container${i}ModelDataUrl`, `S3 URI of ${which}'s model.tar.gz (the ${ordinal(i)} ${flagRef('modelData')}; empty: none)`)(ref(`Container${i}ModelDataUrl`)));
    }
    containers = modelContainers(plan, { image: (i) => images[i - 1]!, modelData: (i) => data[i - 1] });
  }

  const resources: Obj = {
    Model: { ...modelWaiver(plan), Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: role, ...isolation(plan.networkIsolation), ...containers } },
  };

  const variant = productionVariant(plan, getAtt('Model', 'ModelName'));
  const endpointConfig: Obj = { ProductionVariants: [variant] };
  if (kms && plan.kmsAllowed) endpointConfig.KmsKeyId = kms(ref('KmsKeyId'));

  if (plan.async) {
    const output = d.s3Output
      ? d.s3Output.replace(/\/?$/, '/')
      : param('AsyncOutputS3Uri', { Type: 'String', Description: 'S3 prefix for results (ends with /); failures go under failures/', AllowedPattern: '^s3://([^/]+)/(.*/)?$' }, 's3://my-bucket/async-output/');
    const failure = d.s3Output ? `${d.s3Output.replace(/\/?$/, '/')}failures/` : sub('${AsyncOutputS3Uri}failures/');
    const success = optional('SuccessTopicArn', 'SNS topic for success notifications (empty: none)');
    const error = optional('ErrorTopicArn', 'SNS topic for error notifications (empty: none)');
    const outputConfig: Obj = {
      S3OutputPath: output,
      S3FailurePath: failure,
      NotificationConfig: { SuccessTopic: success(ref('SuccessTopicArn')), ErrorTopic: error(ref('ErrorTopicArn')) },
    };
    if (kms) outputConfig.KmsKeyId = kms(ref('KmsKeyId'));
    endpointConfig.AsyncInferenceConfig = {
      ClientConfig: { MaxConcurrentInvocationsPerInstance: plan.async.maxConcurrentInvocationsPerInstance },
      OutputConfig: outputConfig,
    };
  }
  resources.EndpointConfig = { Type: 'AWS::SageMaker::EndpointConfig', Properties: endpointConfig };
  resources.Endpoint = { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: endpointName, EndpointConfigName: getAtt('EndpointConfig', 'EndpointConfigName') } };

  for (const scaling of plan.scaling) {
    const maxInstances = param('MaxInstanceCount', { Type: 'Number', Default: scaling.max, MinValue: 1, Description: 'Most instances autoscaling may run' });
    const names = scaling.policyName === 'backlog' ? { policy: 'BacklogScalingPolicy', wakeAlarm: 'BacklogWithoutCapacityAlarm' } : { policy: 'InvocationsScalingPolicy', wakeAlarm: 'WakeAlarm' };
    Object.assign(
      resources,
      cfnScaling(
        scaling,
        { target: 'ScalableTarget', ...names, wakePolicy: 'ScaleFromZeroPolicy', policySuffix: `-${scaling.policyName}`, wakeSuffix: '-from-zero' },
        {
          resourceId: sub('endpoint/${Endpoint.EndpointName}/variant/AllTraffic'),
          maxCapacity: maxInstances,
          dimension: { Name: 'EndpointName', Value: getAtt('Endpoint', 'EndpointName') },
        },
      ),
    );
  }

  return finish(resources, {});
}
