import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rooms of ARCHITECTURE.md as eslint.config.js enforces them (README, Development: the import
// rules): a file placed in a room that imports what the room may not is an error that names the rule,
// and the same import from a room that may is not. The files are linted as text at a path inside the
// room, so nothing is written to src/.
const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('import rules between the rooms of src/rules', () => {
  it.each([
    ['the plan', 'src/rules/plan/extra.ts', "import { assess } from '../advise/engine';", /src\/rules\/plan holds the target-neutral plan/],
    ['the plan', 'src/rules/plan/extra.ts', "import { RULES } from '../lint/index';", /src\/rules\/plan holds the target-neutral plan/],
    ['lint', 'src/rules/lint/extra.ts', "import { makePlan } from '../advise/plan-option';", /src\/rules\/lint holds a config file against the facts/],
    ['lint', 'src/rules/lint/extra.ts', "import { icScaling } from '../plan/scaling';", /src\/rules\/lint holds a config file against the facts/],
    ['lint', 'src/rules/lint/extra.ts', "import { ARTIFACT_RULES } from '../artifact/checks';", /src\/rules\/lint holds a config file against the facts/],
    ['advise', 'src/rules/advise/extra.ts', "import { RULES } from '../lint/index';", /src\/rules\/advise .* must not import lint, audit or artifact/],
    ['the basics', 'src/rules/extra.ts', "import { assess } from './advise/engine';", /the basics at src\/rules' top/],
    ['the facts', 'src/rules/facts/extra.ts', "import { assess } from '../advise/engine';", /src\/rules\/facts holds the facts everything reads/],
  ])('%s may not: %s with %s', async (_room, file, code, message) => {
    const errors = await importErrors(file, `${code}\nexport const x = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['advise reads the plan', 'src/rules/advise/extra.ts', "import { icScaling } from '../plan/scaling';"],
    ['the plan reads the facts', 'src/rules/plan/extra.ts', "import { limit } from '../facts/limits';"],
    ['lint reads the facts', 'src/rules/lint/extra.ts', "import { limit } from '../facts/limits';"],
  ])('%s', async (_what, file, code) => {
    expect(await importErrors(file, `${code}\nexport const x = 1;\n`)).toEqual([]);
  });
});
