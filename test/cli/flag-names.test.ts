// Issue 9 item 3: the core (src/rules, src/emit) never spells a CLI flag; it refers to answers by
// input-table key ({{flag:key}}) and the CLI names the flag.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS, nameFlags } from '../../src/cli/inputs';
import { flagRef } from '../../src/rules/flag-ref';
import { cli, ROOT } from './helpers';

const FLAGS = [...new Set(INPUTS.flatMap((i) => [i.flag.replace(/^-\w, /, ''), ...(i.negate ? [i.negate] : [])]))];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(join('rules', 'lint')) ? [] : sources(p); // lint's own messages: another change
    return p.endsWith('.ts') && !p.endsWith('api.generated.ts') ? [p] : [];
  });
}

/** The code without its comments (kept as blank lines, so line numbers hold). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('flag names stay in src/cli', () => {
  it('no file in src/rules or src/emit names a deploy-advisor flag outside comments', () => {
    const found: string[] = [];
    for (const f of [...sources(join(ROOT, 'src', 'rules')), ...sources(join(ROOT, 'src', 'emit'))]) {
      // An AWS CLI command line a message quotes ("aws service-quotas request-service-quota-increase ... --region us-east-1") has the AWS CLI's flags, not ours.
      const lines = code(readFileSync(f, 'utf8'))
        .split('\n')
        .map((line) => line.replace(/\baws [a-z0-9-]+ [a-z0-9-]+ [^'"`]*/g, ''));
      lines.forEach((line, n) => {
        for (const flag of FLAGS) if (new RegExp(`${flag}(?![\\w-])`).test(line)) found.push(`${f.slice(ROOT.length + 1)}:${n + 1}: ${flag}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the CLI names the flags the core refers to', () => {
    expect(nameFlags(`give ${flagRef('peak')} to change it; ${flagRef('latency')} none`)).toBe('give --peak to change it; --latency none');
    const r = cli(['recommend', '--no-batch', '--payload', '10KB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'sustained', '--requests', '5M/day', '--format', 'json'], {
      env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'da-flags-')) },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\{\{flag:/);
    const j = JSON.parse(r.stdout);
    expect(j.assumptions).toContain('peak 116/s: 2 x the average for sustained traffic (give --peak to change it)');
    const adv = cli(['recommend', '--no-batch', '--payload', '50MB', '--processing-time', '5m', '--latency', 'none', '--traffic', 'sustained', '--models', '3', '--frameworks', '3']);
    expect(adv.stdout).toMatch(/serial inference pipeline \(--pipeline 3\)/);
    expect(adv.stdout).not.toMatch(/\{\{flag:/);
  });
});
