// Mistakes in the AWS configuration that the SDK would report in its own words ("Invalid URL",
// "Could not load credentials from any providers"): audit names the variable or profile at fault
// and how to fix it, in one line, exit 2, before any call.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from '../cli/helpers';

const home = mkdtempSync(join(tmpdir(), 'da-audit-home-'));
mkdirSync(join(home, '.aws'));
writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n');
writeFileSync(join(home, '.aws', 'credentials'), '[ci]\naws_access_key_id = x\naws_secret_access_key = y\n');
const BASE = { HOME: home, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_EC2_METADATA_DISABLED: 'true' };
const audit = (env: Record<string, string>, ...args: string[]) => cli(['audit', ...args], { env: { ...BASE, ...env } });

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('audit: AWS configuration mistakes in one line', () => {
  it.each([
    [{ AWS_ENDPOINT_URL: 'notaurl' }, 'AWS_ENDPOINT_URL "notaurl" is not an http(s) URL; give one such as https://api.sagemaker.us-east-1.amazonaws.com or http://localhost:5000, or unset it'],
    [{ AWS_ENDPOINT_URL_SAGEMAKER: 'http://' }, 'AWS_ENDPOINT_URL_SAGEMAKER "http://" is not an http(s) URL'],
    [{ AWS_ENDPOINT_URL_CLOUDWATCH: 'localhost:4566' }, 'AWS_ENDPOINT_URL_CLOUDWATCH "localhost:4566" is not an http(s) URL'],
    [{ AWS_PROFILE: 'nope' }, `AWS profile "nope" (AWS_PROFILE) is in neither ${home}/.aws/config nor ${home}/.aws/credentials; set AWS_PROFILE to one that \`aws configure list-profiles\` lists, or unset it`],
  ])('%j', (env, message) => {
    for (const args of [[], ['--endpoint', 'my-endpoint']]) {
      const r = audit(env, ...args);
      expect(r.code).toBe(2);
      expectOneLineError(r.stderr);
      expect(r.stderr).toContain(`deploy-advisor: error: ${message}`);
      expect(r.stderr).not.toMatch(/Invalid URL|Could not load credentials/);
    }
  });

  it('a profile in either file is not refused (the error is then about reaching AWS, not the profile)', () => {
    for (const profile of ['dev', 'ci', 'default']) {
      const r = audit({ AWS_PROFILE: profile, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
      expect(r.stderr, profile).not.toMatch(/AWS_PROFILE/);
    }
  });

  it('an endpoint that refuses connections is named, with the variable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = audit({ AWS_ENDPOINT_URL: url });
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toBe(`deploy-advisor: error: cannot list the endpoints in us-east-1: cannot reach ${url} (AWS_ENDPOINT_URL): the connection was refused; check the URL, or unset it to use AWS\n`);
  });

  it('no credentials at all, with --endpoint: "no usable AWS credentials", not "stopped working"', () => {
    const r = cli(['audit', '--endpoint', 'my-endpoint'], { env: { HOME: home, AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('deploy-advisor: error: no usable AWS credentials (environment, profile, SSO or instance role)\n');
  });
});
