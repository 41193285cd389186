// Reading CloudFormation YAML: short-form intrinsic tags become their long form ({ Ref: X },
// { "Fn::GetAtt": [A, B] }), as cfn-lint reads them.
import { parseDocument, type Document, type LineCounter, type ScalarTag, type CollectionTag } from 'yaml';

const FNS = ['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString'];
const key = (n: string) => (n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`);
const getAtt = (s: string) => {
  const i = s.indexOf('.');
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
};

export const CFN_TAGS: Array<ScalarTag | CollectionTag> = ['Ref', 'Condition', ...FNS].flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => ({ [key(n)]: n === 'GetAtt' ? getAtt(s) : s }) } as ScalarTag,
  { tag: `!${n}`, collection: 'seq', resolve: (seq: { toJSON(): unknown }) => ({ [key(n)]: seq.toJSON() }) } as unknown as CollectionTag,
  { tag: `!${n}`, collection: 'map', resolve: (map: { toJSON(): unknown }) => ({ [key(n)]: map.toJSON() }) } as unknown as CollectionTag,
]);

export function parseCfnYaml(text: string, lineCounter?: LineCounter): Document {
  return parseDocument(text, { customTags: CFN_TAGS, uniqueKeys: true, logLevel: 'error', ...(lineCounter ? { lineCounter } : {}) });
}
