// The generator's entry: a recommendation and deployment values in, configuration files out.

import type { Deployment } from '../rules/plan/deployment';
import { awsCli } from './aws-cli';
import { TEMPLATE_FILE, cloudFormation } from './cloudformation';
import type { Emit } from './common';
import { terraform } from './terraform';

import type { Target } from './targets';

export { TARGETS, type Target } from './targets';

/** The aws-cli target's deploy script: the input files in order, then the plan's autoscaling. */
export const DEPLOY_SCRIPT = 'deploy.sh';

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

/** The files that deploy a plan, in a target. */
export function generate(e: Emit, d: Deployment, requested: Target): Config {
  const warnings = [...e.plan.warnings];
  let target = requested;
  if (e.plan.option === 'batch-transform' && target === 'cloudformation') {
    target = 'aws-cli';
    warnings.push('CloudFormation has no transform-job resource, so the configuration is AWS CLI input files');
  }
  if (e.plan.option === 'batch-transform' && target === 'terraform') {
    target = 'aws-cli';
    warnings.push('Terraform has no transform-job resource (neither the aws nor the awscc provider), so the configuration is AWS CLI input files');
  }
  if (target === 'terraform') {
    return { target, files: terraform(e, d).map((f) => ({ name: f.name, kind: 'terraform', content: f.content })), warnings };
  }
  if (target === 'cloudformation') {
    return { target, files: [{ name: TEMPLATE_FILE, kind: 'cloudformation', content: cloudFormation(e, d) }], warnings };
  }
  const { files, placeholders, script } = awsCli(e, d);
  if (placeholders.length) warnings.push(`the files hold <PLACEHOLDERS> for values not given: ${placeholders.join(', ')}`);
  return { target, files: [...files.map((f) => ({ name: f.name, kind: `aws-cli:${f.operation}`, content: f.content })), { name: DEPLOY_SCRIPT, kind: 'aws-cli:deploy-script', content: script }], warnings };
}
