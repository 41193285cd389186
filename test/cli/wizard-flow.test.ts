// The wizard's questions, driven with @inquirer/testing (which mocks the prompts).
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askWorkload, commandLine, offerToWrite } from '../../src/cli/wizard';
import { makeStyle } from '../../src/cli/style';

const ctx = { output: process.stderr };
const s = await makeStyle(false);

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
    await answer(/How many models behind one endpoint\?/, 'enter');
    await answer(/Model size in memory\?/, 'enter');
    await answer(/How many containers run in sequence/, 'enter');
    await showing(/Average request volume\? \(Enter to skip/);
    screen.keypress('enter');
    const { answers, asked } = await done;
    expect(answers).toEqual({ batch: false, payload: '2MB', processingTime: '800ms', latency: '30s', traffic: 'intermittent', gpu: false, models: 1, pipeline: 1 });
    expect(asked).toEqual(['batch', 'payload', 'processingTime', 'latency', 'traffic', 'gpu', 'models', 'modelSize', 'pipeline', 'requests']);
  });

  it('a batch job is not asked about latency, traffic or models behind an endpoint, sees no endpoint hints, and is asked the content type', async () => {
    const done = askWorkload({ batch: true }, ctx, s);
    const seen: string[] = [];
    const step = async (re: RegExp, keys: string | string[]) => {
      await showing(re);
      seen.push(screen.getScreen());
      await answer(re, keys);
    };
    await step(/Largest record or mini-batch\?.*Batch Transform takes up to 100 MiB/, 'enter');
    await step(/Worst-case model time.*Batch Transform allows up to 1 h per request/, 'enter');
    await step(/GPU/, 'enter');
    await step(/Model size in memory\? \(Enter to skip; sizes the instances\)/, 'enter');
    await step(/containers run in sequence/, 'enter');
    expect(seen.join('\n')).not.toMatch(/Real-Time|Serverless|How many models/);
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
    await answer(/How many models/, 'enter');
    await answer(/Model size/, 'enter');
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
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '1s', latency: '2s', traffic: 'sustained', gpu: false }, ctx, s);
    await answer(/How many models/, ['3', 'enter']);
    await answer(/How many different frameworks/, ['4', 'enter']);
    await showing(/4 frameworks cannot be more than the 3 models/);
    screen.keypress('backspace');
    screen.type('2');
    screen.keypress('enter');
    await screen.next();
    await answer(/Size in memory of each of the 3 models\? \(Enter to skip/, 'enter');
    await answer(/Size in memory of each model \(all 3 the same\)\?/, 'enter');
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
    await screen.next();
    await showing(/Peak request rate\? \(Enter for x\d+(\.\d+)? the average \(sustained traffic\)/);
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
    await screen.next();
    await showing(/Peak request rate\? \(Enter for x\d+(\.\d+)? the average \(sustained traffic\)/);
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
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '2s', latency: '30s', traffic: 'sustained', gpu: true, frameworks: 1, pipeline: 1, requests: '1k/day', peak: '1/s', concurrencyPerCopy: 1 }, ctx, s);
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
    expect(r.answers.modelSize).toBeUndefined();
    expect(commandLine(r.answers, 'cloudformation', null)).toMatch(/ --models 2 --model-sizes 30GB,8GB /);
  });

  it('one model: the per-model sizes are not asked', async () => {
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '2s', latency: '30s', traffic: 'sustained', gpu: true, modelSize: '30GB', pipeline: 1, requests: '1k/day', peak: '1/s', concurrencyPerCopy: 1 }, ctx, s);
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

