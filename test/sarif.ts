// The SARIF 2.1.0 validator the lint and check-artifact tests share (schema: test/schemas/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, 'schemas/sarif-schema-2.1.0.json'), 'utf8'));
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}
