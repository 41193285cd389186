// The wizard in a real pseudo-terminal (tmux), as a person would use it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from './helpers';
import { ORACLES_OFF } from '../oracles';

function hasTmux(): boolean {
  if (ORACLES_OFF) return false;
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the wizard is not tested in a real terminal');
const sessions: string[] = [];

class Terminal {
  readonly socket = `da-${process.pid}-${Math.random().toString(36).slice(2)}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'da-pty-'));
  readonly exitFile = join(this.dir, '.exit');

  constructor(args: string[], env = 'NO_COLOR=1') {
    sessions.push(this.socket);
    // CI sets CI=true, which (rightly) turns prompting off: the program under test runs without it.
    const cmd = `cd ${this.dir} && env -u CI -u PRE_COMMIT -u NO_COLOR -u FORCE_COLOR ${env} ${process.execPath} ${BIN} ${args.join(' ')}; echo $? > ${this.exitFile}; sleep 60`;
    execFileSync('tmux', ['-L', this.socket, 'new-session', '-d', '-s', 'w', '-x', '200', '-y', '80', cmd]);
  }

  /** What the terminal shows; with escapes, its colours too. */
  screen(escapes = false): string {
    return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'w', '-S', '-200'], { encoding: 'utf8' });
  }

  async waitFor(re: RegExp, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (re.test(this.screen())) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`screen never showed ${re}:\n${this.screen()}`);
  }

  /** Types text (or tmux key names such as Enter, Down, C-c). */
  keys(...k: string[]): void {
    execFileSync('tmux', ['-L', this.socket, 'send-keys', '-t', 'w', ...k]);
  }

  async answer(prompt: RegExp, ...k: string[]): Promise<void> {
    await this.waitFor(prompt);
    this.keys(...k);
  }

  async exitCode(ms = 10_000): Promise<number> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (existsSync(this.exitFile)) {
        const t = readFileSync(this.exitFile, 'utf8').trim();
        if (t) return Number(t);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no exit:\n${this.screen()}`);
  }
}

