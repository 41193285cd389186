// Real public Terraform (test/corpus/terraform, see its MANIFEST.md): lint reads every file without
// a crash, and the only errors are the real deploy-time failures the MANIFEST lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers';

describe('the Terraform corpus', () => {
  it('is read whole, and every error is one the MANIFEST explains', () => {
    const r = cli(['lint', '--format', 'json', 'test/corpus/terraform']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.summary.files).toBeGreaterThanOrEqual(40);
    // At least 15 files hold SageMaker resources, and lint recognised each.
    expect(j.files.filter((f: { kinds: string[] }) => f.kinds.includes('terraform')).length).toBeGreaterThanOrEqual(15);
    // Nothing unreadable: every .tf parsed.
    const all = j.files.flatMap((f: { path: string; findings: Array<{ ruleId: string; severity: string; line: number; column: number; messageId: string }> }) =>
      f.findings.map((x) => ({ ...x, path: f.path.replace('test/corpus/terraform/', '') })),
    );
    expect(all.filter((f: { ruleId: string }) => f.ruleId === 'DA0001')).toEqual([]);
    const errors = all.filter((f: { severity: string }) => f.severity === 'error').map((f: { path: string; line: number; column: number; ruleId: string; messageId: string }) => `${f.path} ${f.line}:${f.column} ${f.ruleId} ${f.messageId}`);
    expect(errors).toEqual([
      'JamesWoolfenden__terraform-aws-sagemaker/aws_sagemaker_model.examplea.tf 1:1 DA2001 noContainer',
      'aws-samples__sagemaker-genai-hosting-examples/02-engines/LMI/LMIv16/terraform/main.tf 166:5 DA6001 modelInVariant',
    ]);
    const manifest = readFileSync('test/corpus/terraform/MANIFEST.md', 'utf8');
    for (const e of errors) {
      const [path, at, rule, id] = e.split(' ');
      expect(manifest, e).toContain(`\`${path}\` ${at} | ${rule} \`${id}\``);
    }
  });
});
