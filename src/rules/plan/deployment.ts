// What the user told us about the deployment itself (names, image, S3 locations), and checks of
// those strings against the API's patterns before any of them reaches YAML.

import { limit, limitPattern, type LimitId } from '../limits';

export const DEPLOYMENT_KEYS = ['name', 'image', 'modelData', 'roleArn', 's3Output', 's3Input', 'instanceType'] as const;
export type DeploymentKey = (typeof DEPLOYMENT_KEYS)[number];
export type Deployment = Partial<Record<DeploymentKey, string>> & {
  /** EnableNetworkIsolation on the model (default true: the container cannot reach the network). */
  networkIsolation?: boolean;
};

/** Suffixes added to the name for the resources the aws-cli target names. */
export const NAME_SUFFIXES = { model: '', config: '-config', endpoint: '', job: '-transform' } as const;
const LONGEST_SUFFIX = Math.max(...Object.values(NAME_SUFFIXES).map((s) => s.length));

export interface DeploymentProblem {
  key: DeploymentKey;
  message: string;
}

function s3(id: LimitId, value: string, max: number, what: string): string | null {
  if (!limitPattern(id).test(value)) return `${JSON.stringify(value)} is not an S3 URI; use s3://bucket/prefix/`;
  if (value.length > max) return `${what} is ${value.length} characters; the API allows at most ${max}`;
  return null;
}

/** Checks each given value; returns one problem per bad value. */
export function checkDeployment(d: Deployment, o: { multiModel: boolean }): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const bad = (key: DeploymentKey, message: string | null) => message && problems.push({ key, message });
  const nameMax = limit('model.name-length') - LONGEST_SUFFIX;

  if (d.name !== undefined) {
    bad('name', !limitPattern('model.name-pattern').test(d.name)
      ? `${JSON.stringify(d.name)} is not a valid SageMaker name: use letters, digits and hyphens, starting and ending with a letter or digit`
      : d.name.length > nameMax ? `${JSON.stringify(d.name)} is ${d.name.length} characters; at most ${nameMax}, so that "${d.name.slice(0, 8)}…${NAME_SUFFIXES.job}" stays within ${limit('model.name-length')}` : null);
  }
  if (d.image !== undefined) {
    bad('image', !limitPattern('model.image-pattern').test(d.image) || !/^[^/\s]+\/[^\s]+$/.test(d.image)
      ? `${JSON.stringify(d.image)} is not an image URI; use registry/repository:tag, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1`
      : null);
  }
  if (d.modelData !== undefined) {
    let m = s3('model.model-data-url-pattern', d.modelData, limit('model.model-data-url-length'), 'the model data URI');
    if (!m && o.multiModel && !d.modelData.endsWith('/')) m = `${JSON.stringify(d.modelData)}: a multi-model endpoint loads models from an S3 prefix; end it with /`;
    if (!m && !o.multiModel && !/\.tar\.gz$/.test(d.modelData)) m = `${JSON.stringify(d.modelData)}: SageMaker expects a model.tar.gz archive; give its S3 URI`;
    bad('modelData', m);
  }
  if (d.roleArn !== undefined) {
    bad('roleArn', !limitPattern('model.role-arn-pattern').test(d.roleArn) || d.roleArn.length > limit('model.role-arn-length')
      ? `${JSON.stringify(d.roleArn)} is not an IAM role ARN; use arn:aws:iam::123456789012:role/MySageMakerRole`
      : null);
  }
  if (d.s3Output !== undefined) bad('s3Output', s3('model.model-data-url-pattern', d.s3Output, limit('async.output-path-length') - 'failures/'.length, 'the output URI'));
  if (d.s3Input !== undefined) bad('s3Input', s3('model.model-data-url-pattern', d.s3Input, limit('batch-transform.s3-uri-length'), 'the input URI'));
  if (d.instanceType !== undefined) {
    bad('instanceType', !limitPattern('model.instance-type-pattern').test(d.instanceType) ? `${JSON.stringify(d.instanceType)} is not an instance type; use e.g. ml.m5.xlarge` : null);
  }
  return problems;
}
