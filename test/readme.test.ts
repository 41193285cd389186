// Issue 21, item 7: the README says what the tool does. Every `deploy-advisor …` command in its
// code blocks runs against the built bin, each in a fresh temp folder seeded with the files the
// README names (fixtures/readme/, the README's own workload.yaml, a model.tar.gz), and exits as
// the README shows; where it shows output, the tool still prints those lines. Commands that need
// the network or a terminal are skipped by name (SKIPPED below, each with why).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tgz } from './artifact/tarball';
import { BIN, checkJsonOutput, cli, ROOT } from './cli/helpers';
import { TARGETS } from '../src/emit/targets';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Commands not run, by the command as the README writes it, and why. */
const SKIPPED: Record<string, string> = {
  'npx deploy-advisor': 'the wizard needs a terminal; its questions are checked against the README in test/cli/readme-wizard.test.ts',
  'deploy-advisor prices update --region eu-west-1': 'downloads the AWS Price List (network)',
  'deploy-advisor prices show --region eu-west-1 --format json': 'reads the cache that prices update fills (network)',
  'deploy-advisor prices show --prices prices-eu-west-1.json': 'reads a table downloaded by prices update (network)',
  'deploy-advisor audit --region us-east-1': 'reads an AWS account (test/audit/moto.test.ts runs audit against moto_server)',
  'deploy-advisor audit --endpoint my-endpoint --days 30 --format json': 'reads an AWS account (see test/audit/)',
  'deploy-advisor audit --format sarif > audit.sarif': 'reads an AWS account (see test/audit/)',
  'deploy-advisor audit -o proposed/ --target aws-cli': 'reads an AWS account (see test/audit/)',
  'deploy-advisor audit --endpoint idle-rt oversized-rt serverless-heavy async-backlog': 'the example report, from endpoints made in moto_server (test/audit/moto.test.ts)',
  'deploy-advisor audit --quotas': 'reads an AWS account and its Service Quotas (see test/audit/quotas.test.ts)',
  'deploy-advisor audit --quotas --answers workload.yaml': 'reads an AWS account and its Service Quotas (see test/audit/quotas.test.ts)',
  'deploy-advisor audit --quotas --answers video-analysis.json': 'the example, from recorded Service Quotas (test/audit/quotas.test.ts checks it)',
};

/** Commands whose non-zero exit the README shows in prose rather than in output, and why. */
const EXITS: Record<string, number> = {
  // deploy/endpoint-config.yaml is the failing example whose findings the README prints next.
  'deploy-advisor lint templates/ deploy/endpoint-config.yaml': 1,
  'deploy-advisor lint --format sarif . > deploy-advisor.sarif': 1,
};

export interface ReadmeCommand {
  /** The command as the README writes it, without a `$ `, `npx ` or trailing comment. */
  command: string;
  line: number;
  /** Output lines shown after it in a console block (empty when none is shown). */
  output: string[];
}