afterEach(() => {
  while (sessions.length) {
    try {
      execFileSync('tmux', ['-L', sessions.pop()!, 'kill-server'], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
  }
});

describe.skipIf(!TMUX)(`the wizard in a real terminal${TMUX ? '' : ' (SKIPPED: tmux not installed)'}`, () => {
  it('per-request path: Serverless, writes a CloudFormation template, prints the scripted command', async () => {
    const t = new Terminal([]);
    await t.answer(/How does the data arrive\?/, 'Enter');
    await t.answer(/Largest request payload\?/, '2MB', 'Enter');
    await t.answer(/Worst-case model time per request\?/, '800ms', 'Enter');
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/What does the traffic look like\?/, 'Down', 'Enter');
    await t.answer(/Does the model need a GPU\?/, 'Enter');
    await t.answer(/How many models behind one endpoint\?/, 'Enter');
    await t.answer(/Model size in memory\?/, '1.2GB', 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.waitFor(/Recommendation: Serverless Inference/);
    await t.answer(/Write the configuration files\?/, 'Enter');
    await t.answer(/Which kind\?/, 'Enter');
    await t.answer(/Into which folder\?/, 'Enter');
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toMatch(/Wrote template\.yaml/);
    expect(screen).toMatch(/deploy-advisor recommend --no-batch --payload 2MB --processing-time 800ms --latency 30s --traffic intermittent --model-size 1\.2GB -o \./);
    expect(readFileSync(join(t.dir, 'template.yaml'), 'utf8')).toMatch(/MemorySizeInMB: 2048/);
  });

  it('a volume typed in the wizard prices every option and reaches the scripted command line', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '10KB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '500MB', '--models', '1']);
    await t.answer(/How soon do callers need the answer\?/, '10m', 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.waitFor(/Average request volume\?/);
    t.keys('5M/day');
    await t.waitFor(/5M\/day\s+= 57\.9\/s, 152M a month/);
    t.keys('Enter');
    await t.answer(/Peak request rate\?/, 'Enter');
    await t.waitFor(/Write the configuration files\?/);
    const shown = t.screen();
    expect(shown).toMatch(/Monthly cost \(us-east-1 list prices/);
    expect(shown).toMatch(/Real-Time Inference \(ml\.\S+\)\s+\$[\d,]+\.\d\d/);
    expect(shown).toMatch(/> Serverless Inference\s+\$[\d,]+\.\d\d/);
    expect(shown).toMatch(/cheapest option that fits: about \$/);
    t.keys('n', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toMatch(/deploy-advisor recommend --no-batch --payload 10KB --processing-time 800ms --latency 10m --traffic sustained --model-size 500MB --requests 5M\/day\n/);
  });

  it('batch path: no latency or traffic questions, writes AWS CLI inputs into a folder', async () => {
    const t = new Terminal([]);
    await t.answer(/How does the data arrive\?/, 'Down', 'Enter');
    await t.answer(/Largest record or mini-batch\?/, '20MB', 'Enter');
    await t.answer(/Worst-case model time per request\?/, '90s', 'Enter');
    await t.answer(/Does the model need a GPU\?/, 'Enter');
    await t.answer(/Model size in memory\?/, 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.answer(/Content type of the input\?/, 'text/csv', 'Enter');
    await t.answer(/How many records, per run period\?/, 'Enter');
    await t.waitFor(/Recommendation: Batch Transform/);
    const questions = t.screen().split('Workload:')[0]!;
    expect(questions).not.toMatch(/How soon do callers|traffic look like|How many models|Serverless|Real-Time/);
    await t.answer(/Write the configuration files\?/, 'Enter');
    await t.answer(/Into which folder\?/, 'jobs', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(readdirSync(join(t.dir, 'jobs')).sort()).toEqual(['create-model.yaml', 'create-transform-job.yaml', 'deploy.sh']);
    expect(readFileSync(join(t.dir, 'jobs', 'create-transform-job.yaml'), 'utf8')).toMatch(/SplitType: Line/);
    expect(t.screen()).toMatch(/deploy-advisor recommend --batch --payload 20MB --processing-time 90s --content-type text\/csv -o jobs/);
  });

  it('flags pre-answer: recommend with answers missing asks only the rest; declining writes nothing', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '200MB', '--no-gpu', '--model-size', '1GB', '--models', '1']);
    await t.answer(/Worst-case model time per request\?/, '5m', 'Enter');
    await t.answer(/How soon do callers need the answer\?.*this needs a queue/, 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.waitFor(/Recommendation: Asynchronous Inference/);
    const screen = t.screen();
    expect(screen).not.toMatch(/How does the data arrive|Largest request payload|Does the model need a GPU|Model size in memory|traffic look like/);
    await t.answer(/Write the configuration files\?/, 'n', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toMatch(/Nothing written\./);
    expect(readdirSync(t.dir).filter((f) => f !== '.exit')).toEqual([]);
  });

  it('Ctrl-C exits 130 with one line and writes nothing', async () => {
    const t = new Terminal([]);
    await t.answer(/How does the data arrive\?/, 'Enter');
    await t.answer(/Largest request payload\?/, 'C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/deploy-advisor: cancelled; nothing was written/);
    expect(t.screen()).not.toMatch(/\n\s+at /);
    expect(readdirSync(t.dir).filter((f) => f !== '.exit')).toEqual([]);
  });

  it('--no-color reaches the prompts too (and without it, a terminal gets colours)', async () => {
    const coloured = new Terminal([], 'TERM=xterm-256color');
    await coloured.waitFor(/How does the data arrive\?/);
    expect(coloured.screen(true)).toMatch(/\x1b\[[0-9;]*m/);
    const plain = new Terminal(['--no-color'], 'TERM=xterm-256color');
    await plain.answer(/How does the data arrive\?/, 'Enter');
    await plain.waitFor(/Largest request payload\?/);
    expect(plain.screen(true)).not.toMatch(/\x1b\[[0-9;]*m/);
  });

  it('with stdout piped, the recommendation is shown on the terminal before the offer to write', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '|', 'cat', '>', 'out.txt']);
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.waitFor(/Write the configuration files\?/);
    expect(t.screen()).toMatch(/Recommendation: Real-Time Inference[\s\S]*Write the configuration files\?/);
    t.keys('n', 'Enter');
    await t.waitFor(/Nothing written/);
    expect(readFileSync(join(t.dir, 'out.txt'), 'utf8')).toMatch(/Recommendation: Real-Time Inference/);
  });

  it('asks to overwrite one existing file in the singular', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '--target', 'cloudformation']);
    execFileSync('touch', [join(t.dir, 'template.yaml')]);
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.answer(/Write the configuration files\?/, 'Enter');
    await t.answer(/Into which folder\?/, 'Enter');
    await t.waitFor(/Overwrite template\.yaml\?/);
    expect(t.screen()).toMatch(/Overwrite template\.yaml\? \(it already exists\)/);
    t.keys('n', 'Enter');
    // No: another folder is offered; Enter there writes nothing, and the command line has no -o that would fail.
    await t.answer(/Into which other folder\? \(Enter to write nothing\)/, 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toMatch(/Nothing written\.\n\nThe same decision, scripted \(for CI\):\n {2}deploy-advisor recommend .* --model-size 1GB\n/);
    expect(readFileSync(join(t.dir, 'template.yaml'), 'utf8')).toBe('');
  });

  it('a folder that cannot be written into is asked again: no answer is lost, and the command line names the folder that worked', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '--target', 'cloudformation']);
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/How many containers run in sequence/, 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.answer(/Write the configuration files\?/, 'Enter');
    await t.answer(/Into which folder\?/, '/proc/nope', 'Enter');
    await t.waitFor(/cannot create folder \/proc\/nope/);
    await t.answer(/Into which other folder\?/, 'deploy', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toMatch(/Wrote deploy\/template\.yaml/);
    expect(t.screen()).toMatch(/deploy-advisor recommend --no-batch .* --model-size 1GB -o deploy\n/);
    // And when the existing file is overwritten, the command line says --force.
    const again = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '--pipeline', '1', '--target', 'cloudformation']);
    execFileSync('touch', [join(again.dir, 'template.yaml')]);
    await again.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await again.answer(/Average request volume\?/, 'Enter');
    await again.answer(/Write the configuration files\?/, 'Enter');
    await again.answer(/Into which folder\?/, 'Enter');
    await again.answer(/Overwrite template\.yaml\?/, 'y', 'Enter');
    expect(await again.exitCode()).toBe(0);
    expect(again.screen()).toMatch(/ -o \. --force\n/);
  });

  it('-o with a folder that cannot be written into asks for another instead of losing the answers', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '--pipeline', '1', '-o', '/proc/nope']);
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.waitFor(/cannot create folder \/proc\/nope: \/proc does not allow new folders/);
    await t.answer(/Into which other folder\?/, 'out', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(readdirSync(join(t.dir, 'out'))).toEqual(['template.yaml']);
    expect(t.screen()).toMatch(/ -o out\n/);
  });

  it('-o onto an existing file asks before overwriting it (and --force in the command line when it does)', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '--pipeline', '1', '-o', 'out']);
    execFileSync('mkdir', [join(t.dir, 'out')]);
    execFileSync('touch', [join(t.dir, 'out', 'template.yaml')]);
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    await t.answer(/Overwrite template\.yaml in out\? \(it already exists\)/, 'y', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(readFileSync(join(t.dir, 'out', 'template.yaml'), 'utf8')).toMatch(/AWS::SageMaker::Endpoint/);
    expect(t.screen()).toMatch(/ -o out --force\n/);
  });

  it('an error after the answers still prints them as a command line', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--traffic', 'sustained', '--no-gpu', '--model-size', '1GB', '--models', '1', '--pipeline', '1', '--image', 'a/b:1', '--image', 'a/c:1']);
    await t.answer(/Worst-case model time per request\?/, '800ms', 'Enter');
    await t.answer(/How soon do callers need the answer\?/, '30s', 'Enter');
    await t.answer(/Average request volume\?/, 'Enter');
    expect(await t.exitCode()).toBe(2);
    expect(t.screen()).toMatch(
      /Your answers, scripted \(for CI; fix what the line below says, then run it\):\n {2}deploy-advisor recommend --no-batch --payload 2MB --processing-time 800ms --latency 30s --traffic sustained --model-size 1GB --image a\/b:1 --image a\/c:1\ndeploy-advisor: error: --image: given twice for one container \(the model\): give one image/,
    );
  });

  it('a bad or contradictory flag is reported before the first question, not after the last', async () => {
    const t = new Terminal(['recommend', '--no-batch', '--payload', '2MB', '--request-size', '50MB']);
    expect(await t.exitCode()).toBe(2);
    expect(t.screen()).toMatch(/deploy-advisor: error: --request-size: the average request \(50MB\) cannot be larger than the largest/);
    expect(t.screen()).not.toMatch(/\?/);
  });

  it('for batch, the note about AWS CLI files does not claim they were written', async () => {
    const t = new Terminal([]);
    await t.answer(/How does the data arrive\?/, 'Down', 'Enter');
    for (const q of [/Largest record/, /Worst-case model time/, /GPU\?/, /Model size/, /containers run in sequence/, /Content type/, /How many records, per run period/]) await t.answer(q, 'Enter');
    await t.waitFor(/Write the configuration files\?/);
    expect(t.screen()).toMatch(/CloudFormation has no transform-job resource, so the configuration is AWS CLI input files/);
    expect(t.screen()).not.toMatch(/were written instead/);
    t.keys('n', 'Enter');
    expect(await t.exitCode()).toBe(0);
  });
});
