// The hook as a user installs it: the real pre-commit tool, in a scratch repo, from this working
// tree as it is now (uncommitted changes included): pre-commit installs hooks from a commit, so the
// tree is copied into a scratch repository and committed there.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers';
import { ORACLES_OFF, ORACLES_OFF_REASON } from '../oracles';

function tryRun(cmd: string, args: string[], cwd = ROOT): string | null {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const PRE_COMMIT = tryRun('pre-commit', ['--version']);
const CHECKOUT = tryRun('git', ['rev-parse', '--show-toplevel']);
const why = ORACLES_OFF ? ` (SKIPPED: ${ORACLES_OFF_REASON})` : !PRE_COMMIT ? ' (SKIPPED: pre-commit not installed; apt-get install pre-commit)' : !CHECKOUT ? ' (SKIPPED: not a git checkout)' : '';

/** A scratch repository holding the working tree (tracked and new files, not ignored ones), committed. */
function workingTreeRepo(base: string, env: NodeJS.ProcessEnv): { path: string; rev: string } {
  const path = join(base, 'hook-source');
  const list = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of list) {
    try {
      mkdirSync(dirname(join(path, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(path, f));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted in the tree, not yet in git
    }
  }
  const git = (...a: string[]) => execFileSync('git', a, { cwd: path, env, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'working tree');
  return { path, rev: git('rev-parse', 'HEAD') };
}

if (why) console.warn(`SKIPPED: the pre-commit hook end-to-end test${why}`);
describe.skipIf(why !== '')(`pre-commit hook deploy-advisor-lint, installed from this working tree${why}`, () => {
  it('refuses a commit with a bad endpoint config, and takes the fixed one', () => {
    const base = mkdtempSync(join(tmpdir(), 'da-pc-'));
    const repo = join(base, 'repo');
    mkdirSync(repo);
    const env = { ...process.env, PRE_COMMIT_HOME: join(base, 'cache'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    const git = (...a: string[]) => spawnSync('git', a, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q');
    const source = workingTreeRepo(base, env);
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${source.path}\n    rev: ${source.rev}\n    hooks:\n      - id: deploy-advisor-lint\n`);
    writeFileSync(join(repo, 'workflow.yml'), 'on: push\njobs: {}\n'); // not SageMaker: skipped silently
    expect(spawnSync('pre-commit', ['install'], { cwd: repo, env }).status).toBe(0);

    copyFileSync(join(ROOT, 'fixtures/lint/DA1001/invalid.yaml'), join(repo, 'endpoint.yaml'));
    git('add', '.');
    const bad = git('commit', '-m', 'bad');
    expect(bad.status, bad.stdout + bad.stderr).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/endpoint\.yaml\n {2}6:23 {2}error {4}MemorySizeInMB 3000 is not a Serverless memory size/);
    expect(git('log', '--oneline').stdout).toBe('');

    copyFileSync(join(ROOT, 'fixtures/lint/DA1001/valid.yaml'), join(repo, 'endpoint.yaml'));
    git('add', '.');
    const good = git('commit', '-m', 'good');
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout + good.stderr).toMatch(/deploy-advisor lint\.+Passed/);
    expect(git('log', '--oneline').stdout).toMatch(/good/);

    // Terraform: the hook passes the changed .tf file; its module's other files resolve its references.
    mkdirSync(join(repo, 'infra'));
    writeFileSync(join(repo, 'infra', 'variables.tf'), 'variable "memory" {\n  default = 3000\n}\n');
    copyFileSync(join(ROOT, 'fixtures/lint/DA1001/valid.tf'), join(repo, 'infra', 'main.tf'));
    git('add', '.');
    expect(git('commit', '-m', 'terraform').status).toBe(0);
    writeFileSync(join(repo, 'infra', 'main.tf'), readFileSync(join(ROOT, 'fixtures/lint/DA1001/valid.tf'), 'utf8').replace(/memory_size_in_mb = \d+/, 'memory_size_in_mb = var.memory'));
    git('add', '.');
    const tf = git('commit', '-m', 'bad terraform');
    expect(tf.status, tf.stdout + tf.stderr).not.toBe(0);
    expect(tf.stdout + tf.stderr).toMatch(/infra\/main\.tf\n {2}\d+:\d+ {2}error {4}MemorySizeInMB 3000 is not a Serverless memory size.*\(the default of variable memory\)/);
  }, 300_000);
});
