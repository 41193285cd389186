// Configuration mistakes the AWS SDK reports in its own words ("Invalid URL", "Could not load
// credentials from any providers"), named here instead: the variable or profile at fault, and how
// to fix it, in one line. Checked before the first call, so that no SDK text reaches the user.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

/** The variables the SDK reads an endpoint from, for the services audit calls (most specific last). */
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_SAGEMAKER', 'AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL_SERVICE_QUOTAS'];

/** An endpoint variable that is set but not an http(s) URL. */
export function endpointUrlProblem(env: Env): string | null {
  for (const name of ENDPOINT_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      // not a URL at all
    }
    if (!ok) return `${name} ${JSON.stringify(value)} is not an http(s) URL; give one such as https://api.sagemaker.us-east-1.amazonaws.com or http://localhost:5000, or unset it`;
  }
  return null;
}

/** Section names of an INI file ("profile x" read as "x"); none when it cannot be read. */
function sections(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/^[ \t]*\[[ \t]*(?:profile[ \t]+)?([^\]]*?)[ \t]*\]/gm)].map((m) => m[1]!);
}

/** AWS_PROFILE names a profile that is in neither the config nor the credentials file. */
export function profileProblem(env: Env): string | null {
  const profile = env.AWS_PROFILE;
  if (!profile) return null;
  const home = env.HOME || homedir();
  const config = env.AWS_CONFIG_FILE || join(home, '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials');
  if ([...sections(config), ...sections(credentials)].includes(profile)) return null;
  return `AWS profile ${JSON.stringify(profile)} (AWS_PROFILE) is in neither ${config} nor ${credentials}; set AWS_PROFILE to one that \`aws configure list-profiles\` lists, or unset it`;
}

/** The first configuration mistake found, or null. */
export function awsConfigProblem(env: Env): string | null {
  return endpointUrlProblem(env) ?? profileProblem(env);
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS did not answer)',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

/** A call that never reached AWS: what happened, and the endpoint variable when one is set. */
export function connectionProblem(e: unknown, env: Env): string | null {
  const code = (e as { code?: string }).code;
  const what = code ? NETWORK[code] : undefined;
  if (!what) return null;
  const variable = ['AWS_ENDPOINT_URL_SAGEMAKER', 'AWS_ENDPOINT_URL'].find((v) => env[v]);
  return variable ? `cannot reach ${env[variable]} (${variable}): ${what}; check the URL, or unset it to use AWS` : `cannot reach AWS: ${what}; check the network or proxy (HTTPS_PROXY)`;
}
