// The parse-only baseline for the lint benchmark: read every file in the folders given and parse
// it with the same YAML parser and CloudFormation tags the linter uses, and do nothing else.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
/** @type {typeof import('yaml')} the copy the bundle uses (dist/vendor, from scripts/build.mjs), typed as the package */
const { parseAllDocuments, LineCounter } = require(join(__dirname, '../dist/vendor/yaml.cjs'));

const FNS = ['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString'];
const key = (n) => (n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`);
/** @type {import('yaml').Tags} */
const tags = ['Ref', 'Condition', ...FNS].flatMap((n) => [
  { tag: `!${n}`, resolve: (s) => ({ [key(n)]: s }) },
  { tag: `!${n}`, collection: 'seq', resolve: (s) => ({ [key(n)]: s.toJSON() }) },
  { tag: `!${n}`, collection: 'map', resolve: (m) => ({ [key(n)]: m.toJSON() }) },
]);
const walk = (p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .sort()
        .flatMap((f) => walk(join(p, f)))
    : [p];
let docs = 0;
for (const f of process.argv.slice(2).flatMap(walk)) {
  for (const d of parseAllDocuments(readFileSync(f, 'utf8'), { lineCounter: new LineCounter(), customTags: tags, uniqueKeys: true, logLevel: 'error' })) {
    if (!d.errors.length) d.toJS({ maxAliasCount: 100 });
    docs++;
  }
}
process.stdout.write(`${docs}\n`);
