// deploy-advisor lint measured against cfn-lint (issue 22): every error cfn-lint reports in a
// SageMaker template's SageMaker resources, lint reports on the same line under its own rule id;
// beyond those, lint reports only what is a real deploy-time failure, each written down here with
// why. Needs cfn-lint on PATH; the real-world part needs ../shared/corpus/real-world beside the
// checkout (or DEPLOY_ADVISOR_CORPUS pointing at it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { isCfnResourceType } from '../../src/rules/facts/cfn';
import { ORACLES_OFF, ORACLES_OFF_REASON } from '../oracles';
import { cli, ROOT } from '../cli/helpers';
import { which } from '../emit/tools';

const CFN_LINT = which('cfn-lint', () => true);
const CORPUS = process.env.DEPLOY_ADVISOR_CORPUS ?? join(ROOT, '../shared/corpus/real-world');
const CFN_DIR = join(CORPUS, 'cloudformation');
const noTool = ORACLES_OFF ? ORACLES_OFF_REASON : !CFN_LINT ? 'cfn-lint is not installed (pip install cfn-lint)' : '';
const noCorpus = noTool || (existsSync(CFN_DIR) ? '' : '../shared/corpus/real-world is not beside this checkout (or set DEPLOY_ADVISOR_CORPUS)');
if (noTool) console.warn(`SKIPPED: lint against cfn-lint on the issue-22 templates (${noTool})`);
if (noCorpus) console.warn(`SKIPPED: lint against cfn-lint on the real-world corpus (${noCorpus})`);

/** cfn-lint's error rules and ours for the same defect. */
const OURS: Record<string, string> = {
  E0000: 'DA0001', // the file cannot be read (duplicate keys...)
  E3002: 'DA9001', // additional properties are not allowed
  E3003: 'DA9002', // a required property is missing
  E3012: 'DA9003', // wrong type
  E1010: 'DA9004', // !GetAtt of an unknown resource or attribute
  E1020: 'DA9004', // !Ref of something the template does not define
  E1019: 'DA9004', // !Sub variable the template does not define
  E1029: 'DA9005', // ${...} outside Fn::Sub
};

interface CfnLintFinding {
  Filename: string;
  Level: 'Error' | 'Warning' | 'Informational';
  Rule: { Id: string };
  Message: string;
  Location: { Start: { LineNumber: number }; Path: Array<string | number> | null };
}
interface OurFinding {
  ruleId: string;
  severity: string;
  line: number;
  message: string;
}

