import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/cli/style';

describe('makeStyle', () => {
  it('without colour, writes what chalk with colours off writes, for every chain the renderers use', async () => {
    const plain = await makeStyle(false);
    const chalk = new Chalk({ level: 0 });
    for (const pick of [(s: typeof chalk) => s.red, (s: typeof chalk) => s.red.bold, (s: typeof chalk) => s.yellow.bold, (s: typeof chalk) => s.dim, (s: typeof chalk) => s.underline, (s: typeof chalk) => s.green.bold.underline]) {
      for (const args of [['text'], ['two', 'words'], [''], [42]]) expect(pick(plain)(...(args as string[]))).toBe(pick(chalk)(...(args as string[])));
    }
    expect(plain.level).toBe(0);
  });

  it('with colour, colours', async () => {
    const s = await makeStyle(true);
    expect(s.red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
