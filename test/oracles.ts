// The slow checks against outside tools (cfn-lint, the AWS CLI, pre-commit, tmux) run on one Node
// version only: .ci/run sets DEPLOY_ADVISOR_ORACLES=off for the others, and those tests then say
// SKIPPED with this reason.
export const ORACLES_OFF = process.env.DEPLOY_ADVISOR_ORACLES === 'off';
export const ORACLES_OFF_REASON = 'DEPLOY_ADVISOR_ORACLES=off: the outside-tool checks run on one Node version';
if (ORACLES_OFF) console.warn(`SKIPPED: cfn-lint, AWS CLI, pre-commit and tmux tests (${ORACLES_OFF_REASON})`);
