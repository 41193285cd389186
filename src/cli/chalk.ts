// chalk, for `await import('./chalk')`: a local module, so that the bundle turns its import into a
// require of dist/vendor/chalk.cjs, made only when colours are on (see style.ts).
export { Chalk } from 'chalk';