/** Every deploy-advisor command in the README's code blocks, in order. */
export function readmeCommands(text: string): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  const lines = text.split('\n');
  let lang: string | null = null;
  // A block inside a list item is indented; its lines are read without that indent.
  let indent = '';
  let current: ReadmeCommand | null = null;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```(\S*)/.exec(lines[i]!);
    if (fence) {
      if (lang === null) [indent, lang] = [fence[1]!, fence[2]!];
      else lang = null;
      current = null;
      continue;
    }
    let l = lines[i]!.startsWith(indent) ? lines[i]!.slice(indent.length) : lines[i]!;
    if (lang === 'console') {
      const start = i;
      // A command continued with \ is one command, as in the sh blocks.
      while (l.startsWith('$ ') && l.endsWith('\\') && i + 1 < lines.length) l = `${l.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
      if (l.startsWith('$ ')) {
        current = /\bdeploy-advisor\b/.test(l)
          ? {
              command: l
                .slice(2)
                .replace(/^npx (deploy-advisor)/, '$1')
                .trim(),
              line: start + 1,
              output: [],
            }
          : null;
        if (current) out.push(current);
        if (current && l === '$ npx deploy-advisor') current.command = 'npx deploy-advisor';
      } else if (current) current.output.push(l);
    } else if (lang === 'sh') {
      let cmd = l;
      const start = i;
      while (cmd.endsWith('\\') && i + 1 < lines.length) cmd = `${cmd.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
      // Keep the part that runs deploy-advisor: "npm ci && npx deploy-advisor recommend …" is "deploy-advisor recommend …".
      const part = cmd.split(' && ').find((p) => /(^|\| )(npx )?deploy-advisor /.test(p.trim()));
      if (!part) continue;
      const command = part
        .replace(/\s+#.*$/, '')
        .replace(/\bnpx (deploy-advisor)\b/, '$1')
        .trim();
      out.push({ command, line: start + 1, output: [] });
    }
  }
  while (out.some((c) => c.output.at(-1) === '')) for (const c of out) while (c.output.at(-1) === '') c.output.pop();
  return out;
}

/** A line as compared: sizes may differ (the README's model is not ours), and a shown line ending in "..." or "…" is a prefix. */
const sizes = (s: string) => s.replace(/\d+(\.\d+)? (B|KiB|MiB|GiB|KB|MB|GB)\b/g, '<size>');
function shownIn(shown: string, printed: string[]): boolean {
  const want = sizes(shown.trimEnd());
  if (want.trim() === '...' || want.trim() === '') return true;
  const cut = /(\.\.\.|…)$/.exec(want);
  const prefix = cut ? want.slice(0, -cut[1]!.length).replace(/[;,]?\s*$/, '') : null;
  return printed.some((p) => (prefix !== null ? sizes(p).startsWith(prefix) : sizes(p) === want));
}

/** A fresh folder with the files the README's commands name. */
function seeded(): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-readme-'));
  cpSync(join(ROOT, 'fixtures/readme'), dir, { recursive: true });
  // The answers file the README shows (generated from the input table) is the workload.yaml its commands read.
  const example = /```yaml\n# workload\.yaml\n([\s\S]*?)```/.exec(README);
  writeFileSync(join(dir, 'workload.yaml'), example![1]!);
  // The README's check-artifact example: everything inside model/.
  writeFileSync(
    join(dir, 'model.tar.gz'),
    tgz([
      { name: 'model/', type: '5' },
      { name: 'model/model.pth', data: 'weights' },
      { name: 'model/code/inference.py', data: 'def model_fn(d): pass' },
    ]),
  );
  // `deploy-advisor` on PATH is the built bin.
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'deploy-advisor'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'deploy-advisor'), 0o755);
  return dir;
}

const commands = readmeCommands(README);

