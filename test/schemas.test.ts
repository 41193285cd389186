// Issue 21, item 8: schemas that editors and CI can use. The zod schemas (src/cli/schemas.ts)
// are published as JSON Schemas under schemas/ (npm run gen:schemas); answers files may name
// theirs with a yaml-language-server modeline; every JSON output the tests produce through cli()
// is validated against its schema (test/cli/helpers.ts); and zod never loads in a command.
import Ajv from 'ajv';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnswersFile, jsonSchema, LintConfig, SCHEMAS } from '../src/cli/schemas';
import { checkJsonOutput, cli, expectSchema, ROOT } from './cli/helpers';

const SCHEMA_DIR = join(ROOT, 'schemas');
const ajv = () => new Ajv({ allErrors: true, strict: false });
const published = (file: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'));

describe('schemas/ (npm run gen:schemas)', () => {
  it.each(Object.keys(SCHEMAS))('%s is up to date', (file) => {
    expect(readFileSync(join(SCHEMA_DIR, file), 'utf8'), `schemas/${file} is out of date: run npm run gen:schemas`).toBe(`${JSON.stringify(jsonSchema(file as keyof typeof SCHEMAS), null, 2)}\n`);
  });

  it('holds nothing else', () => expect(readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(SCHEMAS).sort()));

  it.each(Object.keys(SCHEMAS))('%s is a valid draft-07 JSON Schema', (file) => {
    expect(() => ajv().compile(published(file))).not.toThrow();
  });

  it('the published answers schema accepts the answers fixtures and the README example, and flags a typo', () => {
    const validate = ajv().compile(published('answers.schema.json'));
    const readme = /```yaml\n# workload\.yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1]!;
    for (const [name, text] of [['README', readme], ...['intermittent-api.yaml', 'nightly-scoring.yaml', 'video-analysis.json'].map((f) => [f, readFileSync(join(ROOT, 'fixtures/answers', f), 'utf8')])] as const) {
      expect(validate(parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(AnswersFile.safeParse(parse(text)).success).toBe(true);
    }
    expect(validate(parse(readFileSync(join(ROOT, 'fixtures/answers/typo.yaml'), 'utf8')))).toBe(false);
    expect(validate({ traffic: 'sometimes' })).toBe(false);
    expect(validate({ payload: '2' })).toBe(false);
    expect(validate({ modelSizes: ['30GB', '8GB'], models: 2, latency: 'none', requests: '5M/day' })).toBe(true);
  });

  it('the lint config schema takes rule ids and severities, and nothing else', () => {
    const validate = ajv().compile(published('lint-config.schema.json'));
    expect(validate({ rules: { DA1010: 'off', DA1008: 'warning' } })).toBe(true);
    expect(validate({ rules: { DA9999: 'off' } })).toBe(false);
    expect(validate({ rules: { DA1010: 'of' } })).toBe(false);
    expect(validate({ rule: {} })).toBe(false);
    expect(LintConfig.safeParse(null).success).toBe(true);
  });

  it('published output schemas are open (fields are only ever added within a schema version)', () => {
    const validate = ajv().compile(published('lint-output.schema.json'));
    const j = JSON.parse(cli(['lint', '--format', 'json', 'fixtures/lint/DA1001/invalid.yaml']).stdout);
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...j, added: 1, files: j.files.map((f: object) => ({ ...f, added: 1 })) })).toBe(true);
    expect(validate({ ...j, schemaVersion: 2 })).toBe(false);
  });
});

describe('JSON outputs against their schemas', () => {
  const REC = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json'];

  it('recommend, lint, check-artifact and prices outputs are checked by cli() (a broken output throws)', () => {
    expect(() => checkJsonOutput(REC, JSON.stringify({ schemaVersion: 1 }))).toThrow(/recommend --format json does not match its schema[\s\S]*workload/);
    const j = JSON.parse(cli(REC).stdout);
    // The tests check strictly: a field the schema does not declare fails, so the schema keeps up.
    expect(() => expectSchema('recommend', { ...j, surprise: true })).toThrow(/surprise/);
    expect(() => expectSchema('recommend', { ...j, recommendation: { ...j.recommendation, option: 'lambda' } })).toThrow(/recommendation\.option/);
    expect(() => checkJsonOutput(['lint', '--format', 'json'], JSON.stringify({ schemaVersion: 1, files: [], summary: { files: 0 } }))).toThrow(/summary/);
    expect(() => checkJsonOutput(['prices', 'show', '--format', 'json'], JSON.stringify({ schemaVersion: 1 }))).toThrow(/prices/);
    expect(() => checkJsonOutput(['check-artifact', '--format', 'json', 'x'], JSON.stringify({ schemaVersion: 1 }))).toThrow(/check-artifact/);
  });

  it('the capacity plan is an open object on the recommendation and on each option', () => {
    const j = JSON.parse(cli([...REC, '--requests', '5M/day']).stdout);
    const plan = { instanceType: 'ml.m5.large', capacity: { minInstances: 1 }, anything: ['new'] };
    expect(() => expectSchema('recommend', { ...j, recommendation: { ...j.recommendation, plan }, options: j.options.map((o: object) => ({ ...o, plan })) })).not.toThrow();
  });

  it('outputs of many kinds validate (with costs, batch, inference components, nothing fits, errors found)', () => {
    cli([...REC, '--requests', '5M/day', '--model-size', '8GB']);
    cli(['recommend', '--batch', '--payload', '1MB', '--processing-time', '500ms', '--requests', '1M/day', '--deadline', '1h', '--format', 'json']);
    cli(['recommend', '--no-batch', '--payload', '20KB', '--processing-time', '2s', '--latency', '30s', '--traffic', 'intermittent', '--gpu', '--model-sizes', '20GB,2GB,5GB', '--requests', '1/s', '--format', 'json']);
    cli(['recommend', '--no-batch', '--payload', '2GB', '--processing-time', '2h', '--latency', '1s', '--traffic', 'sustained', '--format', 'json']);
    cli(['recommend', '--answers', 'fixtures/answers/nightly-scoring.yaml', '--format', 'json', '--region', 'ap-south-1', '--requests', '1M/day']);
    cli(['lint', '--format', 'json', 'fixtures/lint']);
    cli(['prices', 'show', '--format', 'json']);
  });
});

describe('answers files name their schema with a yaml-language-server modeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'da-schema-'));
  const MODELINE = '# yaml-language-server: $schema=https://raw.githubusercontent.com/deploy-advisor/deploy-advisor/main/schemas/answers.schema.json\n';
  const REQUIRED = 'batch: false\npayload: 2MB\nprocessingTime: 800ms\nlatency: 30s\ntraffic: intermittent\n';

  it('a flat file (read without the YAML parser) and a file with a list (read with it) both accept it', () => {
    const flat = join(dir, 'flat.yaml');
    writeFileSync(flat, MODELINE + REQUIRED);
    const r = cli(['recommend', '--answers', flat, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).recommendation.option).toBe('serverless');
    const list = join(dir, 'list.yaml');
    writeFileSync(list, `${MODELINE}${REQUIRED}models: 2\nmodelSizes:\n  - 1GB\n  - 2GB\n`);
    expect(cli(['recommend', '--answers', list, '--format', 'json']).code).toBe(0);
  });

  it('lint reads it as an answers file and finds nothing wrong', () => {
    const f = join(dir, 'workload.yaml');
    writeFileSync(f, MODELINE + REQUIRED);
    const j = JSON.parse(cli(['lint', '--format', 'json', f]).stdout);
    expect(j.files[0]).toMatchObject({ kinds: ['answers'], findings: [] });
  });

  it('so may the lint config', () => {
    const d = mkdtempSync(join(tmpdir(), 'da-schema-cfg-'));
    writeFileSync(join(d, '.deploy-advisor.yaml'), '# yaml-language-server: $schema=https://raw.githubusercontent.com/deploy-advisor/deploy-advisor/main/schemas/lint-config.schema.json\nrules:\n  DA1001: off\n');
    const r = cli(['lint', '--format', 'json', join(ROOT, 'fixtures/lint/DA1001/invalid.yaml')], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
  });

  it('the README shows the modeline', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('# yaml-language-server: $schema=');
  });
});

describe('zod loads only where a document is validated', () => {
  it('no command imports it: only src/cli/schemas.ts does, and nothing in src imports that', () => {
    const src = join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    const importers = files.filter((f) => /from 'zod'|import\('zod'\)/.test(readFileSync(join(src, f), 'utf8')));
    expect(importers).toEqual(['cli/schemas.ts']);
    expect(files.filter((f) => /from '\.\/schemas'|import\('\.\/schemas'\)|cli\/schemas'/.test(readFileSync(join(src, f), 'utf8')))).toEqual([]);
  });

  it('no bundle in dist/ holds it', () => {
    const dist = join(ROOT, 'dist');
    for (const f of readdirSync(dist, { recursive: true })
      .map(String)
      .filter((x) => x.endsWith('.cjs'))) {
      expect(readFileSync(join(dist, f), 'latin1'), f).not.toMatch(/toJSONSchema|ZodError/);
    }
  });
});
