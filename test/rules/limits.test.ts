import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, limit, limitBytes } from '../../src/rules/facts/limits';

describe('limits table', () => {
  it('ids are unique and well formed', () => {
    const ids = LIMITS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
  });

  it('every entry has a source URL (or, for policy, the README section) and a check date', () => {
    for (const e of LIMITS) {
      if (e.option === 'policy') expect(e.source).toBe('README.md#policy-values');
      else expect(e.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws|aws\.amazon\.com\/blogs)\//);
      expect(e.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.limits.length).toBeGreaterThan(3);
      if (e.kind === 'unsupported') expect(e.value).toBe(false);
      else if (e.kind === 'pattern') expect(() => new RegExp(e.value as string)).not.toThrow();
      else expect(typeof e.value).toBe('number');
    }
  });

  // The values in ../shared/facts/limits.md; where sources conflict, the API's (issue #2).
  it.each([
    ['real-time.payload', 6_291_456],
    ['real-time.invocation-timeout', 60],
    ['serverless.payload', 4 * 1024 * 1024],
    ['serverless.memory-min', 1024],
    ['serverless.memory-max', 6144],
    ['serverless.memory-step', 1024],
    ['serverless.max-concurrency', 200],
    ['serverless.invocation-timeout', 60],
    ['async.payload', 1024 ** 3],
    ['async.invocation-timeout', 3600],
    ['async.invocation-timeout-default', 900],
    ['batch-transform.payload', 100],
    ['batch-transform.concurrency-times-payload', 100],
    ['batch-transform.invocation-timeout', 3600],
    ['batch-transform.invocation-timeout-default', 600],
    ['multi-container.containers', 15],
    ['serial-pipeline.containers-min', 2],
    ['serial-pipeline.containers-max', 15],
  ] as const)('%s is %d', (id, value) => expect(limit(id)).toBe(value));

  it('conflicting sources keep the other reading as a note', () => {
    const byId = new Map(LIMITS.map((e) => [e.id, e]));
    expect(byId.get('real-time.payload')!.note).toMatch(/25 MB/);
    expect(byId.get('async.invocation-timeout')!.note).toMatch(/15 min/);
    expect(byId.get('serverless.payload')!.note).toMatch(/6 MB/);
  });

  it('inference components: the API minimums, and the conflicts as notes (issue 14)', () => {
    const byId = new Map(LIMITS.map((e) => [e.id, e]));
    expect(limit('inference-components.memory-min')).toBe(128);
    expect(limitBytes('inference-components.memory-min')).toBe(128 * 1024 * 1024);
    expect(limit('inference-components.cpu-cores-min')).toBe(0.25);
    expect(limit('inference-components.accelerators-min')).toBe(1);
    expect(limit('inference-components.copy-count-min')).toBe(0);
    expect(limit('inference-components.min-instances')).toBe(0);
    expect(limit('inference-components.max-instances-min')).toBe(1);
    expect(limit('inference-components.environment-entries-cfn')).toBe(16);
    expect(byId.get('inference-components.environment-entries-cfn')!.note).toMatch(/100/);
    expect(byId.get('inference-components.cpu-cores-min')!.note).toMatch(/Minimum: 0/);
    expect(byId.get('inference-components.memory-min')!.note).toMatch(/CloudFormation schema .* does not/);
    expect(byId.get('inference-components.scale-out-from-zero')!.note).toMatch(/several minutes/);
    for (const id of ['serverless', 'async', 'multi-model', 'variant-model-name']) expect(byId.get(`inference-components.${id}`)!.value).toBe(false);
    expect(byId.get('inference-components.memory-min')!.checked).toBe('2026-11-25');
  });

  it('limitBytes converts MB limits to bytes', () => {
    expect(limitBytes('batch-transform.payload')).toBe(100 * 1024 * 1024);
    expect(limitBytes('async.payload')).toBe(1024 ** 3);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('no second copy of a limit', () => {
  // The sizes and times SageMaker documents. Small numbers (60, 15, 100, 128...) are too common to tell
  // apart from ordinary code (128 GiB is an instance size); 1000 and 1024 are unit definitions. Every other such value must
  // not appear as a literal elsewhere, in code or in message strings.
  const distinctive = [
    ...new Set(
      LIMITS.filter((e) => e.option !== 'policy' && ['bytes', 'seconds', 'MB'].includes(e.unit))
        .map((e) => e.value)
        .filter((v): v is number => typeof v === 'number'),
    ),
  ].filter((v) => v > 128 && v !== 1000 && v !== 1024);

  it('has distinctive values to look for', () => expect(distinctive).toEqual(expect.arrayContaining([6_291_456, 6144, 3600, 900, 600])));

  it('src/ outside the limits table writes none of them', () => {
    const offenders: string[] = [];
    for (const file of sources('src')) {
      // The generated API model is the API's own copy; test/rules/api.test.ts checks that it agrees with the table.
      if (file.endsWith(join('rules', 'facts', 'limits.ts')) || file.endsWith(join('rules', 'facts', 'api.generated.ts'))) continue;
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const n of [...code.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?![\w.])/g)].map((m) => Number(m[0].replace(/_/g, '')))) {
        if (distinctive.includes(n)) offenders.push(`${file}: ${n}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
