// Generates a recommendation's files at its default plan (no volume), as recommend does without --requests.
import { generate, type Config, type Target } from '../../src/emit/index';
import type { Recommendation } from '../../src/rules/advise/engine';
import type { Deployment } from '../../src/rules/plan/deployment';
import { makePlan } from '../../src/rules/advise/plan-option';
import type { Workload } from '../../src/rules/workload';

export function genFor(rec: Recommendation, w: Workload, d: Deployment, target: Target): Config {
  return generate({ recommendation: rec, plan: makePlan(rec, w, d), cost: null }, d, target);
}

/** The configuration files only: the aws-cli target's deploy.sh is tested on its own (deploy-script.test.ts). */
export function configFor(rec: Recommendation, w: Workload, d: Deployment, target: Target): Config {
  const c = genFor(rec, w, d, target);
  return { ...c, files: c.files.filter((f) => f.kind !== 'aws-cli:deploy-script') };
}
