// What the user told us about the deployment itself (names, image, S3 locations), and checks of
// those strings against the API's patterns before any of them reaches YAML.

import type { Architecture } from './types';
import { limit, limitPattern, type LimitId } from '../facts/limits';
import { formatBytes } from '../units';

/** Values given once per deployment. */
export const DEPLOYMENT_KEYS = ['name', 'roleArn', 's3Output', 's3Input', 'instanceType'] as const;
/** Input-table keys of the deployment values, for messages that name their flag. */
export type DeploymentKey = (typeof DEPLOYMENT_KEYS)[number] | 'images' | 'modelData';
export type Deployment = Partial<Record<(typeof DEPLOYMENT_KEYS)[number], string>> & {
  /** Each container's image, in order (see containersOf); or one that every container shares, where that is allowed. */
  images?: string[];
  /** Each container's model data (S3 URI of model.tar.gz, or a multi-model S3 prefix), in order. */
  modelData?: string[];
  /** EnableNetworkIsolation on the model (default true: the container cannot reach the network). */
  networkIsolation?: boolean;
};

/** The containers of an architecture, in the order images and model data are given. */
export interface Containers {
  /** What each container is, e.g. "step 2 of 3", "model 2 (8 GB)". */
  names: string[];
  /** What they are, for messages: "the steps of the serial pipeline". */
  whole: string;
  /** How many images may be given: one per container, or (several models of one framework) one they all share. */
  images: number[];
  modelData: number[];
}

/** The counts that decide the containers: a workload's answers, or a plan's (see containersOfPlan in src/emit/common.ts). */
export interface ContainerCounts {
  pipeline: number;
  frameworks: number;
  models: number;
  /** Each model's size, in order (null: not known). */
  modelSizes?: ReadonlyArray<number | null> | null;
}

/** Which container is which: one per pipeline step, per framework, or per model as an inference component. */
export function containersOf(architecture: Architecture, w: ContainerCounts): Containers {
  const each = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, k) => name(k + 1));
  switch (architecture) {
    case 'serial-pipeline':
      return { names: each(w.pipeline, (i) => `step ${i} of ${w.pipeline}`), whole: 'the steps of the serial pipeline', images: [w.pipeline], modelData: [w.pipeline] };
    case 'multi-container':
      return { names: each(w.frameworks, (i) => `container-${i}`), whole: 'one per framework, on a multi-container endpoint', images: [w.frameworks], modelData: [w.frameworks] };
    case 'inference-components': {
      const sizes = w.modelSizes?.length === w.models ? w.modelSizes : null;
      const size = (i: number) => (sizes && sizes[i - 1] != null ? ` (${formatBytes(sizes[i - 1]!)})` : '');
      return {
        names: each(w.models, (i) => `model ${i}${size(i)}`),
        whole: `inference components, one model each${sizes && w.models > 1 ? ', in the order of the model sizes' : ''}`,
        images: w.frameworks === 1 && w.models > 1 ? [1, w.models] : [w.models],
        modelData: [w.models],
      };
    }
    case 'multi-model':
      return { names: ['the multi-model container'], whole: 'a multi-model endpoint loads every model from one S3 prefix', images: [1], modelData: [1] };
    default:
      return { names: ['the model'], whole: 'the model', images: [1], modelData: [1] };
  }
}

/** 1st, 2nd, 3rd, 4th… */
export const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A count of images or model data that does not match the containers: what to give instead. */
function countProblem(given: number, allowed: number[], c: Containers, what: 'image' | 'S3 URI'): string | null {
  if (allowed.includes(given)) return null;
  const n = c.names.length;
  if (n === 1) return `given ${times(given)} for one container (${c.whole}): give one ${what}`;
  const shared = allowed.includes(1) ? `one ${what} that ${n === 2 ? 'both' : `all ${n}`} share, or ` : '';
  return `given ${times(given)} for ${n} containers (${c.whole}): give ${shared}one ${what} per container, in order: ${c.names.map((x, k) => `${k + 1}. ${x}`).join(', ')}`;
}

