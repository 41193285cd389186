import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { sarifValidator } from '../sarif';
import { bareNodeMiB, HEADROOM_MIB, peakMiB, RSS_PROBE } from '../memory';
import { describe, expect, it } from 'vitest';
import { checkEntries, detectFramework, serverlessFit } from '../../src/rules/artifact/checks';
import { BIN, cli, expectOneLineError, expectSchema } from '../cli/helpers';
import { files, header, tar, tgz, type TarEntry } from './tarball';

const dir = mkdtempSync(join(tmpdir(), 'da-art-'));
function archive(name: string, content: Buffer | TarEntry[]): string {
  const p = join(dir, name);
  writeFileSync(p, Buffer.isBuffer(content) ? content : tgz(content));
  return p;
}
const check = (p: string, ...args: string[]) => {
  const r = cli(['check-artifact', '--format', 'json', ...args, p]);
  return { ...r, j: r.stdout ? JSON.parse(r.stdout) : null };
};
const ids = (j: { files: Array<{ findings: Array<{ ruleId: string }> }> }) => j.files[0]!.findings.map((f) => f.ruleId);

describe('check-artifact: good archives', () => {
  it('a PyTorch archive passes, with its size and what it means for Serverless', () => {
    const { code, j } = check(archive('pt.tar.gz', files('model.pth', 'code/', 'code/inference.py', 'code/requirements.txt')));
    expect(code).toBe(0);
    expect(j.files[0].findings).toEqual([]);
    expect(j.files[0].artifact).toMatchObject({ framework: 'pytorch', entries: 4, complete: true, serverless: expect.stringMatching(/^fits Serverless/) });
    expect(j.files[0].artifact.uncompressedBytes).toBe(['model.pth', 'code/inference.py', 'code/requirements.txt'].reduce((n, f) => n + `contents of ${f}`.length, 0));
  });

  it.each([
    ['tensorflow', files('1/', '1/saved_model.pb', '1/variables/', '1/variables/variables.index', 'code/inference.py', 'code/requirements.txt')],
    ['mxnet', files('model-symbol.json', 'model-shapes.json', 'model-0000.params', 'code/inference.py')],
    ['huggingface', files('config.json', 'model.safetensors', 'tokenizer.json')],
    ['sklearn', files('model.joblib', 'code/inference.py')],
    ['xgboost', files('xgboost-model')],
  ])('%s layout is recognised and passes', (fw, entries) => {
    const { code, j } = check(archive(`${fw}.tar.gz`, entries));
    expect(code).toBe(0);
    expect(j.files[0].artifact.framework).toBe(fw);
    expect(j.files[0].findings).toEqual([]);
  });

  it('text output: one summary line, nothing else when clean', () => {
    const r = cli(['check-artifact', archive('pt2.tar.gz', files('model.pth', 'code/inference.py'))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pt2\.tar\.gz: 2 entries, \d+ B uncompressed \(\d+ B compressed\), pytorch layout; fits Serverless/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('check-artifact: layout mistakes', () => {
  it('a wrapper folder around everything (the most common mistake)', () => {
    const { code, j } = check(archive('wrap.tar.gz', files('model/', 'model/model.pth', 'model/code/inference.py')));
    expect(code).toBe(1);
    expect(j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5004', messageId: 'wrapperFolder', entry: 'model/', message: expect.stringMatching(/cd model && tar czf \.\.\/model\.tar\.gz \*/) });
  });

  it.each([
    ['TensorFlow without variables/', files('1/saved_model.pb'), 'tfNoVariables', /1\/variables\/ is missing/],
    ['TensorFlow without a version folder', files('saved_model.pb', 'variables/variables.index'), 'tfNotVersioned', /not in a numbered version folder/],
    ['PyTorch model under code/', files('code/model.pth', 'code/inference.py'), 'modelUnderCode', /is under code\//],
    ['PyTorch without code/inference.py and two model files', files('a.pth', 'b.pth'), 'noHandlerManyModels', /code\/inference\.py is missing.*exactly one \.pt\/\.pth at the root \(found 2\)/],
    ['MXNet without params', files('model-symbol.json', 'model-shapes.json', 'x.params', 'code/inference.py'), 'mxnetFileMissing', /model-0000\.params is missing/],
    ['requirements.txt at the root', files('model.pth', 'code/inference.py', 'requirements.txt'), 'requirementsAtRoot', /requirements\.txt is at the root/],
  ])('%s', (_n, entries, messageId, message) => {
    const { code, j } = check(archive(`${_n.replace(/\W+/g, '-')}.tar.gz`, entries));
    expect(code).toBe(1);
    expect(j.files[0].findings.map((f: { messageId: string }) => f.messageId)).toContain(messageId);
    expect(j.files[0].findings.map((f: { message: string }) => f.message).join('\n')).toMatch(message);
    expect(ids(j)).toContain('DA5005');
  });

  it('--framework checks the layout it names', () => {
    const { code, j } = check(archive('any.tar.gz', files('model.pth', 'code/inference.py')), '--framework', 'tensorflow');
    expect(code).toBe(1);
    expect(j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5005', messageId: 'tfNoSavedModel' });
  });

  it('unnecessary files are warnings', () => {
    const a = archive('junk.tar.gz', files('model.pth', 'code/inference.py', 'code/__pycache__/inference.cpython-311.pyc', '.DS_Store', 'optimizer.pt', '.git/HEAD'));
    const { code, j } = check(a);
    expect(code).toBe(0);
    expect(j.files[0].findings.map((f: { ruleId: string; severity: string; entry: string }) => [f.ruleId, f.severity, f.entry])).toEqual([
      ['DA5006', 'warning', 'code/__pycache__/inference.cpython-311.pyc'],
      ['DA5006', 'warning', '.DS_Store'],
      ['DA5006', 'warning', 'optimizer.pt'],
      ['DA5006', 'warning', '.git/HEAD'],
    ]);
    expect(check(a, '--max-warnings', '0').code).toBe(1);
  });
});

describe('check-artifact: hostile archives get findings, bounded memory, and nothing written', () => {
  const before = () => readdirSync(dir).sort();

  it('path traversal, absolute paths, symlinks, hard links and devices', () => {
    const listing = before();
    const { code, j } = check(
      archive('hostile.tar.gz', [
        ...files('model.pth', 'code/inference.py'),
        { name: '../../etc/cron.d/evil', data: '* * * * * root sh' },
        { name: '/etc/passwd', data: 'x' },
        { name: 'code/link', type: '2', link: '/etc/shadow' },
        { name: 'hard', type: '1', link: 'model.pth' },
        { name: 'null', type: '3' },
      ]),
    );
    expect(code).toBe(1);
    expect(j.files[0].findings.map((f: { ruleId: string; entry: string }) => [f.ruleId, f.entry])).toEqual([
      ['DA5003', '../../etc/cron.d/evil'],
      ['DA5003', '/etc/passwd'],
      ['DA5002', 'code/link'],
      ['DA5002', 'hard'],
      ['DA5002', 'null'],
    ]);
    expect(before()).toEqual([...listing, 'hostile.tar.gz'].sort());
  });

  it('a truncated gzip stream', () => {
    const whole = tgz([{ name: 'model.pth', data: Buffer.from(Buffer.alloc(200_000).map((_, i) => (i * 2654435761) % 251)) }, ...files('code/inference.py')]);
    const { code, j } = check(archive('trunc.tar.gz', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(code).toBe(1);
    expect(j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5001', messageId: 'gzipTruncated' });
  });

  it('a corrupt tar header (checksum)', () => {
    const t = tar(files('model.pth', 'code/inference.py'));
    t[10] = 0x41; // change the name after the checksum was computed
    const { code, j } = check(archive('badsum.tar.gz', gzipSync(t)));
    expect(code).toBe(1);
    expect(ids(j)).toContain('DA5001');
  });

  it('not gzip, and random bytes', () => {
    expect(ids(check(archive('zip.tar.gz', Buffer.from('PK\x03\x04 this is a zip'))).j)).toEqual(['DA5001']);
    expect(check(archive('zip.tar.gz', Buffer.from('PK\x03\x04'))).j.files[0].findings[0].messageId).toBe('notGzip');
    const rnd = Buffer.alloc(4096).map((_, i) => (i * 2654435761) % 256);
    expect(ids(check(archive('rnd.tar.gz', gzipSync(rnd))).j)).toEqual(['DA5001']);
  });

  it('an empty archive', () => {
    expect(check(archive('empty.tar.gz', gzipSync(Buffer.alloc(1024)))).j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5001', messageId: 'empty' });
  });

  it('a 0-byte file is "empty", not "truncated": a DA5001 finding, exit 1, like other archives that cannot be read', () => {
    const r = check(archive('zero.tar.gz', Buffer.alloc(0)));
    expect(r.code).toBe(1);
    expect(r.j.files[0].findings).toEqual([expect.objectContaining({ ruleId: 'DA5001', messageId: 'emptyFile', message: expect.stringMatching(/^the file is empty \(0 bytes\)/) })]);
    const text = cli(['check-artifact', join(dir, 'zero.tar.gz')]);
    expect(text.stdout).not.toMatch(/truncated/);
  });

  it('huge declared entry sizes (8 GiB in octal, past 2^53 in base-256) with no data: DA5001 at once, memory flat', () => {
    const big = header({ name: 'model.pth' }, 0);
    big.write('77777777777\0', 124); // 8 GiB - 1, the largest octal size
    const huge = header({ name: 'model.pth' }, 0);
    Buffer.from([0x80, ...Array<number>(11).fill(0xff)]).copy(huge, 124); // base-256, past Number.MAX_SAFE_INTEGER
    for (const h of [big, huge]) {
      let sum = 0;
      h.write('        ', 148);
      for (const b of h) sum += b;
      h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    }
    const t0 = Date.now();
    for (const [name, h] of [
      ['declared-8g.tar.gz', big],
      ['declared-huge.tar.gz', huge],
    ] as const) {
      const r = spawnSync(process.execPath, ['--require', RSS_PROBE, BIN, 'check-artifact', '--format', 'json', archive(name, gzipSync(Buffer.concat([h, Buffer.alloc(1024)])))], { encoding: 'utf8', timeout: 15_000 });
      expect(r.status, name).toBe(1);
      expect(peakMiB(r.stderr)).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
      expect(JSON.parse(r.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'DA5001', messageId: expect.stringMatching(/^tar(Truncated|Corrupt)$/) });
    }
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('zero padding after the end of the archive is not read (it took minutes and hundreds of MB)', () => {
    // A valid archive followed by 64 MiB of zeros, and 64 MiB of zeros with no archive at all.
    const padded = archive('padded.tar.gz', gzipSync(Buffer.concat([tar(files('model.pth', 'code/', 'code/inference.py')), Buffer.alloc(64 * 1024 * 1024)]), { level: 1 }));
    // Before, the padding alone took about 50 s: the test's 20 s timeout is the guard.
    const r = check(padded);
    expect(r.code).toBe(0);
    expect(r.j.files[0]).toMatchObject({ findings: [], artifact: { entries: 3, complete: true } });
    const zeros = check(archive('zeros.gz', gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 1 })));
    expect(zeros.j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5001', messageId: 'empty' });
  });

  /** Writes a gzip tar with one entry of `size` zero bytes, streaming (never holding it in memory). */
  async function zeros(name: string, size: number): Promise<string> {
    const p = join(dir, name);
    const fd = openSync(p, 'w');
    const gz = createGzip({ level: 1 });
    gz.on('data', (c: Buffer) => writeSync(fd, c));
    const done = new Promise((r) => gz.on('end', r));
    gz.write(header({ name: 'model.pth' }, size));
    const mib = Buffer.alloc(1 << 20);
    for (let written = 0; written < size; written += mib.length) {
      if (!gz.write(mib)) await new Promise((r) => gz.once('drain', r));
    }
    gz.write(Buffer.alloc(1024)); // end of archive
    gz.end();
    await done;
    closeSync(fd);
    return p;
  }

  const scan = (p: string) => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--require', RSS_PROBE, BIN, 'check-artifact', '--format', 'json', p], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    const j = JSON.parse(r.stdout);
    expectSchema('check-artifact', j);
    return { ms: Date.now() - t0, code: r.status, j, peak: peakMiB(r.stderr) };
  };

  it(`a compression bomb is stopped, within bare Node + ${HEADROOM_MIB} MiB`, async () => {
    // One entry claiming 3 GiB of zeros: about 3 MB compressed.
    const r = scan(await zeros('bomb.tar.gz', 3 * 1024 ** 3));
    expect(r.ms).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(r.j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5007', messageId: 'bomb' });
    expect(r.j.files[0].artifact.complete).toBe(false);
    // Issue 11 item 9: the rest was never read, so nothing is reported missing (no code/inference.py finding).
    expect(r.j.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['DA5007']);
    expect(r.j.files[0].artifact.serverless).toBeNull();
    expect(r.peak).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
  }, 120_000);

  it('memory stays flat as archives grow (64 MiB and 512 MiB of weights)', async () => {
    const small = scan(await zeros('small.tar.gz', 64 * 1024 ** 2));
    const large = scan(await zeros('large.tar.gz', 512 * 1024 ** 2));
    for (const r of [small, large]) {
      expect(r.code).toBe(0);
      expect(r.j.files[0].artifact.complete).toBe(true);
      expect(r.peak).toBeLessThan(bareNodeMiB() + HEADROOM_MIB);
    }
    expect(large.j.files[0].artifact.uncompressedBytes).toBe(512 * 1024 ** 2);
    // Eight times the data, about the same memory: the archive is streamed, not held.
    expect(large.peak - small.peak).toBeLessThan(16);
    console.info(`check-artifact peak memory: bare node ${bareNodeMiB().toFixed(0)} MiB, 64 MiB archive ${small.peak.toFixed(0)} MiB, 512 MiB archive ${large.peak.toFixed(0)} MiB (node ${process.version})`);
  }, 120_000);

  it('a missing file is a usage error', () => {
    const r = cli(['check-artifact', join(dir, 'nope.tar.gz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
    expectOneLineError(r.stderr);
  });
});

describe('check-artifact reports like lint', () => {
  it('SARIF is valid, with the entry in each result', () => {
    const validate = sarifValidator();
    const r = cli(['check-artifact', '--format', 'sarif', archive('s.tar.gz', [...files('model.pth', 'code/inference.py'), { name: 'l', type: '2', link: 'model.pth' }])]);
    const s = JSON.parse(r.stdout);
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    expect(s.runs[0].results[0]).toMatchObject({ ruleId: 'DA5002', properties: { entry: 'l', messageId: 'symlink' }, message: { text: expect.stringMatching(/^l: l is a symbolic link/) } });
    expect(s.runs[0].tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/DA5002\.md$/);
    // An entry has no line inside the archive: no region rather than a made-up one.
    expect(s.runs[0].results[0].locations[0].physicalLocation.region).toBeUndefined();
  });

  it('text groups findings under the archive with the entry name', () => {
    const r = cli(['check-artifact', archive('t.tar.gz', [...files('model.pth', 'code/inference.py'), { name: '../x', data: 'y' }])]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /\n {2}\.\.\/x {2}error {4}\.\.\/x climbs out of the model folder with \.\.; create the archive from inside the model folder, naming only what is in it \(cd <model folder> && tar czf \.\.\/model\.tar\.gz \*\) {2}DA5003\n/,
    );
  });
});

describe('recommend --artifact', () => {
  it('reads the model size from the archive', () => {
    const a = archive('size.tar.gz', [{ name: 'model.pth', data: Buffer.alloc(3_000_000) }, ...files('code/inference.py')]);
    const r = cli(['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'intermittent', '--artifact', a, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.workload.modelSizeBytes).toBe(3_000_000 + 'contents of code/inference.py'.length);
    expect(j.assumptions.join('\n')).toMatch(/model size read from .*size\.tar\.gz/);
  });

  it('refuses an archive with errors, pointing at check-artifact', () => {
    const a = archive('badsize.tar.gz', files('model/', 'model/model.pth'));
    const r = cli(['recommend', '--batch', '--artifact', a]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--artifact .*badsize\.tar\.gz: everything is inside model\//);
  });
});

describe('artifact checks (pure)', () => {
  it('detects frameworks from file names', () => {
    expect(detectFramework(['1/saved_model.pb'])).toBe('tensorflow');
    expect(detectFramework(['model.pth'])).toBe('pytorch');
    expect(detectFramework(['config.json', 'pytorch_model.bin'])).toBe('huggingface');
    expect(detectFramework(['notes.txt'])).toBeNull();
  });

  it('a TensorFlow version folder is not a wrapper', () => {
    expect(
      checkEntries(
        [
          { path: '1/saved_model.pb', type: 'File', size: 1 },
          { path: '1/variables/v', type: 'File', size: 1 },
        ],
        'auto',
      ).findings,
    ).toEqual([]);
  });

  it('says what the size means for Serverless, from the limits table', () => {
    expect(serverlessFit(1e9)).toMatch(/^fits Serverless/);
    expect(serverlessFit(5.5 * 1024 ** 3)).toMatch(/too big for Serverless: .* exceeds its 5 GiB disk/);
    expect(serverlessFit(5.2 * 1024 ** 3)).toMatch(/too big for Serverless/);
  });
});

describe('check-artifact verdicts (issue 11, item 9)', () => {
  it('a TorchScript-only model.pt without code/ is a warning: the default handler loads it with torch.jit.load', () => {
    const { code, j } = check(archive('ts.tar.gz', files('model.pt')));
    expect(code).toBe(0);
    expect(j.files[0].findings).toMatchObject([
      {
        ruleId: 'DA5005',
        messageId: 'torchScriptOnly',
        severity: 'warning',
        entry: 'model.pt',
        message: expect.stringMatching(/default handler loads model\.pt with torch\.jit\.load/),
        source: expect.stringMatching(/sagemaker-pytorch-inference-toolkit/),
      },
    ]);
  });

  it('the only .pth at the root is what the default handler loads', () => {
    expect(check(archive('ts2.tar.gz', files('net.pth'))).j.files[0].findings).toMatchObject([{ severity: 'warning', entry: 'net.pth' }]);
  });

  it('my_model/1/saved_model.pb is a TensorFlow Serving model folder, not a wrapper (tfs_utils.find_models)', () => {
    const { code, j } = check(archive('tfname.tar.gz', files('my_model/', 'my_model/1/', 'my_model/1/saved_model.pb', 'my_model/1/variables/', 'my_model/1/variables/variables.index')));
    expect(code).toBe(0);
    expect(j.files[0].artifact.framework).toBe('tensorflow');
    expect(j.files[0].findings).toEqual([]);
  });

  it('a TensorFlow model folder still needs variables/, and code/ at the root', () => {
    const { code, j } = check(archive('tfcode.tar.gz', files('my_model/1/saved_model.pb', 'my_model/code/inference.py')));
    expect(code).toBe(1);
    expect(j.files[0].findings.map((f: { ruleId: string; entry: string }) => [f.ruleId, f.entry])).toEqual([
      ['DA5004', 'my_model/code/'],
      ['DA5005', 'my_model/1/'],
    ]);
  });

  it('an invalid archive says nothing about Serverless, in text or JSON', () => {
    const p = archive('inv.tar.gz', Buffer.from('PK\x03\x04 this is a zip'));
    expect(check(p).j.files[0].artifact.serverless).toBeNull();
    const r = cli(['check-artifact', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/Serverless|0 B uncompressed/);
    expect(r.stdout).toMatch(/inv\.tar\.gz: not a valid model archive/);
  });

  it('a valid gzip followed by other bytes is not called "not gzip-compressed"', () => {
    const p = archive('trail.tar.gz', Buffer.concat([tgz(files('model.pth', 'code/inference.py')), Buffer.from('trailing junk from a botched upload')]));
    const f = check(p).j.files[0].findings;
    expect(f[0]).toMatchObject({ ruleId: 'DA5001', messageId: 'trailingBytes' });
    expect(f.map((x: { messageId: string }) => x.messageId)).not.toContain('notGzip');
  });

  it('an archive holding only an empty folder fails, and recommend --artifact says so instead of blaming --model-size', () => {
    const p = archive('emptydir.tar.gz', files('model/'));
    const { code, j } = check(p);
    expect(code).toBe(1);
    expect(j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5001', messageId: 'noFiles' });
    const r = cli(['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '1s', '--latency', '5s', '--traffic', 'sustained', '--artifact', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no files, only empty folders/);
    expect(r.stderr).not.toMatch(/model-size/);
    expectOneLineError(r.stderr);
  });

  it('an archive of empty files fails too (no 0-byte model size)', () => {
    const { code, j } = check(
      archive('zero.tar.gz', [
        { name: 'model.pth', data: '' },
        { name: 'code/inference.py', data: '' },
      ]),
    );
    expect(code).toBe(1);
    expect(j.files[0].findings[0]).toMatchObject({ ruleId: 'DA5001', messageId: 'allEmpty' });
  });

  it('a nested model.tar.gz and macOS ._ files are warnings, and ._ files do not confuse the layout', () => {
    const { code, j } = check(archive('mac.tar.gz', files('model.pth', 'code/inference.py', '._model.pth', 'code/._inference.py', 'model.tar.gz')));
    expect(code).toBe(0);
    expect(j.files[0].findings.map((f: { ruleId: string; severity: string; entry: string }) => [f.ruleId, f.severity, f.entry])).toEqual([
      ['DA5006', 'warning', '._model.pth'],
      ['DA5006', 'warning', 'code/._inference.py'],
      ['DA5006', 'warning', 'model.tar.gz'],
    ]);
    expect(j.files[0].findings[2]).toMatchObject({ messageId: 'nestedArchive', message: expect.stringMatching(/archive inside the archive/) });
  });
});

describe('check-artifact messages read right (issue 21, item 6)', () => {
  const messages = (j: { files: Array<{ findings: Array<{ ruleId: string; message: string }> }> }) => j.files[0]!.findings.map((f) => `${f.ruleId} ${f.message}`);

  it('an absolute path (tar -P): how to make the archive, and no "cd  &&" wrapper-folder advice', () => {
    const { j } = check(archive('abs.tar.gz', files('/abs/dir/model.pth')));
    const m = messages(j);
    expect(m).toContain('DA5003 /abs/dir/model.pth is an absolute path; entries must be relative to the model folder: create the archive from inside it, without -P (cd /abs/dir && tar czf ../model.tar.gz *)');
    expect(m.join('\n')).not.toMatch(/DA5004|cd {2}&&|everything is inside \//);
  });

  it('entries climbing out with ..: no "cd .. &&"', () => {
    const { j } = check(archive('up.tar.gz', files('../model.pth', '../code/inference.py')));
    const m = messages(j);
    expect(m.filter((x) => x.startsWith('DA5003'))).toHaveLength(2);
    expect(m.join('\n')).not.toMatch(/DA5004|cd \.\. &&/);
  });

  it('a nested archive: one sentence that says what to do', () => {
    const { j } = check(archive('nest.tar.gz', files('model.pth', 'code/inference.py', 'inner.tar.gz')));
    expect(messages(j)).toEqual([
      'DA5006 inner.tar.gz: an archive inside the archive, which SageMaker does not extract (was the tarball itself packed by mistake?); leave it out, and put the files it holds in instead if the model needs them',
    ]);
  });

  it('"1 entry", and sizes in binary units throughout, as the limits are', () => {
    const r = cli(['check-artifact', archive('one.tar.gz', [{ name: 'model.pt', data: Buffer.alloc(5000) }])]);
    expect(r.stdout).toMatch(/^\S+one\.tar\.gz: 1 entry, 4\.88 KiB uncompressed \(\d+ B compressed\), pytorch layout; fits Serverless: 4\.88 KiB uncompressed, within its 5 GiB disk and 6 GiB memory$/m);
    expect(r.stdout).not.toMatch(/\b\d+(\.\d+)? (KB|MB|GB)\b/);
    const big = cli(['check-artifact', archive('big.tar.gz', [{ name: 'model.pt', data: Buffer.alloc(3_000_000) }])]);
    expect(big.stdout).toMatch(/1 entry, 2\.86 MiB uncompressed \(\d+(\.\d+)? KiB compressed\)/);
  });

  it('a wrapper folder is one DA5004, and the layout inside it is checked as if packed from inside', () => {
    expect(messages(check(archive('w1.tar.gz', files('model/', 'model/model.pth', 'model/code/inference.py'))).j).map((m) => m.slice(0, 6))).toEqual(['DA5004']);
    const { j } = check(archive('w2.tar.gz', files('model/', 'model/model.pth', 'model/requirements.txt', 'model/code/inference.py')));
    expect(j.files[0].findings.map((f: { ruleId: string; entry: string }) => [f.ruleId, f.entry])).toEqual([
      ['DA5004', 'model/'],
      ['DA5005', 'model/requirements.txt'],
    ]);
  });
});
