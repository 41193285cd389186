// The wizard's questions, driven with @inquirer/testing (which mocks the prompts).
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { askWorkload, commandLine } from '../../src/cli/wizard';
import { makeStyle } from '../../src/cli/style';

const ctx = { output: process.stderr };
const s = makeStyle(false);

/** Waits (briefly) until the screen shows what is expected: a prompt may start a few ticks late. */
async function showing(re: RegExp) {
  for (let i = 0; i < 100 && !re.test(screen.getScreen()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(screen.getScreen()).toMatch(re);
}

/** Answers the current prompt and waits for the next one. */
async function answer(expectOnScreen: RegExp, keys: string | string[]) {
  await showing(expectOnScreen);
  for (const k of Array.isArray(keys) ? keys : [keys]) {
    if (['enter', 'down', 'up'].includes(k)) screen.keypress(k);
    else screen.type(k);
  }
  await screen.next();
}

describe('wizard flow', () => {
  it('per-request, intermittent: asks traffic, takes defaults on Enter', async () => {
    const done = askWorkload({}, ctx, s);
    await answer(/How does the data arrive\?/, 'enter');
    await answer(/Largest request payload\?.*Serverless 4 MiB/, ['2MB', 'enter']);
    await answer(/Worst-case model time per request\?/, ['800ms', 'enter']);
    await answer(/How soon do callers need the answer\?/, ['30s', 'enter']);
    await answer(/What does the traffic look like\?/, ['down', 'enter']);
    await answer(/Does the model need a GPU\?/, 'enter');
    await answer(/Model size in memory\?/, 'enter');
    await answer(/How many models behind one endpoint\?/, 'enter');
    await answer(/How many containers run in sequence/, 'enter');
    await showing(/Average request volume\? \(Enter to skip/);
    screen.keypress('enter');
    const { answers, asked } = await done;
    expect(answers).toEqual({ batch: false, payload: '2MB', processingTime: '800ms', latency: '30s', traffic: 'intermittent', gpu: false, models: 1, pipeline: 1 });
    expect(asked).toEqual(['batch', 'payload', 'processingTime', 'latency', 'traffic', 'gpu', 'modelSize', 'models', 'pipeline', 'requests']);
  });

  it('a batch job is not asked about latency or traffic, and is asked the content type', async () => {
    const done = askWorkload({ batch: true }, ctx, s);
    await answer(/Largest record or mini-batch\?.*Batch Transform takes up to 100 MiB/, 'enter');
    await answer(/Worst-case model time/, 'enter');
    await answer(/GPU/, 'enter');
    await answer(/Model size/, 'enter');
    await answer(/How many models/, 'enter');
    await answer(/containers run in sequence/, 'enter');
    await answer(/Content type of the input\?/, ['text/csv', 'enter']);
    await showing(/How many records, per run period\?/);
    screen.keypress('enter');
    const { answers, asked } = await done;
    expect(asked).not.toContain('latency');
    expect(asked).not.toContain('traffic');
    expect(answers).toMatchObject({ batch: true, payload: '6MiB', processingTime: '10m', contentType: 'text/csv' });
  });

  it('a workload that needs Async is not asked the Serverless traffic question', async () => {
    const done = askWorkload({ batch: false, payload: '200MB' }, ctx, s);
    await answer(/Worst-case model time/, ['5m', 'enter']);
    await showing(/this needs a queue \(Asynchronous\)/);
    screen.keypress('enter'); // default: none
    await screen.next();
    await showing(/Does the model need a GPU\?/);
    screen.type('y');
    screen.keypress('enter');
    await screen.next();
    await answer(/Model size/, 'enter');
    await answer(/How many models/, 'enter');
    await answer(/containers run in sequence/, 'enter');
    await showing(/Average request volume/);
    screen.keypress('enter');
    const { answers, asked, notes } = await done;
    expect(asked).not.toContain('traffic');
    expect(answers).toMatchObject({ latency: 'none', traffic: 'unpredictable', gpu: true });
    expect(notes.join()).toMatch(/traffic was not asked/);
  });

  it('only asks what flags did not answer', async () => {
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '1s', latency: '2s', traffic: 'sustained', gpu: false, modelSize: '1GB', models: 1 }, ctx, s);
    await answer(/containers run in sequence/, 'enter');
    await showing(/Average request volume/);
    screen.keypress('enter');
    expect((await done).asked).toEqual(['pipeline', 'requests']);
  });

  it('asks for frameworks only when there are several models, and bounds them', async () => {
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '1s', latency: '2s', traffic: 'sustained', gpu: false, modelSize: '1GB' }, ctx, s);
    await answer(/How many models/, ['3', 'enter']);
    await answer(/How many different frameworks/, ['4', 'enter']);
    await showing(/4 frameworks cannot be more than the 3 models/);
    screen.keypress('backspace');
    screen.type('2');
    screen.keypress('enter');
    await screen.next();
    await answer(/Size in memory of each of the 3 models\? \(Enter to skip/, 'enter');
    await answer(/containers run in sequence/, 'enter');
    await showing(/Average request volume/);
    screen.keypress('enter');
    expect((await done).answers).toMatchObject({ models: 3, frameworks: 2, pipeline: 1 });
  });

  it('validates sizes and durations with units, and shows what a value means as it is typed', async () => {
    const done = askWorkload({ batch: false, traffic: 'sustained', gpu: false, modelSize: '1GB', models: 1, pipeline: 1 }, ctx, s);
    await showing(/Largest request payload/);
    screen.type('1.5GB');
    await showing(/1\.5GB\s+= 1\.5 GB/);
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    screen.type('12');
    screen.keypress('enter');
    await showing(/"12" has no unit; use a number with a unit: B, KB, MB, GB/);
    screen.type('MB');
    screen.keypress('enter');
    await showing(/Worst-case model time/);
    screen.type('soon');
    screen.keypress('enter');
    await showing(/"soon" is not a duration; use a number with a unit: ms, s, m, h/);
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('2s');
    screen.keypress('enter');
    await showing(/How soon do callers need the answer/);
    screen.type('later');
    screen.keypress('enter');
    await showing(/or none/);
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    screen.type('none');
    screen.keypress('enter');
    await screen.next();
    await showing(/Average request volume/);
    screen.keypress('enter');
    expect((await done).answers).toMatchObject({ payload: '12MB', processingTime: '2s', latency: 'none' });
  });

  it('asks the volume: shows what a rate means as it is typed, refuses a bad one, and Enter skips it', async () => {
    const base = { batch: false, payload: '1MB', processingTime: '800ms', latency: '30s', traffic: 'sustained', gpu: false, modelSize: '1GB', models: 1, pipeline: 1 };
    const done = askWorkload(base, ctx, s);
    await showing(/Average request volume\? \(Enter to skip; e\.g\. 5M\/day, 20\/s: prices every option/);
    screen.type('5M/day');
    await showing(/5M\/day\s+= 57\.9\/s, 152M a month/);
    screen.keypress('enter');
    expect((await done).answers).toMatchObject({ requests: '5M/day' });

    const bad = askWorkload(base, ctx, s);
    await showing(/Average request volume/);
    screen.type('5m/day');
    screen.keypress('enter');
    await showing(/unknown suffix "m" \(write M for million\)/);
    for (let i = 0; i < 6; i++) screen.keypress('backspace');
    screen.type('300/h');
    screen.keypress('enter');
    expect((await bad).answers).toMatchObject({ requests: '300/h' });

    const skipped = askWorkload(base, ctx, s);
    await showing(/Average request volume/);
    screen.keypress('enter');
    const r = await skipped;
    expect(r.asked).toEqual(['requests']);
    expect(r.answers.requests).toBeUndefined();
  });

  it('several models: asks the size of each, shows them as typed, and wants one per model', async () => {
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '2s', latency: '30s', traffic: 'sustained', gpu: true, modelSize: '30GB', frameworks: 1, pipeline: 1, requests: '1k/day' }, ctx, s);
    await answer(/How many models/, ['2', 'enter']);
    await showing(/Size in memory of each of the 2 models\?/);
    screen.type('30GB');
    screen.keypress('enter');
    await showing(/1 sizes for 2 models \(--models\); give one size per model/);
    screen.type(',8GB');
    await showing(/30GB,8GB\s+= 30 GB, 8 GB/);
    screen.keypress('enter');
    const r = await done;
    expect(r.asked).toEqual(['models', 'modelSizes']);
    expect(r.answers).toMatchObject({ models: 2, modelSizes: '30GB,8GB' });
    expect(commandLine(r.answers, 'cloudformation', null)).toMatch(/ --model-size 30GB --models 2 --model-sizes 30GB,8GB /);
  });

  it('one model: the per-model sizes are not asked', async () => {
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '2s', latency: '30s', traffic: 'sustained', gpu: true, modelSize: '30GB', pipeline: 1, requests: '1k/day' }, ctx, s);
    await showing(/How many models/);
    screen.keypress('enter');
    expect((await done).asked).toEqual(['models']);
  });
});

describe('the scripted command line', () => {
  it('repeats the answers as flags, leaving out defaults', () => {
    expect(commandLine({ batch: false, payload: '2MB', processingTime: '800ms', latency: '30s', traffic: 'intermittent', gpu: true, models: 1, pipeline: 1, modelSize: '1.2GB' }, 'aws-cli', 'deploy dir')).toBe(
      "deploy-advisor recommend --no-batch --payload 2MB --processing-time 800ms --latency 30s --traffic intermittent --gpu --model-size 1.2GB --target aws-cli -o 'deploy dir'",
    );
    expect(commandLine({ batch: true, latency: '1s', traffic: 'sustained', contentType: 'text/csv' }, null, null)).toBe('deploy-advisor recommend --batch --content-type text/csv');
    expect(commandLine({ batch: false, payload: '1MB', processingTime: '800ms', latency: '30s', traffic: 'sustained', requests: '5M/day' }, 'cloudformation', null)).toBe(
      'deploy-advisor recommend --no-batch --payload 1MB --processing-time 800ms --latency 30s --traffic sustained --requests 5M/day',
    );
  });
});
