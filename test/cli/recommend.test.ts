import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, cliWithOpenStdin, expectOneLineError } from './helpers';

const PER_REQUEST = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent'];

describe('recommend: scripted with flags', () => {
  it('recommends Serverless for intermittent traffic, with stable JSON', () => {
    const r = cli([...PER_REQUEST, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.schemaVersion).toBe(2);
    expect(j.workload).toEqual({
      batch: false,
      payloadBytes: 2_000_000,
      processingSeconds: 0.8,
      latencySeconds: 30,
      traffic: 'intermittent',
      streaming: false,
      modelSizeBytes: null,
      gpu: false,
      models: 1,
      frameworks: 1,
      pipeline: 1,
      contentType: null,
    });
    expect(j.recommendation).toMatchObject({ option: 'serverless', architecture: 'single-model' });
    expect(j.recommendation.summary).toMatch(/Serverless/);
    expect(j.recommendation.reasons.length).toBeGreaterThan(1);
    expect(j.options.map((o: { option: string }) => o.option)).toEqual(['real-time', 'serverless', 'async', 'batch-transform']);
    for (const o of j.options) {
      expect(typeof o.fits).toBe('boolean');
      for (const c of o.checks) expect(Object.keys(c).sort()).toEqual(['limit', 'limitValue', 'message', 'pass', 'source', 'value']);
    }
    expect(j.advice).toEqual([]);
    expect(j.assumptions.join('\n')).toMatch(/model size not given/);
    expect(j.assumptions.join('\n')).toMatch(/GPU not mentioned/);
  });

  it('recommends Async for a large payload, and says why in text', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '200MB', '--processing-time', '10m', '--latency', 'none', '--traffic', 'sustained']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Recommendation: Asynchronous Inference/);
    expect(r.stdout).toMatch(/payloads of 200 MB are above Real-Time's 6 MiB limit/);
    expect(r.stdout).toMatch(/Serverless Inference: ruled out/);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR
  });

  it('picks multi-model for many models of one framework', () => {
    const j = JSON.parse(cli(['recommend', '--no-batch', '--payload', '100KB', '--processing-time', '50ms', '--latency', '200ms', '--traffic', 'sustained', '--models', '300', '--format', 'json']).stdout);
    expect(j.recommendation).toMatchObject({ option: 'real-time', architecture: 'multi-model' });
    expect(j.assumptions.join('\n')).toMatch(/assumed all 300 models use one framework/);
  });

  it('exits 1 with advice when nothing fits', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '4GB', '--processing-time', '10m', '--latency', 'none', '--traffic', 'sustained', '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.recommendation).toBeNull();
    expect(j.advice.join('\n')).toMatch(/Split each payload/);
  });

  it('text for nothing fits says what would have to change', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '2s', '--latency', '1s', '--traffic', 'sustained']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/No SageMaker hosting option fits this workload/);
    expect(r.stdout).toMatch(/What would have to change:/);
  });

  it('batch needs only --batch; defaults are listed as assumptions', () => {
    const r = cli(['recommend', '--batch', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.recommendation.option).toBe('batch-transform');
    expect(j.workload.payloadBytes).toBe(6 * 1024 * 1024);
    expect(j.workload.processingSeconds).toBe(600);
    expect(j.workload.latencySeconds).toBeNull();
    expect(j.assumptions.join('\n')).toMatch(/MaxPayloadInMB of 6 MiB/);
  });

  it('--explain lists every limit checked with its source', () => {
    const r = cli([...PER_REQUEST, '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Every option and limit checked:/);
    expect(r.stdout).toMatch(/✓ payload 2 MB is within the 4 MiB limit/);
    expect(r.stdout).toMatch(/serverless.payload: https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/dg\/serverless-endpoints-invoke\.html/);
  });

  it('--format yaml carries the same data as json', () => {
    const y = parse(cli([...PER_REQUEST, '--format', 'yaml']).stdout);
    const j = JSON.parse(cli([...PER_REQUEST, '--format', 'json']).stdout);
    expect(y).toEqual(j);
  });

  it('colours only when asked, and NO_COLOR wins', () => {
    expect(cli(PER_REQUEST, { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(cli(PER_REQUEST, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(cli(['--no-color', ...PER_REQUEST], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(cli(PER_REQUEST, { env: { NO_COLOR: '' } }).stdout).not.toMatch(/\x1b\[/); // not a terminal
  });
});

describe('recommend: bad input is one line and exit 2', () => {
  it.each([
    [['--payload', '5XB'], /--payload: "5XB" has an unknown unit "XB"/],
    [['--payload', '12'], /--payload: "12" has no unit/],
    [['--processing-time', 'soon'], /--processing-time: "soon" is not a duration/],
    [['--latency', '5'], /--latency: "5" has no unit/],
    [['--processing-time', '0.0001ms'], /--processing-time: "0.0001ms" must be at least 1ms/],
    [['--traffic', 'sometimes'], /--traffic: unknown traffic pattern "sometimes"; use one of sustained, intermittent, unpredictable/],
    [['--models', '0'], /--models: must be a whole number of at least 1 \(got "0"\)/],
    [['--pipeline', 'two'], /--pipeline: must be a whole number of at least 1/],
    [['--models', '2', '--frameworks', '3'], /--frameworks: 3 frameworks cannot be more than the 2 models/],
    [['--content-type', 'csv'], /--content-type: "csv" is not a MIME type/],
    [['--format', 'xml'], /argument 'xml' is invalid. Allowed choices are text, json, yaml/],
    [['--paylod', '3MB'], /unknown option '--paylod' \(Did you mean --payload\?\)/],
  ])('%j', (extra, message) => {
    const r = cli([...PER_REQUEST, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^deploy-advisor: error: /);
    expectOneLineError(r.stderr);
  });

  it('names every missing answer the flowchart needs', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '2MB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing answers: --processing-time, --latency, --traffic/);
    expectOneLineError(r.stderr);
  });

  it('asks for batch or not first', () => {
    const r = cli(['recommend']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing answer: --batch or --no-batch/);
  });

  it('never waits on an open stdin that sends nothing', async () => {
    const r = await cliWithOpenStdin(['recommend', '--no-batch']);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing answers: --payload, --processing-time, --latency, --traffic/);
  });
});

describe('recommend --answers', () => {
  it('reads YAML', () => {
    const j = JSON.parse(cli(['recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--format', 'json']).stdout);
    expect(j.recommendation.option).toBe('serverless');
    expect(j.workload.modelSizeBytes).toBe(1_200_000_000);
    expect(j.recommendation.reasons.join('\n')).toMatch(/fits in 2048 MB of memory/);
  });

  it('reads JSON', () => {
    const r = cli(['recommend', '--answers', 'fixtures/answers/video-analysis.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).recommendation.option).toBe('async');
  });

  it('reads a batch job', () => {
    const j = JSON.parse(cli(['recommend', '--answers', 'fixtures/answers/nightly-scoring.yaml', '--format', 'json']).stdout);
    expect(j.recommendation.option).toBe('batch-transform');
    expect(j.workload.contentType).toBe('text/csv');
  });

  it('network isolation: on by default, off with networkIsolation: false or --no-network-isolation; the files pass lint either way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-iso-'));
    const answers = (extra: string) => {
      const p = join(dir, `a${extra.length}.yaml`);
      writeFileSync(p, `batch: false\npayload: 1MB\nprocessingTime: 1s\nlatency: 10s\ntraffic: sustained\n${extra}`);
      return p;
    };
    const model = (args: string[], out: string) => {
      expect(cli(['recommend', ...args, '--target', 'aws-cli', '-o', join(dir, out)]).code).toBe(0);
      const lint = JSON.parse(cli(['lint', '--format', 'json', join(dir, out)]).stdout);
      expect(lint.files.flatMap((f: { findings: Array<{ ruleId: string; message: string }> }) => f.findings.filter((x) => !/<PLACEHOLDER>/.test(x.message)))).toEqual([]);
      return parse(readFileSync(join(dir, out, 'create-model.yaml'), 'utf8'));
    };
    expect(model(['--answers', answers('')], 'on').EnableNetworkIsolation).toBe(true);
    expect(model(['--answers', answers('networkIsolation: false\n')], 'off').EnableNetworkIsolation).toBeUndefined();
    expect(model(['--answers', answers(''), '--no-network-isolation'], 'flag').EnableNetworkIsolation).toBeUndefined();
  });

  it('flags override the file', () => {
    const j = JSON.parse(cli(['recommend', '--answers', 'fixtures/answers/intermittent-api.yaml', '--traffic', 'sustained', '--format', 'json']).stdout);
    expect(j.workload.traffic).toBe('sustained');
    expect(j.recommendation.option).toBe('real-time');
  });

  it('an unknown key is an error naming the key, its line, and the likely key', () => {
    const r = cli(['recommend', '--answers', 'fixtures/answers/typo.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fixtures\/answers\/typo\.yaml:3:1: unknown key "procesingTime" \(did you mean "processingTime"\?\)/);
    expectOneLineError(r.stderr);
  });

  it('a bad value names file, line and column', () => {
    const r = cli(['recommend', '--answers', 'fixtures/answers/bad-value.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-value\.yaml:5:10: traffic: unknown traffic pattern "sometimes"; use one of sustained, intermittent, unpredictable/);
  });

  it('a bad size in the file names its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-'));
    writeFileSync(join(dir, 'a.yaml'), 'batch: false\npayload: 2 megs\nprocessingTime: 1s\nlatency: 2s\ntraffic: sustained\n');
    const r = cli(['recommend', '--answers', join(dir, 'a.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:2:10: payload: "2 megs" has an unknown unit "megs"/);
  });

  it('a value of the wrong type names its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-'));
    writeFileSync(join(dir, 'a.yaml'), 'batch: false\npayload: 2MB\nprocessingTime: 1s\nlatency: 2s\ntraffic: sustained\ngpu: yes\nmodels: 2\n');
    const r = cli(['recommend', '--answers', join(dir, 'a.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:6:6: gpu: must be true or false \(got "yes"\)/);
  });

  it('malformed YAML is an error with its line', () => {
    const r = cli(['recommend', '--answers', 'fixtures/answers/broken.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:4:1: not valid YAML or JSON: Flow sequence/);
    expectOneLineError(r.stderr);
  });

  it('a missing file is an error', () => {
    const r = cli(['recommend', '--answers', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read answers file nope\.yaml: no such file/);
    expectOneLineError(r.stderr);
  });

  it('a file that is not a mapping is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-'));
    writeFileSync(join(dir, 'list.yaml'), '- payload: 2MB\n');
    const r = cli(['recommend', '--answers', join(dir, 'list.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be a mapping of answers/);
  });

  it('an alias bomb is refused, not expanded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-'));
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    writeFileSync(join(dir, 'bomb.yaml'), lines.join('\n') + '\n');
    const r = cli(['recommend', '--answers', join(dir, 'bomb.yaml')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
  });
});
