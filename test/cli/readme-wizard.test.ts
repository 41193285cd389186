// Issue 21, item 7: the wizard session the README quotes is the real one. The wizard is driven
// (with @inquirer/testing) through the README's answers; each question it asks, with its hint,
// must read as the README quotes it, in the same order; the recommendation the README shows is
// what the scripted command line prints; and that command line is the README's.
import { screen } from '@inquirer/testing/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askWorkload, commandLine, offerToWrite } from '../../src/cli/wizard';
import { makeStyle } from '../../src/cli/style';
import type { Config } from '../../src/emit/index';
import { cli, ROOT } from './helpers';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## `npx deploy-advisor`: the wizard'));
const transcript = /```console\n\$ npx deploy-advisor\n([\s\S]*?)```/.exec(section)![1]!.split('\n');
const answered = transcript.filter((l) => l.startsWith('✔ ')).map((l) => l.slice(2));

async function screenReady(): Promise<string[]> {
  for (let i = 0; i < 200 && !/^\? /.test(screen.getScreen()); i++) await new Promise((r) => setTimeout(r, 5));
  return screen.getScreen().split('\n');
}

/**
 * Answers the prompt on screen as the README line does, and checks that the line quotes it.
 */
async function answerAsReadme(line: string, finished: Promise<unknown>): Promise<void> {
  const shown = await screenReady();
  const first = shown[0]!.replace(/^\? /, '');
  if (shown.some((l) => /^❯ /.test(l))) {
    // A list: the README line is the question and the name of the choice.
    expect(`${line} `.startsWith(`${first} `), `README quotes "${line}"; the wizard asks "${first}"`).toBe(true);
    const choice = line.slice(first.length + 1);
    for (
      let i = 0;
      i < 10 &&
      !screen
        .getScreen()
        .split('\n')
        .some((l) => l === `❯ ${choice}`);
      i++
    ) {
      screen.keypress('down');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(screen.getScreen(), `no choice "${choice}"`).toContain(`❯ ${choice}`);
  } else if (/ \((y\/N|Y\/n)\)$/.test(first)) {
    const q = first.replace(/ \((y\/N|Y\/n)\)$/, '');
    expect(line.startsWith(`${q} `), `README quotes "${line}"; the wizard asks "${q}"`).toBe(true);
    const yes = line.slice(q.length + 1);
    expect(['Yes', 'No']).toContain(yes);
    screen.type(yes === 'Yes' ? 'y' : 'n');
  } else {
    // Text: the question (and hint) may be followed by the default in parentheses.
    const q = line === first || line.startsWith(`${first} `) ? first : first.replace(/ \([^()]*\)$/, '');
    expect(line === q || line.startsWith(`${q} `), `README quotes "${line}"; the wizard asks "${first}"`).toBe(true);
    const value = line.slice(q.length + 1);
    if (value) screen.type(value);
  }
  screen.keypress('enter');
  // The last question's answer ends the prompts: no next screen comes.
  await Promise.race([screen.next(), finished]);
}

describe('the README wizard session (issue 21, item 7)', () => {
  it('finds it', () => expect(answered.length).toBeGreaterThan(8));

  it('asks the questions the README quotes, in order, with the same hints; prints the recommendation and command line it shows', async () => {
    const s = await makeStyle(false);
    const ctx = { output: process.stderr };
    const done = askWorkload({}, ctx, s);
    let i = 0;
    let result: Awaited<typeof done> | null = null;
    void done.then((r) => (result = r));
    while (result === null) {
      expect(i, 'the wizard asks more questions than the README quotes').toBeLessThan(answered.length);
      await answerAsReadme(answered[i++]!, done);
      await new Promise((r) => setTimeout(r, 5));
    }
    const { answers } = result as Awaited<typeof done>;

    // The recommendation shown between the questions and "Write the configuration files?".
    const start = transcript.findIndex((l) => l.startsWith(`✔ ${answered[i - 1]}`)) + 1;
    const end = transcript.findIndex((l) => l.startsWith('✔ Write the configuration files?'));
    const scripted = transcript[transcript.findIndex((l) => l.startsWith('The same decision, scripted')) + 1]!.trim();
    const r = cli(scripted.split(' ').slice(1, scripted.endsWith(' -o .') ? -2 : undefined));
    expect(r.code).toBe(0);
    const printed = r.stdout.split('\n');
    for (const l of transcript.slice(start, end).filter((x) => x.trim() && x.trim() !== '...')) {
      const prefix = l.endsWith('...') ? l.slice(0, -3).replace(/[;,]?\s*$/, '') : null;
      expect(
        printed.some((p) => (prefix ? p.startsWith(prefix) : p === l)),
        `the README shows "${l}"; recommend prints:\n${r.stdout}`,
      ).toBe(true);
    }

    // The questions about writing the files.
    const config = { target: 'cloudformation', files: [{ name: 'template.yaml', content: '' }] } as unknown as Config;
    const writing = offerToWrite(
      config,
      ctx,
      s,
      () => config,
      () => ['template.yaml'],
      { askTarget: true },
    );
    let written: Awaited<typeof writing> | null = null;
    void writing.then((w) => (written = w));
    while (written === null) {
      expect(i, 'the wizard asks more questions than the README quotes').toBeLessThan(answered.length);
      await answerAsReadme(answered[i++]!, writing);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(i, 'the README quotes questions the wizard does not ask').toBe(answered.length);
    const w = written as Awaited<typeof writing>;
    expect(commandLine(answers, w.target, w.dir)).toBe(scripted);
  });
});
