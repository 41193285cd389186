import fc from 'fast-check';
import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFlatAnswers } from '../../src/cli/answers-flat';

// The fast path must read every file it accepts exactly as the YAML library does: same values,
// same positions. Anything it is unsure of it must hand to the library (return null).
function viaYaml(text: string) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) return { error: true as const };
  const data = doc.toJS() as unknown;
  const keyAt: Record<string, { line: number; col: number }> = {};
  const valueAt: Record<string, { line: number; col: number }> = {};
  if (isMap(doc.contents)) {
    for (const p of doc.contents.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const k = String(p.key.value);
      keyAt[k] = lc.linePos(p.key.range![0]);
      if (p.value && isScalar(p.value)) valueAt[k] = lc.linePos(p.value.range![0]);
    }
  }
  return { error: false as const, data, keyAt, valueAt };
}

const KEYS = ['payload', 'latency', 'batch', 'models', 'modelSize', 'traffic', 'roleArn', 'true', 'null', 'No', 'x1'];
const VALUES = [
  '2MB',
  '1.2GB',
  '30s',
  '800ms',
  'none',
  'intermittent',
  'true',
  'True',
  'FALSE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '3',
  '007',
  '0',
  '1.5',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.inf',
  '.nan',
  '~',
  'null',
  'Null',
  '12345678901234567890',
  's3://bucket/model.tar.gz',
  'arn:aws:iam::123456789012:role/SageMaker',
  'text/csv',
  'a:b',
  'foo:',
  "it's",
  'a#b',
  'x,y',
  '[x]',
  '{x}',
  'ml.g5.xlarge',
  '_x',
  './x',
  '"quoted"',
  "'single'",
  '- item',
  '|',
  '>',
  '*alias',
  '&anchor',
  '!tag',
  '%x',
  '@x',
  '`x',
  '?',
  '-1',
  '+1',
];
const line = fc.oneof(
  fc
    .record({ key: fc.constantFrom(...KEYS), gap: fc.constantFrom(' ', '  ', ''), value: fc.constantFrom(...VALUES), tail: fc.constantFrom('', ' ', '  # note', ' #c', '#c', '\t') })
    .map(({ key, gap, value, tail }) => `${key}:${gap}${value}${tail}`),
  fc.constantFrom('', '# a comment', '   ', '  # indented comment', '---', '...', '  payload: 2MB', 'payload:', '\tlatency: 1s'),
);
const file = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, final]) => ls.join(eol) + (final ? eol : ''));

describe('the flat answers fast path', () => {
  it('reads the common files itself', () => {
    const text = '# A text classifier\nbatch: false\npayload: 2MB\nprocessingTime: 800ms\nlatency: 30s   # callers wait\ntraffic: intermittent\nmodels: 3\nroleArn: arn:aws:iam::123456789012:role/x\nmodelData: s3://b/model.tar.gz\n';
    const flat = readFlatAnswers(text);
    expect(flat).not.toBeNull();
    expect(flat!.data).toEqual({ batch: false, payload: '2MB', processingTime: '800ms', latency: '30s', traffic: 'intermittent', models: 3, roleArn: 'arn:aws:iam::123456789012:role/x', modelData: 's3://b/model.tar.gz' });
    expect(flat!.valueAt.latency).toEqual({ line: 5, col: 10 });
  });

  it.each(['{"payload": "2MB"}', 'payload: "2MB"', 'payload: 2 MB', 'payload: 1.5', 'payload:', 'a: 1\na: 2', 'nested:\n  x: 1', '- a', '\uFEFFpayload: 2MB', 'payload: ~'])('hands %j to the YAML library', (text) => {
    expect(readFlatAnswers(text)).toBeNull();
  });

  it('agrees with the YAML library on every file it accepts (values and positions)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(file, (text) => {
        const flat = readFlatAnswers(text);
        if (flat === null) return;
        accepted++;
        const y = viaYaml(text);
        expect(y.error).toBe(false);
        if (y.error) return;
        expect(flat.data).toEqual(y.data);
        expect(flat.keyAt).toEqual(y.keyAt);
        expect(flat.valueAt).toEqual(y.valueAt);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
    expect(accepted).toBeGreaterThan(50); // the property is not vacuous
  });

  it('takes every file of plain answers itself (distinct keys, values with units, comments)', () => {
    const benign = fc
      .uniqueArray(fc.constantFrom('payload', 'latency', 'batch', 'models', 'modelSize', 'traffic', 'roleArn', 'modelData'), { minLength: 1 })
      .chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), fc.constantFrom('2MB', '30s', 'false', '3', 'intermittent', 's3://b/m.tar.gz', 'arn:aws:iam::1:role/x'), fc.constantFrom('', '  # why')))))
      .map((pairs) => `# answers\n${pairs.map(([k, v, c]) => `${k}: ${v}${c}`).join('\n')}\n`);
    fc.assert(
      fc.property(benign, (text) => {
        const flat = readFlatAnswers(text);
        expect(flat).not.toBeNull();
        const y = viaYaml(text);
        expect(y.error ? null : y.data).toEqual(flat!.data);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
