// The generator's entry: a recommendation and deployment values in, configuration files out.

import type { Recommendation } from '../rules/engine';
import type { Workload } from '../rules/workload';
import { awsCli } from './aws-cli';
import { TEMPLATE_FILE, cloudFormation } from './cloudformation';
import type { Deployment } from './deployment';
import { makePlan, type Sizing } from './plan';
import { terraform } from './terraform';

export const TARGETS = ['cloudformation', 'aws-cli', 'terraform'] as const;
export type Target = (typeof TARGETS)[number];

export interface ConfigFile {
  name: string;
  /** 'cloudformation', 'terraform' or 'aws-cli:<operation>'. */
  kind: string;
  content: string;
}

export interface Config {
  target: Target;
  files: ConfigFile[];
  /** What the user should check or fill in before deploying. */
  warnings: string[];
}

export function generate(rec: Recommendation, w: Workload, d: Deployment, requested: Target, sizing: Sizing | null = null): Config {
  const plan = makePlan(rec, w, d, sizing);
  const warnings = [...plan.warnings];
  let target = requested;
  if (rec.option === 'batch-transform' && target === 'cloudformation') {
    target = 'aws-cli';
    warnings.push('CloudFormation has no transform-job resource, so the configuration is AWS CLI input files');
  }
  if (rec.option === 'batch-transform' && target === 'terraform') {
    target = 'aws-cli';
    warnings.push('Terraform has no transform-job resource (neither the aws nor the awscc provider), so the configuration is AWS CLI input files');
  }
  if (target === 'terraform') {
    return { target, files: terraform(plan, d).map((f) => ({ name: f.name, kind: 'terraform', content: f.content })), warnings };
  }
  if (target === 'cloudformation') {
    return { target, files: [{ name: TEMPLATE_FILE, kind: 'cloudformation', content: cloudFormation(plan, d) }], warnings };
  }
  const { files, placeholders } = awsCli(plan, d);
  if (placeholders.length) warnings.push(`the files hold <PLACEHOLDERS> for values not given: ${placeholders.join(', ')}`);
  return { target, files: files.map((f) => ({ name: f.name, kind: `aws-cli:${f.operation}`, content: f.content })), warnings };
}
