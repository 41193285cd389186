// The YAML library's parsing API, for `await import('./yaml-parse')`: a local module, so that the
// bundle requires the vendor file when this is first imported (a dynamic import() of the vendor
// file itself would stay an import() that bin/deploy-advisor.cjs's vm.Script cannot run).
export { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
export { firstDuplicateKey, keyText } from '../rules/lint/duplicate-keys';