/** Suffixes added to the name for the resources the aws-cli target names. */
export const NAME_SUFFIXES = { model: '', config: '-config', endpoint: '', job: '-transform' } as const;
const LONGEST_SUFFIX = Math.max(...Object.values(NAME_SUFFIXES).map((s) => s.length));
/** The suffix of inference component i's name, after the endpoint name. */
export const icSuffix = (i: number) => `-ic${i}`;
/** Room left in an endpoint name for the longest component suffix. */
export const icNameMax = (models: number) => limit('model.name-length') - icSuffix(models).length;

export interface DeploymentProblem {
  key: DeploymentKey;
  message: string;
}

function s3(id: LimitId, value: string, max: number, what: string): string | null {
  if (!limitPattern(id).test(value)) return `${JSON.stringify(value)} is not an S3 URI; use s3://bucket/prefix/`;
  if (value.length > max) return `${what} is ${value.length} characters; the API allows at most ${max}`;
  return null;
}

/**
 * Checks each given value; returns one problem per bad value. With the recommendation's
 * containers, images and model data must come once per container.
 */
export function checkDeployment(d: Deployment, o: { multiModel: boolean; containers?: Containers | null }): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const bad = (key: DeploymentKey, message: string | null) => message && problems.push({ key, message });
  const nameMax = limit('model.name-length') - LONGEST_SUFFIX;

  if (d.name !== undefined) {
    bad(
      'name',
      !limitPattern('model.name-pattern').test(d.name)
        ? `${JSON.stringify(d.name)} is not a valid SageMaker name: use letters, digits and hyphens, starting and ending with a letter or digit`
        : d.name.length > nameMax
          ? `${JSON.stringify(d.name)} is ${d.name.length} characters; at most ${nameMax}, so that "${d.name.slice(0, 8)}…${NAME_SUFFIXES.job}" stays within ${limit('model.name-length')}`
          : null,
    );
  }
  // One value per container: a bad one is named by its place (value 2 of 3: step 2 of 3).
  const each = (key: 'images' | 'modelData', list: string[] | undefined, check: (v: string) => string | null) => {
    if (list === undefined) return;
    const count = o.containers ? countProblem(list.length, o.containers[key], o.containers, key === 'images' ? 'image' : 'S3 URI') : null;
    if (count) return bad(key, count);
    list.forEach((v, k) => {
      const m = check(v);
      const which = o.containers && o.containers.names.length === list.length ? ` (${o.containers.names[k]})` : '';
      if (m) bad(key, list.length > 1 ? `value ${k + 1} of ${list.length}${which}: ${m}` : m);
    });
  };
  each('images', d.images, (image) =>
    !limitPattern('model.image-pattern').test(image) || !/^[^/\s]+\/[^\s]+$/.test(image) ? `${JSON.stringify(image)} is not an image URI; use registry/repository:tag, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:1` : null,
  );
  each('modelData', d.modelData, (data) => {
    let m = s3('model.model-data-url-pattern', data, limit('model.model-data-url-length'), 'the model data URI');
    if (!m && o.multiModel && !data.endsWith('/')) m = `${JSON.stringify(data)}: a multi-model endpoint loads models from an S3 prefix; end it with /`;
    if (!m && !o.multiModel && !/\.tar\.gz$/.test(data)) m = `${JSON.stringify(data)}: SageMaker expects a model.tar.gz archive; give its S3 URI`;
    return m;
  });
  if (d.roleArn !== undefined) {
    bad(
      'roleArn',
      !limitPattern('model.role-arn-pattern').test(d.roleArn) || d.roleArn.length > limit('model.role-arn-length') ? `${JSON.stringify(d.roleArn)} is not an IAM role ARN; use arn:aws:iam::123456789012:role/MySageMakerRole` : null,
    );
  }
  if (d.s3Output !== undefined) bad('s3Output', s3('model.model-data-url-pattern', d.s3Output, limit('async.output-path-length') - 'failures/'.length, 'the output URI'));
  if (d.s3Input !== undefined) bad('s3Input', s3('model.model-data-url-pattern', d.s3Input, limit('batch-transform.s3-uri-length'), 'the input URI'));
  if (d.instanceType !== undefined) {
    bad('instanceType', !limitPattern('model.instance-type-pattern').test(d.instanceType) ? `${JSON.stringify(d.instanceType)} is not an instance type; use e.g. ml.m5.xlarge` : null);
  }
  return problems;
}
