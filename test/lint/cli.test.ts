import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError, ROOT } from '../cli/helpers';
import { sarifValidator } from '../sarif';

const BAD = 'fixtures/lint/DA1001/invalid.yaml';
const GOOD = 'fixtures/lint/DA1001/valid.yaml';
const json = (args: string[], input?: string) => {
  const r = cli(['lint', '--format', 'json', ...args], { input });
  return { ...r, j: JSON.parse(r.stdout) };
};

describe('lint: exit codes and output', () => {
  it('clean files: exit 0, nothing printed', () => {
    const r = cli(['lint', GOOD]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('errors: exit 1, grouped by file, a summary line', () => {
    const r = cli(['lint', BAD, GOOD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^fixtures\/lint\/DA1001\/invalid\.yaml\n {2}6:23 {2}error {4}MemorySizeInMB 3000 is not a Serverless memory size; use 1024-6144 in 1024 MB steps \(e\.g\. 3072\) {2}DA1001\n/);
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 1 file\n$/);
    expect(r.stdout).not.toMatch(/DA1001\/valid\.yaml/);
  });

  it('JSON lists every file given, with the path as given', () => {
    const { code, j } = json([BAD, GOOD, 'fixtures/answers/intermittent-api.yaml']);
    expect(code).toBe(1);
    expect(j.schemaVersion).toBe(1);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual([BAD, GOOD, 'fixtures/answers/intermittent-api.yaml']);
    expect(j.files[0].findings).toEqual([
      { ruleId: 'DA1001', messageId: 'notMemorySize', severity: 'error', message: expect.stringMatching(/^MemorySizeInMB 3000/), line: 6, column: 23, endLine: 6, endColumn: 27, source: expect.stringMatching(/^https:/) },
    ]);
    expect(j.files[0].kinds).toEqual(['aws-cli:create-endpoint-config']);
    expect(j.files[2].kinds).toEqual(['answers']);
    expect(j.summary).toEqual({ files: 3, linted: 3, errors: 1, warnings: 0 });
  });

  it('warnings alone pass, unless there are more than --max-warnings', () => {
    const w = 'fixtures/lint/DA1016/invalid.yaml';
    expect(cli(['lint', w]).code).toBe(0);
    expect(cli(['lint', w, '--max-warnings', '1']).code).toBe(0);
    expect(cli(['lint', w, '--max-warnings', '0']).code).toBe(1);
  });

  it('reads stdin with -', () => {
    const { code, j } = json(['-'], readFileSync(join(ROOT, BAD), 'utf8'));
    expect(code).toBe(1);
    expect(j.files[0]).toMatchObject({ path: '<stdin>', findings: [{ ruleId: 'DA1001', line: 6 }] });
  });

  it('walks folders, skipping YAML that is not SageMaker configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-lint-'));
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    mkdirSync(join(dir, 'deploy'));
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/ci.yml'), 'on: push\njobs: {}\n');
    writeFileSync(join(dir, 'k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Service\n');
    writeFileSync(join(dir, 'deploy/endpoint.yaml'), readFileSync(join(ROOT, BAD)));
    writeFileSync(join(dir, 'node_modules/x/bad.yaml'), readFileSync(join(ROOT, BAD)));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const r = cli(['lint', '--format', 'json', '.'], { cwd: dir });
    const j = JSON.parse(r.stdout);
    expect(j.files.map((f: { path: string }) => f.path).sort()).toEqual(['.github/workflows/ci.yml', 'deploy/endpoint.yaml', 'k8s.yaml']);
    expect(j.files.filter((f: { findings: unknown[] }) => f.findings.length).map((f: { path: string }) => f.path)).toEqual(['deploy/endpoint.yaml']);
  });

  it('usage and I/O problems exit 2 with one line', () => {
    for (const args of [['lint', 'nope.yaml'], ['lint'], ['lint', GOOD, '--max-warnings', 'x'], ['lint', GOOD, '--config', 'nope.yaml'], ['lint', GOOD, '--format', 'xml']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLineError(r.stderr);
    }
  });

  it('a config file changes severities, and a bad one names its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-lint-'));
    writeFileSync(join(dir, 'e.yaml'), readFileSync(join(ROOT, BAD)));
    writeFileSync(join(dir, '.deploy-advisor.yaml'), 'rules:\n  DA1001: warning\n');
    expect(cli(['lint', 'e.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, '.deploy-advisor.yaml'), 'rules:\n  DA1001: loud\n');
    const r = cli(['lint', 'e.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.deploy-advisor\.yaml:2:11: DA1001: "loud" is not off, warning or error/);
  });

  it('rules lists every rule with its doc page, as a link that works without the repository', () => {
    // The npm package ships neither docs/ nor README's neighbours: pages and sources are URLs.
    const repo = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
      .repository.url.replace(/^git\+/, '')
      .replace(/\.git$/, '');
    const j = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(j.rules.length).toBeGreaterThanOrEqual(20);
    for (const r of j.rules) {
      expect(r.docs).toBe(`${repo}/blob/main/docs/rules/${r.id}.md`);
      expect(readdirSync(join(ROOT, 'docs/rules'))).toContain(`${r.id}.md`);
      expect(r.source).toMatch(/^https:\/\//);
      // Each rule's messages by id, which findings' messageId names.
      expect(Object.keys(r.messages).length).toBeGreaterThan(0);
    }
    expect(j.rules.find((r: { id: string }) => r.id === 'DA1001').messages).toHaveProperty('notMemorySize');
    expect(cli(['rules', '--format', 'markdown']).stdout).toContain(`](${repo}/blob/main/docs/rules/DA1001.md)`);
  });

  it('nothing a user sees points to files users do not have', () => {
    const seen = [
      cli(['rules']).stdout,
      cli(['rules', '--format', 'json']).stdout,
      cli(['lint', '--format', 'sarif', ...readdirSync(join(ROOT, 'fixtures/lint')).map((id) => `fixtures/lint/${id}/invalid.yaml`)]).stdout,
      readFileSync(join(ROOT, 'README.md'), 'utf8'),
      ...readdirSync(join(ROOT, 'docs/rules')).map((f) => readFileSync(join(ROOT, 'docs/rules', f), 'utf8')),
    ].join('\n');
    expect(seen).not.toMatch(/competitors\.md|\.\.\/shared|\bF[35]\b/);
  });
});

describe('lint --format sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 with helpUri on each rule and a location on each result', () => {
    const r = cli(['lint', '--format', 'sarif', BAD, 'fixtures/lint/DA1008/invalid.yaml', 'fixtures/lint/DA1016/invalid.yaml']);
    const s = JSON.parse(r.stdout);
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    const run = s.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id).sort()).toEqual(['DA1001', 'DA1008', 'DA1016']);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`docs/rules/${rule.id}\\.md$`));
    expect(run.results).toHaveLength(3);
    for (const res of run.results) expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    // The region spans the offending value, and the result names its message id.
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'DA1001')).toMatchObject({
      properties: { messageId: 'notMemorySize' },
      locations: [{ physicalLocation: { region: { startLine: 6, startColumn: 23, endLine: 6, endColumn: 27 } } }],
    });
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'DA1016').level).toBe('warning');
  });

  it('a finding about a whole file (binary) has a region of its start only, and stays valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-sarif-'));
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]));
    const s = JSON.parse(cli(['lint', '--format', 'sarif', join(dir, 'binary.yaml')]).stdout);
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    expect(s.runs[0].results).toMatchObject([{ ruleId: 'DA0001', properties: { messageId: 'binary' } }]);
    expect(s.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('is valid with no findings (an empty results list)', () => {
    const s = JSON.parse(cli(['lint', '--format', 'sarif', GOOD]).stdout);
    expect(validate(s)).toBe(true);
    expect(s.runs[0].results).toEqual([]);
  });
});

