// The input table: one declaration per answer, from which flags, answers-file keys, the wizard,
// help, the scripted command line, DA4001 and the README derive.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_KEYS, INPUTS, answerProblems, flagOf, missingAnswers } from '../../src/cli/inputs';
import { answersExample, updateReadme } from '../../src/cli/inputs-docs';
import { readAnswersFile } from '../../src/cli/answers-file';
import { commandLine } from '../../src/cli/wizard';
import { cli, expectOneLineError, ROOT } from './helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'da-inputs-'));
const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  if (r.code !== 0 && r.code !== 1) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const PER_REQUEST = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms'];

describe('derived from the input table', () => {
  it('the README tables are current (npm run gen:readme)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(updateReadme(readme), 'README.md is stale: run npm run gen:readme').toBe(readme);
  });

  it('recommend --help lists every flag of the table, with its default', () => {
    const help = cli(['recommend', '--help']).stdout;
    for (const i of INPUTS) {
      expect(help).toContain(i.flag);
      if (i.negate) expect(help).toContain(i.negate);
    }
    expect(help).toMatch(/--streaming\s+the model streams its response/);
    expect(help).toContain(`Required:   --batch or --no-batch; for per-request work also --payload, --processing-time, --latency and --traffic.`);
  });

  it('an answers file takes every answer key, and only those', async () => {
    const dir = tmp();
    const file = join(dir, 'a.yaml');
    writeFileSync(
      file,
      answersExample()
        .split('\n')
        .filter((l) => !l.startsWith('```'))
        .join('\n'),
    );
    const { answers } = await readAnswersFile(file);
    expect(Object.keys(answers).every((k) => ANSWER_KEYS.includes(k))).toBe(true);
    const r = cli(['recommend', '--answers', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(file, 'batch: true\nformat: json\n');
    const bad = cli(['recommend', '--answers', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/a\.yaml:2:1: unknown key "format"/);
  });

  it("the wizard's scripted command line gives back the same answers", () => {
    const a = { batch: false, payload: '2MB', processingTime: '2m', streaming: true, latency: '5m', traffic: 'sustained', gpu: true, models: 1, networkIsolation: false };
    const line = commandLine(a, 'aws-cli', 'out');
    expect(line).toBe('deploy-advisor recommend --no-batch --payload 2MB --processing-time 2m --streaming --latency 5m --traffic sustained --gpu --no-network-isolation --target aws-cli -o out');
    const r = json(line.split(' ').slice(1, -2));
    expect(r.workload).toMatchObject({ streaming: true, gpu: true, processingSeconds: 120 });
  });

  it('missing answers and problems come from the same declarations', () => {
    expect(missingAnswers({})).toEqual(['batch']);
    expect(missingAnswers({ batch: false, payload: '1MB' }).map(flagOf)).toEqual(['--processing-time', '--latency', '--traffic']);
    expect(missingAnswers({ batch: true })).toEqual([]);
    expect(answerProblems({ traffic: 'often', models: 3, frameworks: 2 })).toEqual([{ key: 'traffic', message: 'unknown traffic pattern "often"; use one of sustained, intermittent, unpredictable' }]);
    expect(answerProblems({ models: 2, frameworks: 3 })[0]).toMatchObject({ key: 'frameworks', message: expect.stringMatching(/3 frameworks cannot be more than the 2 models/) });
  });
});

describe('answers that contradict, or do not apply', () => {
  it('--no-batch … --batch is a contradiction (exit 2), not "the last one wins"', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '1MB', '--batch']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--batch and --no-batch contradict each other; give one/);
    expect(cli(['recommend', '--batch', '--gpu', '--no-gpu']).stderr).toMatch(/--gpu and --no-gpu contradict/);
  });

  it('latency and traffic given to a batch job are listed as ignored', () => {
    const j = json(['recommend', '--batch', '--latency', '1s', '--traffic', 'sustained']);
    expect(j.assumptions).toContain('--latency 1s and --traffic sustained were ignored: they do not apply to a batch job, which has no callers waiting');
  });

  it('--models with a --pipeline is listed as ignored, and the workload says 1 model', () => {
    const j = json([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '--pipeline', '3', '--models', '10']);
    expect(j.workload).toMatchObject({ pipeline: 3, models: 1, frameworks: 1 });
    expect(j.assumptions).toContain('--models 10 was ignored: a 3-container pipeline is one model with chained containers');
    expect(j.recommendation.architecture).toBe('serial-pipeline');
  });

  it('--model-size with --model-sizes is refused, saying which to keep', () => {
    const r = cli([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '--model-sizes', '1GB,2GB', '--model-size', '3GB']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--model-size: 3GB and --model-sizes 1GB,2GB both give the model size; keep --model-sizes \(one size per model\) or --model-size \(every model the same size\)/);
  });

  it('an average request larger than the largest is refused', () => {
    const r = cli([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '--requests', '1M/day', '--request-size', '50MB']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--request-size: the average request \(50MB\) cannot be larger than the largest \(--payload 2MB\); give an average of at most 2MB, or raise --payload/);
    expect(cli([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '--requests', '1M/day', '--request-size', '1MB']).code).toBe(0);
  });

  it('-o "" is refused before anything is asked or written', () => {
    const dir = tmp();
    const r = cli([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '-o', ''], { cwd: dir });
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/--output: an empty folder name; give one, e\.g\. -o deploy\/ \(or -o \. for the current folder\)/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('traffic answers without --requests are ignored saying so, not blaming "the traffic given with --requests"', () => {
    const j = json([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '--peak', '50/s']);
    expect(j.assumptions).toContain('--peak 50/s was ignored: it sizes the cost and capacity of a volume, and --requests gives none: add --requests (e.g. 5M/day) to use it');
    expect(JSON.stringify(j.assumptions)).not.toMatch(/given with --requests/);
  });

  it('--deadline on per-request work is ignored as a batch answer, with or without --requests', () => {
    for (const extra of [[], ['--requests', '1M/day']]) {
      const j = json([...PER_REQUEST, '--latency', '1s', '--traffic', 'sustained', '--deadline', '2h', ...extra]);
      expect(j.assumptions).toContain('--deadline 2h was ignored: a deadline applies to batch runs (--batch)');
    }
    const b = json(['recommend', '--batch', '--deadline', '2h']);
    expect(b.assumptions).toContain('--deadline 2h was ignored: it sizes the cost and capacity of a volume, and --requests gives none: add --requests (e.g. 2M/day) to use it');
    expect(json(['recommend', '--batch', '--peak', '50/s', '--requests', '1M/day']).assumptions).toContain('--peak 50/s was ignored: a batch job is priced by records and instance-hours, not by requests');
  });
  it('words are case-insensitive, as units are', () => {
    const j = json([...PER_REQUEST, '--latency', 'NONE', '--traffic', 'SUSTAINED', '--target', 'AWS-CLI']);
    expect(j.workload).toMatchObject({ latencySeconds: null, traffic: 'sustained' });
    expect(j.config.target).toBe('aws-cli');
  });

  it('a content type with a line break never reaches a generated file', () => {
    for (const bad of ['text/csv\nfoo: bar', 'text/csv\n; x=1', 'text/csv; x=1\r\nEvil: 1']) {
      const r = cli(['recommend', '--batch', '--content-type', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--content-type: .* is not a MIME type/);
    }
    expect(json(['recommend', '--batch', '--content-type', 'text/csv; charset=utf-8']).workload.contentType).toBe('text/csv; charset=utf-8');
  });

  it('deployment values with control characters are refused', () => {
    const r = cli(['recommend', '--batch', '--name', 'a\nb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--name: "a\\nb" holds a control character/);
  });
});

describe('--streaming (responses streamed through InvokeEndpointWithResponseStream)', () => {
  const slow = [...PER_REQUEST.slice(0, 4), '--processing-time', '5m', '--latency', '6m', '--traffic', 'sustained'];
  it('with it, Real-Time takes processing up to the streaming limit', () => {
    const j = json([...slow, '--streaming']);
    expect(j.recommendation.option).toBe('real-time');
    const rt = j.options.find((o: { option: string }) => o.option === 'real-time');
    expect(rt.checks).toContainEqual(expect.objectContaining({ limit: 'real-time.streaming-timeout', pass: true }));
  });
  it('without it, processing between 60 s and 8 min goes to Async, and the reasons mention streaming', () => {
    const j = json(slow);
    expect(j.recommendation.option).toBe('async');
    expect(j.recommendation.reasons.join('\n')).toMatch(/if the model streams its response .* Real-Time allows up to 8 min/);
  });
  it('beyond the streaming limit, streaming does not help and is not mentioned', () => {
    const j = json([...PER_REQUEST.slice(0, 4), '--processing-time', '20m', '--latency', 'none', '--traffic', 'sustained']);
    expect(j.recommendation.reasons.join('\n')).not.toMatch(/streams its response/);
  });
});

describe('deploy-advisor with no command', () => {
  it('--no-interactive prints help and exits 2 (it is not an unknown option)', () => {
    const r = cli(['--no-interactive']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.stderr).toMatch(/Usage: deploy-advisor/);
  });
});

describe('lint reads an answers file as recommend does', () => {
  it('a file with only some answers is fine: flags can give the rest', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'partial.yaml'), 'batch: false\npayload: 2MB\n');
    const r = cli(['lint', '--format', 'json', join(dir, 'partial.yaml')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ kinds: ['answers'], findings: [] });
  });
  it('a bad value is reported at its line, with the same words recommend uses', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'batch: false\npayload: 2MB\ntraffic: often\n');
    const f = JSON.parse(cli(['lint', '--format', 'json', join(dir, 'bad.yaml')]).stdout).files[0].findings;
    expect(f).toEqual([
      expect.objectContaining({ ruleId: 'DA4001', messageId: 'badValue', line: 3, column: 10, endLine: 3, endColumn: 15, message: 'traffic: unknown traffic pattern "often"; use one of sustained, intermittent, unpredictable' }),
    ]);
  });
});
