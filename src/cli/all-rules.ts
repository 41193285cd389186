// Every rule the reporters and `deploy-advisor rules` know: lint's and check-artifact's, sorted by id.
// Here, in the outer ring, so that lint and artifact stay apart (the import rules, README).
import { ARTIFACT_RULES } from '../rules/artifact/checks';
import { RULES, type RuleMeta } from '../rules/lint/index';
import { byCodeUnits } from '../rules/units';

export const ALL_RULES: readonly RuleMeta[] = [...RULES, ...ARTIFACT_RULES].sort((a, b) => byCodeUnits(a.id, b.id));
