// Rules on models: AWS::SageMaker::Model resources and `aws sagemaker create-model` inputs.

import { limit, limitEntry, limitPattern } from '../facts/limits';
import { containers, given, isObj, str } from './helpers';
import type { RawFinding, Rule } from './types';

const API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/';
const MODEL = (body: string) => `ModelName: my-model\nExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n${body}`;
const image = (n: number) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/step-${n}:1`;

export const modelContainerCount: Rule = {
  id: 'DA2001',
  name: 'model-container-count',
  severity: 'error',
  title: `A model has one container, or ${limit('serial-pipeline.containers-min')}-${limit('model.containers')} in Containers`,
  source: limitEntry('model.containers').source,
  description: `Give either PrimaryContainer or Containers. Multi-container endpoints and serial inference pipelines take at most ${limit('model.containers')} containers.`,
  examples: {
    invalid: MODEL(`Containers:\n${Array.from({ length: 16 }, (_, i) => `  - Image: ${image(i + 1)}\n`).join('')}`),
    valid: MODEL(`Containers:\n${Array.from({ length: 3 }, (_, i) => `  - Image: ${image(i + 1)}\n`).join('')}`),
  },
  inferredFromAbsence: ['noContainer'],
  messages: {
    noContainer: 'the model has neither PrimaryContainer nor Containers; add the inference container',
    bothContainerFields: 'the model has both PrimaryContainer and Containers; keep one',
    tooManyContainers: '{{count}} containers; a model holds at most {{max}}: merge steps or split across endpoints',
  },
  check(ctx) {
    return ctx.models.flatMap((m) => {
      const list = m.props.Containers;
      if (m.props.PrimaryContainer === undefined && list === undefined) return [{ path: m.base, messageId: 'noContainer' }];
      // Both only when both are surely there: a condition or a Terraform dynamic block may be empty.
      if (given(ctx, m.props.PrimaryContainer) && given(ctx, list)) return [{ path: [...m.base, 'Containers'], messageId: 'bothContainerFields' }];
      if (Array.isArray(list) && list.length > limit('model.containers')) return [{ path: [...m.base, 'Containers', limit('model.containers')], messageId: 'tooManyContainers', data: { count: list.length, max: limit('model.containers') } }];
      return [];
    });
  },
};

export const directModeHostnames: Rule = {
  id: 'DA2002',
  name: 'direct-mode-hostnames',
  severity: 'error',
  title: 'Multi-container Direct mode needs a ContainerHostname on every container',
  source: limitEntry('multi-container.containers').source,
  description: 'In Direct mode each container is invoked by its hostname (TargetContainerHostname), so every container needs one. In Serial mode, if one container has a hostname, all must.',
  examples: {
    invalid: MODEL(`Containers:\n  - ContainerHostname: first\n    Image: ${image(1)}\n  - Image: ${image(2)}\nInferenceExecutionConfig:\n  Mode: Direct\n`),
    valid: MODEL(`Containers:\n  - ContainerHostname: first\n    Image: ${image(1)}\n  - ContainerHostname: second\n    Image: ${image(2)}\nInferenceExecutionConfig:\n  Mode: Direct\n`),
  },
  inferredFromAbsence: ['directNoHostname', 'someHostnames'],
  messages: {
    directNoHostname: 'this container has no ContainerHostname, which Direct mode needs to route requests to it',
    someHostnames: 'this container has no ContainerHostname while others do; give every container one, or none',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const m of ctx.models) {
      if (!Array.isArray(m.props.Containers)) continue;
      const cs = containers(m);
      const mode = isObj(m.props.InferenceExecutionConfig) ? str(ctx, m.props.InferenceExecutionConfig.Mode) : null;
      const named = cs.filter(({ c }) => c.ContainerHostname !== undefined).length;
      if (mode === 'Direct' || named > 0) {
        for (const { c, path } of cs) {
          if (c.ContainerHostname === undefined) {
            out.push({ path, messageId: mode === 'Direct' ? 'directNoHostname' : 'someHostnames' });
          }
        }
      }
    }
    return out;
  },
};

export const multiModelDataPrefix: Rule = {
  id: 'DA2003',
  name: 'multi-model-data-prefix',
  severity: 'error',
  title: 'A multi-model container loads models from an S3 prefix ending in /',
  source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html',
  description: "With Mode MultiModel, ModelDataUrl is the S3 prefix that holds the models' .tar.gz archives, not one archive.",
  examples: {
    invalid: MODEL(`PrimaryContainer:\n  Image: ${image(1)}\n  Mode: MultiModel\n  ModelDataUrl: s3://bucket/models/model.tar.gz\n`),
    valid: MODEL(`PrimaryContainer:\n  Image: ${image(1)}\n  Mode: MultiModel\n  ModelDataUrl: s3://bucket/models/\n`),
  },
  messages: { notPrefix: 'ModelDataUrl "{{url}}" is not an S3 prefix; a multi-model container needs the folder of the models, ending in /' },
  check(ctx) {
    return ctx.models.flatMap((m) =>
      containers(m).flatMap(({ c, path }) => {
        if (str(ctx, c.Mode) !== 'MultiModel') return [];
        const url = str(ctx, c.ModelDataUrl);
        if (url === null || url.endsWith('/')) return [];
        return [{ path: [...path, 'ModelDataUrl'], messageId: 'notPrefix', data: { url } }];
      }),
    );
  },
};