describe('hard inputs: a finding on the file, other files still linted, never a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'da-hard-'));
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 9 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  ].join('\n');
  const files: Record<string, string | Buffer> = {
    'bomb.yaml': bomb + '\n',
    'deep.yaml': '['.repeat(50_000) + ']'.repeat(50_000),
    'huge.yaml': 'a: ' + 'x'.repeat(2 * 1024 * 1024) + '\n',
    'binary.yaml': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]),
    'latin1.yaml': Buffer.concat([Buffer.from('EndpointConfigName: caf'), Buffer.from([0xe9]), Buffer.from('\nProductionVariants: []\n')]),
    'dup.yaml': 'EndpointConfigName: a\nEndpointConfigName: b\nProductionVariants: []\n',
    'syntax.json': '{"EndpointConfigName": "a", "ProductionVariants": [}\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'zz-real.yaml'), readFileSync(join(ROOT, BAD)));

  it('each becomes a DA0001 finding with a position, within seconds', () => {
    const t0 = Date.now();
    const r = cli(['lint', '--format', 'json', dir]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    const by = Object.fromEntries(j.files.map((f: { path: string; findings: Array<{ ruleId: string; message: string; line: number }> }) => [f.path.split('/').pop(), f.findings]));
    for (const name of Object.keys(files)) {
      expect(by[name], name).toHaveLength(1);
      expect(by[name][0].ruleId, name).toBe('DA0001');
    }
    expect(by['bomb.yaml'][0].messageId).toBe('aliasBomb');
    expect(by['deep.yaml'][0].messageId).toBe('tooDeep');
    expect(by['huge.yaml'][0].messageId).toBe('tooLarge');
    expect(by['binary.yaml'][0].messageId).toBe('binary');
    expect(by['latin1.yaml'][0]).toMatchObject({ messageId: 'notUtf8', line: 1 });
    expect(by['dup.yaml'][0]).toMatchObject({ messageId: 'invalidYaml', message: expect.stringMatching(/a key appears twice/), line: 2 });
    expect(by['syntax.json'][0].line).toBe(1);
    expect(by['zz-real.yaml'][0].ruleId).toBe('DA1001');
  });
});