describe('each answer is checked as soon as it can be', () => {
  it('a latency shorter than the processing time is refused at the latency question, saying why; streaming is asked when it matters', async () => {
    const done = askWorkload({ batch: false, payload: '1MB' }, ctx, s);
    await answer(/Worst-case model time/, ['5m', 'enter']);
    // 5 min is over Real-Time's 1 min, within its 8 min for a streamed response: streaming decides.
    await answer(/Does the model stream its response \(InvokeEndpointWithResponseStream\)\?.*a streamed Real-Time response may take up to 8 min/, 'enter');
    await showing(/How soon do callers need the answer\?/);
    screen.type('1m');
    screen.keypress('enter');
    await showing(/Callers cannot have the answer within 1 min when the model takes 5 min per request: give at least 5 min, or none when callers can collect a queued result/);
    screen.keypress('backspace');
    screen.keypress('backspace');
    screen.type('5m');
    screen.keypress('enter');
    await showing(/This needs a queue \(Asynchronous\), which adds about 5 s to the 5 min of processing: give at least 5\.\d+ min, or none/);
    screen.keypress('backspace');
    screen.keypress('backspace');
    screen.type('none');
    screen.keypress('enter');
    await screen.next();
    await answer(/Does the model need a GPU/, 'enter');
    await answer(/How many models/, 'enter');
    await answer(/Model size/, 'enter');
    await answer(/containers run in sequence/, 'enter');
    await showing(/Average request volume/);
    screen.keypress('enter');
    const r = await done;
    expect(r.answers).toMatchObject({ processingTime: '5m', streaming: false, latency: 'none' });
    expect(r.asked).toContain('streaming');
  });

  it('a payload or processing time that nothing takes is refused at its question', async () => {
    const done = askWorkload({ batch: false }, ctx, s);
    await showing(/Largest request payload/);
    screen.type('2GB');
    screen.keypress('enter');
    await showing(/No endpoint takes a request larger than 1 GiB \(Asynchronous\): send a reference to the data in S3 instead, or process it offline \(Batch Transform\)/);
    for (let i = 0; i < 2; i++) screen.keypress('backspace');
    screen.type('MB');
    screen.keypress('enter');
    await screen.next();
    await showing(/Worst-case model time/);
    screen.type('2h');
    screen.keypress('enter');
    await showing(/No endpoint gives one request more than 1 h \(Asynchronous\): split the work into shorter requests/);
    screen.keypress('backspace');
    screen.keypress('backspace');
    screen.type('1s');
    screen.keypress('enter');
    await screen.next();
    await answer(/How soon/, 'enter');
    await answer(/traffic look like/, 'enter');
    await answer(/GPU/, 'enter');
    await answer(/How many models/, 'enter');
    await answer(/Model size/, 'enter');
    await answer(/containers run in sequence/, 'enter');
    await showing(/Average request volume/);
    screen.keypress('enter');
    expect((await done).answers).toMatchObject({ payload: '2MB', processingTime: '1s' });
  });

  it('asks the peak after a volume (refusing one below the average), and a batch deadline', async () => {
    const done = askWorkload({ batch: false, payload: '1MB', processingTime: '1s', latency: '2s', traffic: 'intermittent', gpu: false, models: 1, modelSize: '1GB', pipeline: 1, requests: '100/s' }, ctx, s);
    await showing(/Peak request rate\? \(Enter for x\d+(\.\d+)? the average \(intermittent traffic\)/);
    screen.type('50/s');
    screen.keypress('enter');
    await showing(/50\/s is below the average --requests 100\/s; the peak is at least the average/);
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('300/s');
    screen.keypress('enter');
    const r = await done;
    expect(r.asked).toEqual(['peak']);
    expect(r.answers.peak).toBe('300/s');

    const batch = askWorkload({ batch: true, payload: '1MB', processingTime: '1s', gpu: false, modelSize: '1GB', pipeline: 1, contentType: 'text/csv' }, ctx, s);
    await answer(/How many records, per run period\?/, ['2M/day', 'enter']);
    await showing(/Must each run finish within a time\? \(Enter for before the next run/);
    screen.type('2h');
    screen.keypress('enter');
    const b = await batch;
    expect(b.asked).toEqual(['requests', 'deadline']);
    expect(commandLine(b.answers, null, null)).toBe('deploy-advisor recommend --batch --payload 1MB --processing-time 1s --model-size 1GB --content-type text/csv --requests 2M/day --deadline 2h');
  });
});

describe('--concurrency-per-copy', () => {
  it('is asked for a GPU model with a volume, with the default that applies; not on CPU nor without a volume', async () => {
    const base = { batch: false, payload: '1MB', processingTime: '2s', latency: '30s', traffic: 'sustained', models: 1, modelSize: '16GB', pipeline: 1, requests: '1M/day', peak: '50/s' };
    const done = askWorkload({ ...base, gpu: true }, ctx, s);
    await showing(/How many requests does one copy of the model serve at once\? \(Enter for 1; the model server's workers or an LLM container's batch size/);
    screen.type('0');
    screen.keypress('enter');
    await showing(/> /);
    screen.keypress('backspace');
    screen.type('8');
    screen.keypress('enter');
    const r = await done;
    expect(r.asked).toEqual(['concurrencyPerCopy']);
    expect(commandLine(r.answers, 'cloudformation', null)).toMatch(/ --concurrency-per-copy 8$/);

    const streamed = askWorkload({ ...base, gpu: true, streaming: true }, ctx, s);
    await showing(/Enter for \d+ \(LMI's default batch\)/);
    screen.keypress('enter');
    expect((await streamed).answers.concurrencyPerCopy).toBeUndefined();

    expect((await askWorkload({ ...base, gpu: false }, ctx, s)).asked).toEqual([]);
    const { requests: _r, peak: _p, ...noVolume } = base;
    const nv = askWorkload({ ...noVolume, gpu: true }, ctx, s);
    await showing(/Average request volume/);
    screen.keypress('enter');
    expect((await nv).asked).toEqual(['requests']);
  });
});

describe('writing the files', () => {
  const config = { target: 'cloudformation' as const, files: [{ name: 'template.yaml', kind: 'cloudformation', content: 'x: 1\n' }], warnings: [] };
  const regenerate = () => config;
  const usage = (message: string) => Object.assign(new Error(message), { name: 'UsageError' });

  it('a folder that cannot be written into asks for another, and the outcome names the folder that worked', async () => {
    const tried: string[] = [];
    const write = (dir: string) => {
      tried.push(dir);
      if (dir === '/proc/nope') throw usage('cannot create folder /proc/nope: /proc does not allow new folders');
      return [`${dir}/template.yaml`];
    };
    let shown = '';
    const output = Object.assign(Object.create(process.stderr), { write: (t: string) => ((shown += t), true) });
    const done = offerToWrite(config, { output }, s, regenerate, write, { askTarget: false });
    await answer(/Write the configuration files\?/, 'enter');
    await answer(/Into which folder\?/, ['/proc/nope', 'enter']);
    await showing(/Into which other folder\? \(Enter to write nothing\)/);
    screen.type('deploy');
    screen.keypress('enter');
    const r = await done;
    expect(shown).toMatch(/cannot create folder \/proc\/nope: \/proc does not allow new folders/);
    expect(tried).toEqual(['/proc/nope', 'deploy']);
    expect(r).toMatchObject({ written: ['deploy/template.yaml'], dir: 'deploy', force: false });
  });

  it('No to "Overwrite?" offers another folder; Enter there writes nothing, and the command line has no -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-wiz-'));
    writeFileSync(join(dir, 'template.yaml'), 'old');
    const write = () => {
      throw new Error('must not write');
    };
    const done = offerToWrite(config, ctx, s, regenerate, write, { askTarget: false });
    await answer(/Write the configuration files\?/, 'enter');
    await answer(/Into which folder\?/, [dir, 'enter']);
    await answer(/Overwrite template\.yaml in .*\? \(it already exists\)/, ['n', 'enter']);
    await showing(/Into which other folder\? \(Enter to write nothing\)/);
    screen.keypress('enter');
    const r = await done;
    expect(r).toMatchObject({ written: null, dir: null, force: false });
    expect(commandLine({ batch: true }, null, r.dir, r.force)).toBe('deploy-advisor recommend --batch');
  });

  it('Yes to "Overwrite?" puts --force in the command line, so that it does not fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-wiz-'));
    writeFileSync(join(dir, 'template.yaml'), 'old');
    const done = offerToWrite(config, ctx, s, regenerate, (d) => [`${d}/template.yaml`], { askTarget: false });
    await answer(/Write the configuration files\?/, 'enter');
    await answer(/Into which folder\?/, [dir, 'enter']);
    await showing(/Overwrite template\.yaml/);
    screen.type('y');
    screen.keypress('enter');
    const r = await done;
    expect(r.force).toBe(true);
    expect(commandLine({ batch: true }, null, r.dir, r.force)).toBe(`deploy-advisor recommend --batch -o ${dir} --force`);
  });

  it('the command line leaves out what is ignored for the kind of work, and keeps what is not asked but counts', () => {
    // A batch job is not asked how many models sit behind an endpoint, but --models 3 given still means one job per model.
    expect(commandLine({ batch: true, models: 3, latency: '1s', peak: '5/s', deadline: '2h', requests: '1M/day' }, null, null)).toBe('deploy-advisor recommend --batch --models 3 --requests 1M/day --deadline 2h');
    expect(commandLine({ batch: false, payload: '1MB', processingTime: '1s', latency: '1s', traffic: 'sustained', deadline: '2h' }, 'cloudformation', null)).toBe(
      'deploy-advisor recommend --no-batch --payload 1MB --processing-time 1s --latency 1s --traffic sustained',
    );
  });

  it('the command line repeats --image and --model-data once per container, in order', () => {
    expect(commandLine({ batch: false, payload: '1MB', processingTime: '1s', latency: '1s', traffic: 'sustained', pipeline: 2, images: ['a/pre:1', 'a/model:1'], modelData: ['s3://b/1.tar.gz', 's3://b/2.tar.gz'] }, 'aws-cli', null)).toBe(
      'deploy-advisor recommend --no-batch --payload 1MB --processing-time 1s --latency 1s --traffic sustained --pipeline 2 --image a/pre:1 --image a/model:1 --model-data s3://b/1.tar.gz --model-data s3://b/2.tar.gz --target aws-cli',
    );
  });
});
