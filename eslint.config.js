// ESLint for the code base (`npm run lint`; not the CLI's own `deploy-advisor lint`).
// Its job is the architecture, not style (Prettier owns layout):
// - src/rules is the core: it imports neither src/emit nor src/cli;
// - src/rules/facts (limits, API and CloudFormation facts, instances, prices) imports nothing else of src/rules' folders;
// - the basics at src/rules' top (units, rate, text, reason, workload, flag-ref) import only the facts and each other;
// - src/rules/plan (the plan's types, scaling policies, deployment values) imports the facts only, not advise, lint, audit or artifact;
// - src/rules/advise imports the facts and the plan, not lint, audit or artifact;
// - src/rules/lint imports the facts, not advise, plan or audit (it lists artifact's rules with its own);
// - src/emit serialises a plan: it does not import src/cli;
// - no import cycle in src/ (type-only imports are exempt: they are erased at run time, so they
//   cannot change module evaluation order; import-x's no-cycle skips them by design).
// Plus typescript-eslint's recommended rules (syntax only, no type information, to stay fast).
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const why = '(README, Development: the import rules)';

export default defineConfig(
  {
    ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.ci/cache/**', 'fixtures/**', 'schemas/**', 'docs/**', 'test/corpus/**', '**/*.generated.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc checks names (src, test, and scripts/ through checkJs); ESLint's copy would need a globals list.
      'no-undef': 'off',
      // Deliberate in this code base, so off rather than churn:
      // - the bundle runs as CommonJS (bin/deploy-advisor.cjs) and loads heavy pieces with a
      //   synchronous require() on first use (BENCHMARKS.md);
      '@typescript-eslint/no-require-imports': 'off',
      // - tests and the AWS response readers handle untyped JSON; tsc's strict mode owns types;
      '@typescript-eslint/no-explicit-any': 'off',
      // - ANSI-colour assertions and the control-character checks on user input match \x00-\x1f;
      'no-control-regex': 'off',
      // - redundant escapes in strings and character classes are style, left to review.
      'no-useless-escape': 'off',
      // `_`-prefixed names are deliberately unused (a dropped field, a callback slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // The architecture: import rules over src/. no-restricted-paths resolves each import (static,
  // `export ... from`, dynamic `import()`, type-only) to a file, so a path spelled any way is caught.
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files when it follows imports, and sees no cycle.
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/rules', from: ['./src/emit', './src/cli'], message: `src/rules is the core: it must not import src/emit or src/cli; move what both need into src/rules ${why}` },
            {
              target: './src/rules/facts',
              from: ['./src/rules/advise', './src/rules/plan', './src/rules/lint', './src/rules/audit', './src/rules/artifact'],
              message: `src/rules/facts holds the facts everything reads: it must not import the advisor, the plan, lint, audit or artifact code ${why}`,
            },
            {
              target: './src/rules/*.ts',
              from: ['./src/rules/advise', './src/rules/plan', './src/rules/lint', './src/rules/audit', './src/rules/artifact'],
              message: `the basics at src/rules' top (units, rates, text, reasons, the workload, flag references) sit beside the facts: they must not import the folders above them ${why}`,
            },
            {
              target: './src/rules/plan',
              from: ['./src/rules/advise', './src/rules/lint', './src/rules/audit', './src/rules/artifact'],
              message: `src/rules/plan holds the target-neutral plan and its scaling policies: it reads the facts only; how an option is planned is a decision, in src/rules/advise ${why}`,
            },
            {
              target: './src/rules/advise',
              from: ['./src/rules/lint', './src/rules/audit', './src/rules/artifact'],
              message: `src/rules/advise (the options, the flowchart, planning, the cost model) reads the facts and the plan: it must not import lint, audit or artifact code ${why}`,
            },
            {
              target: './src/rules/lint',
              from: ['./src/rules/advise', './src/rules/plan', './src/rules/audit', './src/rules/artifact'],
              message: `src/rules/lint holds a config file against the facts: it must not import the advisor, the plan, audit or artifact; move the fact or helper both need into src/rules/facts or src/rules ${why}`,
            },
            { target: './src/emit', from: './src/cli', message: `src/emit only serialises a plan: it must not import src/cli; move what both need into src/rules or src/emit ${why}` },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
);