const CORPUS = process.env.DEPLOY_ADVISOR_CORPUS ?? join(ROOT, '../shared/corpus/real-world');
const noCorpus = existsSync(CORPUS) ? '' : ' (SKIPPED: ../shared/corpus/real-world is not beside this checkout)';
if (noCorpus) console.warn(`SKIPPED: the real-world corpus lint test${noCorpus}`);
describe.skipIf(noCorpus !== '')(`the real-world corpus${noCorpus}`, () => {
  // Every error deploy-advisor reports on ../shared/corpus/real-world, each a real defect. A value
  // that is a mapping (Properties:, or Ref: on its own line) is pointed at by its key's line.
  const EXPECTED = [
    ['caseywhorton__deep-ar-mlops-project-deploy__template.yml', 'DA2001', 22, 'the Model has no container at all (cfn-lint misses it)'],
    ['caylent__multi-account-llmops-github-actions__endpoint-config-template.yml', 'DA0001', 192, 'Effect and Action twice in one IAM statement (cfn-lint E0000 agrees)'],
    ['RamVegiraju__SageMaker-Deployment__SM-Inference-Video-Series__Part10-CloudFormation-IaC__template.yaml', 'DA2004', 78, 'a parameter default "Replace with your Model Data Path" that deploys only if overridden'],
    ['simonespa__sagemaker-playground__infrastructure__sagemaker__template.yaml', 'DA9004', 9, 'ExecutionRoleArn: !GetAtt SageMakerRole.Arn, a resource the template does not define (cfn-lint E1010 agrees)'],
    ['simonespa__sagemaker-playground__infrastructure__sagemaker__template.yaml', 'DA2004', 10, 'a container with no Image'],
    ['simonespa__sagemaker-playground__infrastructure__sagemaker__template.yaml', 'DA1011', 20, 'a variant with no InstanceType or ServerlessConfig'],
    ['will-stanton__sagemaker-cloudformation-demo__stack.yml', 'DA2004', 38, 'parameter default "model" for ModelDataUrl'],
    ['will-stanton__sagemaker-cloudformation-demo__stack.yml', 'DA2004', 40, 'parameter default "arn" for ExecutionRoleArn'],
  ] as const;

  it('every file lints without a crash; the errors are exactly the known real defects', () => {
    const r = cli(['lint', '--format', 'json', CORPUS]);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.summary.files).toBe(54);
    expect(j.files.every((f: { kinds: string[]; findings: unknown[] }) => f.kinds.length > 0 || f.findings.length > 0)).toBe(true);
    const errors = j.files.flatMap((f: { path: string; findings: Array<{ ruleId: string; line: number; severity: string }> }) => f.findings.filter((x) => x.severity === 'error').map((x) => [f.path.split('/').pop(), x.ruleId, x.line]));
    expect(errors.sort()).toEqual(EXPECTED.map(([file, id, line]) => [file, id, line]).sort());
  });
});

describe('generated configurations pass the linter', () => {
  const GOLDEN = join(ROOT, 'fixtures/generate');
  const files = readdirSync(GOLDEN).flatMap((c) =>
    readdirSync(join(GOLDEN, c))
      .filter((t) => t !== 'answers.yaml')
      .flatMap((t) =>
        readdirSync(join(GOLDEN, c, t))
          .filter((f) => !f.endsWith('.sh'))
          .map((f) => join('fixtures/generate', c, t, f)),
      ),
  );

  it('templates and fully given inputs have no findings; inputs with placeholders only flag the placeholder', () => {
    const j = JSON.parse(cli(['lint', '--format', 'json', ...files]).stdout);
    expect(j.files).toHaveLength(files.length);
    for (const f of j.files) {
      const placeholders = /<[A-Z-]+>/.test(readFileSync(join(ROOT, f.path), 'utf8'));
      if (!placeholders) expect(f.findings, f.path).toEqual([]);
      else for (const x of f.findings) expect(x.message, f.path).toMatch(/still holds a <PLACEHOLDER>/);
    }
    expect(j.files.filter((f: { findings: unknown[] }) => f.findings.length === 0).length).toBeGreaterThan(15);
  });
});
