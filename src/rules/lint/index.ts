// The rule registry: every rule, sorted by id.

import { CFN_SCHEMA_RULES } from './cfn-schema';
import { ENDPOINT_CONFIG_RULES } from './endpoint-config';
import { FILE_RULES } from './file';
import { INFERENCE_COMPONENT_RULES } from './inference-components';
import { MODEL_RULES } from './model';
import { MORE_RULES } from './more';
import { SECURITY_RULES } from './security';
import { TRANSFORM_RULES } from './transform';
import type { Finding, Rule, RuleContext, SecurityMeta } from './types';
import { byCodeUnits } from '../units';

export const RULES: readonly Rule[] = [...FILE_RULES, ...ENDPOINT_CONFIG_RULES, ...MORE_RULES, ...MODEL_RULES, ...TRANSFORM_RULES, ...INFERENCE_COMPONENT_RULES, ...SECURITY_RULES, ...CFN_SCHEMA_RULES].sort((a, b) =>
  byCodeUnits(a.id, b.id),
);

/** What reporters and `deploy-advisor rules` need to know of every rule, lint and artifact alike (the list: src/cli/all-rules.ts). */
export interface RuleMeta {
  id: string;
  name: string;
  severity: 'error' | 'warning';
  title: string;
  description: string;
  source: string;
  /** Message templates by id: what findings' messageId names. */
  messages: Readonly<Record<string, string>>;
  /** Security rules: their code-scanning rank and CWE. */
  security?: SecurityMeta;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Finding, Rule, RuleContext };
