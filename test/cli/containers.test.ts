// Several containers, each given its values: --image and --model-data once per container, in
// order (a list in an answers file), for a pipeline, several frameworks, and inference components.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { cli, expectOneLineError } from './helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'da-containers-'));
const PER_REQUEST = ['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '1s', '--latency', '1s', '--traffic', 'sustained'];
const ROLE = ['--role-arn', 'arn:aws:iam::123456789012:role/SageMaker'];
const flags = (flag: string, values: string[]) => values.flatMap((v) => [flag, v]);
const IMAGES = ['123456789012.dkr.ecr.us-east-1.amazonaws.com/pre:1', '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1', '123456789012.dkr.ecr.us-east-1.amazonaws.com/post:1'];
const DATA = ['s3://b/pre/model.tar.gz', 's3://b/model/model.tar.gz', 's3://b/post/model.tar.gz'];
const js = (text: string) => parseCfnYaml(text).toJS() as Record<string, any>;

describe('--image and --model-data once per container, in order', () => {
  it.each([
    ['a 3-step pipeline', ['--pipeline', '3'], 'create-model.yaml'],
    ['3 frameworks (multi-container)', ['--models', '3', '--frameworks', '3'], 'create-model.yaml'],
  ])('%s: each container gets its values, the AWS CLI inputs are complete, and lint passes them', (_name, shape, file) => {
    const dir = join(tmp(), 'out');
    const r = cli([...PER_REQUEST, ...shape, ...flags('--image', IMAGES), ...flags('--model-data', DATA), ...ROLE, '--name', 'chain', '--target', 'aws-cli', '-o', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const model = js(readFileSync(join(dir, file), 'utf8'));
    expect(model.Containers.map((c: { Image: string }) => c.Image)).toEqual(IMAGES);
    expect(model.Containers.map((c: { ModelDataUrl: string }) => c.ModelDataUrl)).toEqual(DATA);
    expect(r.stdout).not.toMatch(/PLACEHOLDER/);
    const lint = cli(['lint', dir]);
    expect(lint.stdout + lint.stderr).not.toMatch(/PLACEHOLDER/);
    expect(lint.code).toBe(0);
    // Which container is which, in the file.
    expect(readFileSync(join(dir, file), 'utf8')).toMatch(/--image and --model-data are given once per container, in this order: 1\. (step 1 of 3|container-1) \(ContainerHostname container-1\); 2\./);
  });

  it('inference components: one per model in the order of --model-sizes; one image may serve them all', () => {
    const dir = join(tmp(), 'out');
    const r = cli([...PER_REQUEST, '--gpu', '--model-sizes', '30GB,8GB', '--image', IMAGES[1]!, ...flags('--model-data', DATA.slice(0, 2)), ...ROLE, '--target', 'aws-cli', '-o', dir]);
    expect(r.code).toBe(0);
    const m1 = js(readFileSync(join(dir, 'create-model-1.yaml'), 'utf8'));
    const m2 = js(readFileSync(join(dir, 'create-model-2.yaml'), 'utf8'));
    expect([m1.PrimaryContainer, m2.PrimaryContainer]).toEqual([
      { Image: IMAGES[1], ModelDataUrl: DATA[0] },
      { Image: IMAGES[1], ModelDataUrl: DATA[1] },
    ]);
    expect(readFileSync(join(dir, 'create-model-2.yaml'), 'utf8')).toMatch(/in this order: 1\. model 1 \(30 GB\) \(Model1, create-model-1\.yaml\); 2\. model 2 \(8 GB\)/);
    expect(cli(['lint', dir]).code).toBe(0);
  });

  it('a CloudFormation template takes the values given and keeps a Parameter, named by its place, for the rest', () => {
    const r = cli([...PER_REQUEST, '--pipeline', '2', ...flags('--image', IMAGES.slice(0, 2)), '--format', 'json']);
    expect(r.code).toBe(0);
    const t = js(JSON.parse(r.stdout).config.files[0].content);
    expect(t.Resources.Model.Properties.Containers.map((c: { Image: string }) => c.Image)).toEqual(IMAGES.slice(0, 2));
    expect(t.Parameters.Container1Image).toBeUndefined();
    expect(t.Parameters.Container2ModelDataUrl.Description).toBe("S3 URI of container-2, step 2 of 2's model.tar.gz (the 2nd --model-data; empty: none)");
  });

  it.each([
    [
      ['--pipeline', '3', ...flags('--image', IMAGES.slice(0, 2))],
      /^deploy-advisor: error: --image: given twice for 3 containers \(the steps of the serial pipeline\): give one image per container, in order: 1\. step 1 of 3, 2\. step 2 of 3, 3\. step 3 of 3\n$/,
    ],
    [
      ['--models', '3', '--frameworks', '3', '--model-data', DATA[0]!],
      /--model-data: given once for 3 containers \(one per framework, on a multi-container endpoint\): give one S3 URI per container, in order: 1\. container-1, 2\. container-2, 3\. container-3/,
    ],
    [
      ['--gpu', '--model-sizes', '30GB,8GB', '--model-data', DATA[0]!],
      /--model-data: given once for 2 containers \(inference components, one model each, in the order of the model sizes\): give one S3 URI per container, in order: 1\. model 1 \(30 GB\), 2\. model 2 \(8 GB\)/,
    ],
    [['--gpu', '--model-sizes', '30GB,8GB', ...flags('--image', IMAGES)], /--image: given 3 times for 2 containers .*: give one image that both share, or one image per container/],
    [flags('--image', IMAGES.slice(0, 2)), /--image: given twice for one container \(the model\): give one image/],
  ])('the count is checked: %j', (extra, message) => {
    const r = cli([...PER_REQUEST, ...extra, '-o', join(tmp(), 'out')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(message);
  });

  it('answers files take lists (images, modelData); a bad value is named by its place and line', () => {
    const dir = tmp();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, `batch: false\npayload: 1MB\nprocessingTime: 1s\nlatency: 1s\ntraffic: sustained\npipeline: 3\nimages: [${IMAGES.join(', ')}]\nmodelData:\n  - ${DATA[0]}\n  - ${DATA[1]}\n  - s3://b/post/model.zip\n`);
    const bad = cli(['recommend', '--answers', file]);
    expect(bad.code).toBe(2);
    expectOneLineError(bad.stderr);
    expect(bad.stderr).toMatch(/a\.yaml:9:3: modelData: value 3 of 3 \(step 3 of 3\): "s3:\/\/b\/post\/model\.zip": SageMaker expects a model\.tar\.gz archive/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('model.zip', 'model.tar.gz'));
    const j = JSON.parse(cli(['recommend', '--answers', file, '--target', 'aws-cli', '--format', 'json', ...ROLE]).stdout);
    expect(j.config.warnings.join('\n')).not.toMatch(/PLACEHOLDER/);
    expect(js(j.config.files[0].content).Containers.map((c: { ModelDataUrl: string }) => c.ModelDataUrl)).toEqual(DATA);
  });

  it('the old key "image" in an answers file suggests "images"', () => {
    const file = join(tmp(), 'a.yaml');
    writeFileSync(file, 'batch: true\nimage: a/b:1\n');
    expect(cli(['recommend', '--answers', file]).stderr).toMatch(/unknown key "image" \(did you mean "images"\?\)/);
  });
});
