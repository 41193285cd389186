import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { commentKey, getAtt, iff, ref, sub, writeYaml, type YamlValue } from '../../src/emit/yaml';

function roundTrip(doc: { [k: string]: YamlValue }) {
  const text = writeYaml(doc, ['a comment', '', 'another'], true);
  const parsed = parseCfnYaml(text);
  expect(parsed.errors).toEqual([]);
  expect(parsed.warnings).toEqual([]);
  return { text, value: parsed.toJS() };
}

describe('writeYaml', () => {
  it('writes strings YAML would misread as quoted strings', () => {
    const tricky = [
      'true',
      'no',
      'Yes',
      'null',
      '~',
      '123',
      '0.7',
      '1e3',
      '-x',
      'a: b',
      'end:',
      "it's # here",
      '',
      ' lead',
      '@x',
      '!x',
      '*x',
      '&x',
      '[x]',
      '{x}',
      '|',
      '>',
      '%x',
      '"q"',
      'multi\nline',
      'tab\there',
      '0x1F',
      '.5',
      '+1',
      'é',
      '#x',
    ];
    const doc = Object.fromEntries(tricky.map((s, i) => [`k${i}`, s]));
    expect(roundTrip(doc).value).toEqual(doc);
  });

  it('writes keys that need quoting', () => {
    const doc = { 'a b': 1, true: 2, '1': 3 };
    expect(roundTrip(doc).value).toEqual({ 'a b': 1, true: 2, '1': 3 });
  });

  it('writes nested maps, lists, empty collections, numbers, booleans and null', () => {
    const doc = { A: { B: [1, 2.5, { C: 'x', D: [] }, [true, false]], E: {} }, F: null, G: [{ H: { I: 'j' } }] };
    expect(roundTrip(doc).value).toEqual(doc);
  });

  it('writes CloudFormation tags in short form that read back as intrinsics', () => {
    const doc = {
      R: ref('Param'),
      S: sub('endpoint/${Endpoint.EndpointName}/variant/AllTraffic'),
      G: getAtt('Endpoint', 'EndpointName'),
      I: iff('HasKms', ref('KmsKeyId'), ref('AWS::NoValue')),
      L: [{ Name: 'EndpointName', Value: getAtt('Endpoint', 'EndpointName') }],
    };
    const { text, value } = roundTrip(doc);
    expect(text).toMatch(/^R: !Ref Param$/m);
    expect(text).toMatch(/^I: !If\n {2}- HasKms\n {2}- !Ref KmsKeyId\n {2}- !Ref AWS::NoValue$/m);
    expect(value).toEqual({
      R: { Ref: 'Param' },
      S: { 'Fn::Sub': 'endpoint/${Endpoint.EndpointName}/variant/AllTraffic' },
      G: { 'Fn::GetAtt': ['Endpoint', 'EndpointName'] },
      I: { 'Fn::If': ['HasKms', { Ref: 'KmsKeyId' }, { Ref: 'AWS::NoValue' }] },
      L: [{ Name: 'EndpointName', Value: { 'Fn::GetAtt': ['Endpoint', 'EndpointName'] } }],
    });
  });

  it('puts comments first and a blank line between top-level keys when spaced', () => {
    const text = writeYaml({ A: 1, B: 2 }, ['one', '', 'two'], true);
    expect(text).toBe('# one\n#\n# two\nA: 1\n\nB: 2\n');
  });

  it('writes comment keys as comment lines in place, at any depth, that no reader sees as data', () => {
    const doc = {
      [commentKey('a')]: 'top',
      A: { [commentKey('b')]: 'nested\nx: 1', B: 1 },
      L: [
        { C: 1, [commentKey('c')]: 'in a list item', D: 2 },
        { [commentKey('d')]: 'first in an item', E: 3 },
      ],
    };
    const text = writeYaml(doc);
    expect(text).toBe('# top\nA:\n  # nested\\nx: 1\n  B: 1\nL:\n  - C: 1\n    # in a list item\n    D: 2\n  - # first in an item\n    E: 3\n');
    const parsed = parseCfnYaml(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.toJS()).toEqual({ A: { B: 1 }, L: [{ C: 1, D: 2 }, { E: 3 }] });
  });

  it('refuses values YAML cannot hold', () => {
    expect(() => writeYaml({ A: Number.NaN })).toThrow(/cannot write NaN/);
  });
});