describe('README commands (issue 21, item 7)', () => {
  it('finds the commands (a parser that finds none would pass everything)', () => {
    expect(commands.length).toBeGreaterThan(15);
    expect(commands.map((c) => c.command)).toContain('deploy-advisor recommend --answers workload.yaml --format json');
    expect(commands.find((c) => c.command.startsWith('deploy-advisor check-artifact'))!.output.length).toBeGreaterThan(2);
    for (const name of Object.keys({ ...SKIPPED, ...EXITS }))
      expect(
        commands.map((c) => c.command),
        `${name} is no longer in the README`,
      ).toContain(name);
  });

  it.each(commands.map((c) => [`${c.line}: ${c.command}`, c] as const))('%s', (_name, c) => {
    if (SKIPPED[c.command]) {
      console.log(`SKIPPED: README line ${c.line}, ${c.command} (${SKIPPED[c.command]})`);
      return;
    }
    const dir = seeded();
    const r = spawnSync('/bin/sh', ['-c', c.command], {
      cwd: dir,
      env: { PATH: `${join(dir, '.bin')}:${process.env.PATH ?? ''}`, NO_COLOR: '1', XDG_CACHE_HOME: join(dir, '.cache'), HOME: dir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    // The README shows a failing run by its summary line (✖ N problems, or recommend's "No … fits"), or names the exit in EXITS.
    const expected = EXITS[c.command] ?? (c.output.some((l) => /^✖ \d+ problems?|^No SageMaker hosting option fits/.test(l)) ? 1 : 0);
    expect(r.status, `README line ${c.line}: ${c.command}\n${r.stderr}`).toBe(expected);
    // A JSON output the README asks for is checked against its schema too.
    checkJsonOutput(c.command.split(/\s+/), r.stdout);
    const printed = `${r.stdout}\n${r.stderr}`.split('\n');
    const missing = c.output.filter((l) => !shownIn(l, printed));
    expect(missing, `README line ${c.line}: ${c.command} no longer prints these lines`).toEqual([]);
    // Lines shown one after the other are printed one after the other: a sample leaves lines out only where it shows "...".
    const same = (shown: string, p: string | undefined) => p !== undefined && (shown.trim() === '' ? p.trim() === '' : shownIn(shown, [p]));
    const runs = c.output
      .join('\n')
      .split(/^\s*\.\.\.\s*$/m)
      .map((r) => r.split('\n').filter((_l, k, all) => all.slice(0, k + 1).some((x) => x.trim()) && all.slice(k).some((x) => x.trim())));
    const broken = runs.filter((run) => run.length > 1 && !printed.some((_p, j) => run.every((l, k) => same(l, printed[j + k]))));
    expect(
      broken.map((r) => r.join('\n')),
      `README line ${c.line}: ${c.command} prints other lines among these (show them, or a "..." line where some are left out)`,
    ).toEqual([]);
  });
});

describe('the README and lint --help name the same AWS CLI inputs', () => {
  it('every aws-cli kind lint recognises, in both', () => {
    const kinds = [...readFileSync(join(ROOT, 'src/rules/lint/types.ts'), 'utf8').matchAll(/'aws-cli:(create-[a-z-]+)'/g)].map((m) => m[1]!);
    expect(kinds.length).toBe(5);
    const help = cli(['lint', '--help']).stdout.replace(/\s+/g, ' ');
    const readme = /AWS CLI inputs for ([^;]+);/.exec(README.replace(/\s+/g, ' '))![1]!;
    for (const k of kinds) {
      expect(help, `lint --help does not name ${k}`).toContain(k);
      expect(readme, `the README does not name ${k}`).toContain(k);
    }
    expect(help.match(/create-[a-z-]+/g)!.length).toBe(kinds.length);
  });
});

describe('the README says once, near the top, that a clone runs npx deploy-advisor', () => {
  it('in the Quick start', () => {
    const top = README.slice(0, README.indexOf('## `npx deploy-advisor`'));
    expect(top).toMatch(/In a clone[^.]*`npx deploy-advisor/);
  });
});

describe("the README's generated-configuration table names every file each target writes", () => {
  const row = (target: string) => README.split('\n').find((l) => l.startsWith(`| \`${target}\``))!;
  const workloads: Record<string, string[]> = {
    'single model': ['--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'sustained'],
    batch: ['--batch', '--payload', '2MB', '--content-type', 'text/csv'],
    'inference components': [...['--no-batch', '--payload', '20KB', '--processing-time', '1s', '--latency', '5s', '--traffic', 'sustained'], ...['--gpu', '--models', '3', '--frameworks', '3', '--model-sizes', '30GB,8GB,2GB']],
  };
  it.each(TARGETS.flatMap((t) => Object.keys(workloads).map((w) => [t, w] as const)))('%s, %s', (target, workload) => {
    const r = cli(['recommend', ...workloads[workload]!, '--target', target, '--format', 'json']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout).config as { target: string; files: { name: string; kind: string }[] };
    // A batch job gets the AWS CLI inputs whatever the target, and the README says so.
    const written = row(config.target);
    expect(written, `no README row for ${config.target}`).toBeDefined();
    for (const f of config.files) expect(written, `README's ${config.target} row does not name ${f.name}`).toContain(`\`${f.name.replace(/-\d+\./, '-N.')}\``);
    const json = /"config": \{[\s\S]*?\n\}/.exec(README)![0];
    for (const f of config.files) expect(json, `README's config JSON does not name the kind ${f.kind}`).toContain(`"${f.kind.replace(/:create-[a-z-]+$/, ':<operation>')}"`);
  });
});
