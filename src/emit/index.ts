// The generator's entry: a recommendation and deployment values in, configuration files out.

import type { Recommendation } from '../rules/engine';
import type { Workload } from '../rules/workload';
import { awsCli } from './aws-cli';
import { TEMPLATE_FILE, cloudFormation } from './cloudformation';
import { containersOf, type Deployment } from './deployment';
import { flagRef } from '../rules/flag-ref';
import { makePlan, type Sizing } from './plan';

export const TARGETS = ['cloudformation', 'aws-cli'] as const;
export type Target = (typeof TARGETS)[number];

export interface ConfigFile {
  name: string;
  /** 'cloudformation' or 'aws-cli:<operation>'. */
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
  // Which container is which: the order images and model data are given in.
  const c = containersOf(rec.architecture, w);
  if (c.names.length > 1) {
    const file = rec.architecture === 'inference-components' ? (i: number) => `Model${i}, create-model-${i}.yaml` : (i: number) => `ContainerHostname container-${i}`;
    plan.choices.push(`${flagRef('images')} and ${flagRef('modelData')} are given once per container, in this order: ${c.names.map((n, k) => `${k + 1}. ${n} (${file(k + 1)})`).join('; ')}`);
  }
  const warnings = [...plan.warnings];
  let target = requested;
  if (rec.option === 'batch-transform' && target === 'cloudformation') {
    target = 'aws-cli';
    warnings.push('CloudFormation has no transform-job resource, so the configuration is AWS CLI input files');
  }
  if (target === 'cloudformation') {
    return { target, files: [{ name: TEMPLATE_FILE, kind: 'cloudformation', content: cloudFormation(plan, d) }], warnings };
  }
  const { files, placeholders } = awsCli(plan, d);
  if (placeholders.length) warnings.push(`the files hold <PLACEHOLDERS> for values not given: ${placeholders.join(', ')}`);
  return { target, files: files.map((f) => ({ name: f.name, kind: `aws-cli:${f.operation}`, content: f.content })), warnings };
}