function cfnLint(dir: string, files: string[]): CfnLintFinding[] {
  const r = spawnSync(CFN_LINT!, ['--format', 'json', ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status === null || (r.status & 1) !== 0) throw new Error(`cfn-lint failed to run (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function ourErrors(dir: string, files: string[]): Map<string, OurFinding[]> {
  const r = cli(['lint', '--format', 'json', ...files.map((f) => join(dir, f))]);
  const j = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: OurFinding[] }> };
  return new Map(j.files.map((f) => [f.path.split('/').pop()!, f.findings.filter((x) => x.severity === 'error')]));
}

/**
 * The errors cfn-lint reports about a template's SageMaker resources (and the resources lint
 * checks with them): in their properties, in a parameter Default with ${...} that one of them
 * reads (E1029), or the file as a whole (E0000). Not: Lambda runtimes (E2533) and other resources.
 */
function sageMakerErrors(dir: string, found: CfnLintFinding[]): CfnLintFinding[] {
  const types = new Map<string, Record<string, unknown>>();
  const typeOf = (file: string, id: string): string => {
    if (!types.has(file)) {
      const data = parseCfnYaml(readFileSync(join(dir, file), 'utf8')).toJS() as { Resources?: Record<string, { Type?: string }> } | null;
      types.set(file, Object.fromEntries(Object.entries(data?.Resources ?? {}).map(([k, v]) => [k, v?.Type])));
    }
    return String(types.get(file)![id] ?? '');
  };
  return found.filter((x) => {
    if (x.Level !== 'Error') return false;
    const p = x.Location.Path;
    if (!p) return x.Rule.Id === 'E0000';
    if (p[0] === 'Parameters') return x.Rule.Id === 'E1029';
    if (p[0] !== 'Resources') return false;
    const t = typeOf(x.Filename, String(p[1]));
    return t.startsWith('AWS::SageMaker::') || isCfnResourceType(t);
  });
}

/** Where lint and cfn-lint disagree: cfn-lint errors lint lacks (on that line, under our id), and lint errors cfn-lint lacks. */
function compare(dir: string, files: string[]) {
  const theirs = sageMakerErrors(dir, cfnLint(dir, files));
  const ours = ourErrors(dir, files);
  const missed: string[] = [];
  const matched = new Set<OurFinding>();
  for (const x of theirs) {
    const id = OURS[x.Rule.Id];
    const line = x.Location.Start.LineNumber;
    // A file that cannot be read is one finding for lint (it stops at the first duplicate key); cfn-lint lists each.
    const hit = (ours.get(x.Filename) ?? []).filter((f) => f.ruleId === id && (f.line === line || id === 'DA0001'));
    if (!id || hit.length === 0) missed.push(`${x.Filename}:${line} ${x.Rule.Id} ${x.Message} (lint: ${id ?? 'no counterpart'})`);
    hit.forEach((f) => matched.add(f));
  }
  const extra = [...ours].flatMap(([file, fs]) => fs.filter((f) => !matched.has(f)).map((f) => [file, f.ruleId, f.line] as const));
  return { theirs, missed, extra };
}

describe.skipIf(noTool !== '')(`lint against cfn-lint on the issue-22 templates${noTool ? ` (SKIPPED: ${noTool})` : ''}`, () => {
  it('finds what cfn-lint finds in the misspelt template, and the attribute it does not look at; both clean once fixed', () => {
    const dir = join(ROOT, 'fixtures/cfn-schema');
    const { theirs, missed, extra } = compare(dir, ['misspelt-model.yaml', 'fixed-model.yaml']);
    expect(theirs.map((x) => x.Rule.Id).sort()).toEqual(['E1029', 'E1029', 'E3002', 'E3002']);
    expect(missed).toEqual([]);
    // cfn-lint does not look inside an unknown property, so it misses !GetAtt Model.model in
    // `Model: !GetAtt Model.model`. CloudFormation rejects it: "Template error: resource Model does
    // not support attribute type model in Fn::GetAtt".
    expect(extra).toEqual([['misspelt-model.yaml', 'DA9004', 25]]);
  }, 120_000);
});

describe.skipIf(noTool !== '')(`cfn-lint on the examples of DA9001-DA9005${noTool ? ` (SKIPPED: ${noTool})` : ''}`, () => {
  it('reports the same rule on each failing example, and no error on the passing ones', () => {
    const ids = ['DA9001', 'DA9002', 'DA9003', 'DA9004', 'DA9005'];
    const dir = join(ROOT, 'fixtures/lint');
    const found = cfnLint(
      dir,
      ids.flatMap((id) => [`${id}/invalid.yaml`, `${id}/valid.yaml`]),
    ).filter((x) => x.Level === 'Error');
    for (const id of ids) {
      const theirs = [...new Set(found.filter((x) => x.Filename === `${id}/invalid.yaml`).map((x) => OURS[x.Rule.Id]))];
      expect(theirs, id).toEqual([id]);
      expect(
        found.filter((x) => x.Filename === `${id}/valid.yaml`),
        id,
      ).toEqual([]);
    }
  }, 120_000);
});

describe.skipIf(noCorpus !== '')(`lint against cfn-lint on the real-world corpus${noCorpus ? ` (SKIPPED: ${noCorpus})` : ''}`, () => {
  // What lint reports beyond cfn-lint, each a failure when the stack is deployed (with its defaults).
  const BEYOND_CFN_LINT = [
    ['caseywhorton__deep-ar-mlops-project-deploy__template.yml', 'DA2001', 22, 'the Model has no container at all: CreateModel needs PrimaryContainer or Containers'],
    ['RamVegiraju__SageMaker-Deployment__SM-Inference-Video-Series__Part10-CloudFormation-IaC__template.yaml', 'DA2004', 78, 'ModelDataUrl defaults to "Replace with your Model Data Path", which fails its s3:// or https:// pattern'],
    ['simonespa__sagemaker-playground__infrastructure__sagemaker__template.yaml', 'DA2004', 10, 'a container with no Image (nor ModelPackageName): CreateModel fails'],
    ['simonespa__sagemaker-playground__infrastructure__sagemaker__template.yaml', 'DA1011', 20, 'a variant with neither InstanceType nor ServerlessConfig: CreateEndpointConfig fails'],
    ['will-stanton__sagemaker-cloudformation-demo__stack.yml', 'DA2004', 38, 'ModelDataUrl defaults to "model", which fails its pattern'],
    ['will-stanton__sagemaker-cloudformation-demo__stack.yml', 'DA2004', 40, 'ExecutionRoleArn defaults to "arn", which fails the role ARN pattern'],
  ] as const;

  it('reports every SageMaker-resource error cfn-lint reports, under our ids; beyond them only known deploy-time failures', () => {
    const files = readdirSync(CFN_DIR).sort();
    const { theirs, missed, extra } = compare(CFN_DIR, files);
    // The corpus's SageMaker-resource errors by cfn-lint 1.51: the undefined role of simonespa's
    // model (E1010) and caylent's duplicate keys (E0000, in an IAM policy: the file cannot be read).
    // Not counted: E2533 (Lambda runtimes) and E2015 (a parameter's Default "true" against
    // AllowedValues [true, false]: a YAML boolean read as a string by CloudFormation).
    expect(theirs.length).toBeGreaterThan(0);
    expect(missed).toEqual([]);
    expect(extra.map(([f, id, line]) => `${f} ${id} ${line}`).sort()).toEqual(BEYOND_CFN_LINT.map(([f, id, line]) => `${f} ${id} ${line}`).sort());
  }, 300_000);
});
