// Outside tools the generator tests validate against (cfn-lint, the AWS CLI), found on PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { ORACLES_OFF } from '../oracles';

export function which(cmd: string, check: (version: string) => boolean): string | null {
  if (ORACLES_OFF) return null;
  const candidates = [cmd, ...(cmd === 'aws' ? ['/usr/bin/aws', '/usr/local/bin/aws'] : [])];
  for (const c of candidates) {
    try {
      const v = execFileSync(c, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (check(v)) return c;
    } catch {
      /* not there */
    }
  }
  return null;
}

// No retries: the unreachable endpoint would otherwise cost seconds of back-off per call.
const ENV = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1', AWS_RETRY_MODE: 'standard' };

/** The operation an input file is for: create-model.yaml and create-model-2.yaml are both create-model. */
export const operationOf = (file: string) => file.replace(/(-\d+)?\.(yaml|json)$/, '');

/** Runs the AWS CLI's parameter validation: it passes when the CLI gets as far as the (unreachable) network. */
export function awsValidate(aws: string, operation: string, inputArg: string, file: string): string {
  const r = spawnSync(aws, ['sagemaker', operation, inputArg, `file://${file}`, '--endpoint-url', 'http://127.0.0.1:9', '--cli-connect-timeout', '1', '--cli-read-timeout', '1'], { encoding: 'utf8', env: ENV, timeout: 60_000 });
  const out = r.stdout + r.stderr;
  return /Could not connect to the endpoint URL/.test(out) ? 'ok' : out.trim();
}