export const containerFields: Rule = {
  id: 'DA2004',
  name: 'container-fields',
  severity: 'error',
  title: 'Containers have an image; image, model data, role and environment match the API',
  source: `${API}API_ContainerDefinition.html`,
  description: `Image is registry/repository[:tag] without spaces (at most 255 characters); ModelDataUrl an s3:// or https:// URI (at most ${limit('model.model-data-url-length')}); ExecutionRoleArn an IAM role ARN; Environment at most ${limit('model.environment-entries')} entries, with keys like [a-zA-Z_][a-zA-Z0-9_]* and values of at most ${limit('model.environment-value-length')} characters.`,
  examples: {
    invalid: `ModelName: my-model\nExecutionRoleArn: my-role\nPrimaryContainer:\n  Image: my image\n  Environment:\n    MODEL-NAME: bert\n`,
    valid: MODEL(`PrimaryContainer:\n  Image: ${image(1)}\n  Environment:\n    MODEL_NAME: bert\n`),
  },
  inferredFromAbsence: ['noImage'],
  messages: {
    rolePlaceholder: 'ExecutionRoleArn "{{role}}" still holds a <PLACEHOLDER>; fill in your role\'s ARN',
    notRoleArn: 'ExecutionRoleArn "{{role}}" is not an IAM role ARN; use arn:aws:iam::<account>:role/<name>',
    noImage: 'this container has no Image (nor ModelPackageName); add the inference image',
    notImage: 'Image "{{image}}" is not an image URI; use registry/repository:tag without spaces',
    notS3Uri: 'ModelDataUrl "{{url}}" is not an S3 URI; use s3://bucket/path/model.tar.gz',
    tooManyEnv: '{{count}} environment variables; at most {{max}}',
    badEnvName: 'environment variable name "{{name}}" is not allowed; use letters, digits and underscores, not starting with a digit',
    envTooLong: 'environment variable {{name}} is {{length}} characters; at most {{max}}',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const m of ctx.models) {
      const role = str(ctx, m.props.ExecutionRoleArn);
      if (role !== null && /<[A-Z0-9-]+>/.test(role)) out.push({ path: [...m.base, 'ExecutionRoleArn'], messageId: 'rolePlaceholder', data: { role } });
      else if (role !== null && !limitPattern('model.role-arn-pattern').test(role)) out.push({ path: [...m.base, 'ExecutionRoleArn'], messageId: 'notRoleArn', data: { role } });
      for (const { c, path } of containers(m)) {
        if (c.Image === undefined && c.ModelPackageName === undefined) out.push({ path, messageId: 'noImage' });
        const img = str(ctx, c.Image);
        if (img !== null && !limitPattern('model.image-pattern').test(img)) out.push({ path: [...path, 'Image'], messageId: 'notImage', data: { image: img } });
        const url = str(ctx, c.ModelDataUrl);
        if (url !== null && (!limitPattern('model.model-data-url-pattern').test(url) || url.length > limit('model.model-data-url-length'))) out.push({ path: [...path, 'ModelDataUrl'], messageId: 'notS3Uri', data: { url } });
        const env = c.Environment;
        if (!isObj(env)) continue;
        const keys = Object.keys(env);
        if (keys.length > limit('model.environment-entries')) out.push({ path: [...path, 'Environment'], messageId: 'tooManyEnv', data: { count: keys.length, max: limit('model.environment-entries') } });
        for (const k of keys) {
          if (!limitPattern('model.environment-key-pattern').test(k)) out.push({ path: [...path, 'Environment', k], messageId: 'badEnvName', data: { name: k } });
          const v = str(ctx, env[k]);
          if (v !== null && v.length > limit('model.environment-value-length')) out.push({ path: [...path, 'Environment', k], messageId: 'envTooLong', data: { name: k, length: v.length, max: limit('model.environment-value-length') } });
        }
      }
    }
    return out;
  },
};

export const MODEL_RULES = [modelContainerCount, directModeHostnames, multiModelDataPrefix, containerFields];
