import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './errors.js';
import { cli, scratchDir, TINY } from './test-support.js';

const ONE_STEP = [...TINY, '--steps', '1', '--eval-interval', '0'];

/** A 3-step run on a small text file, checkpointed every step (keep 3). */
let trained: string;
let corpus: string;
beforeAll(async () => {
  const dir = scratchDir('refusals');
  corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, 'The cat sat on the mat; the dog sat on the log. '.repeat(80));
  trained = join(dir, 'run');
  const r = await cli([
    'train',
    ...TINY,
    '--data',
    corpus,
    '--steps',
    '3',
    '--ckpt-interval',
    '1',
    '--keep',
    '3',
    '--eval-interval',
    '0',
    '--ckpt-dir',
    trained,
  ]);
  expect(r.code).toBe(EXIT.ok);
}, 60_000);
const copyRun = (name: string) => {
  const dir = join(scratchDir(name), 'run');
  cpSync(trained, dir, { recursive: true });
  return dir;
};
const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('what a hostile user tries next', () => {
  it('a resumed run refuses a --ckpt-dir holding another run, leaving it as it was', async () => {
    const other = copyRun('other');
    const before = listing(other);
    const r = await cli(['train', '--resume', join(trained, 'step-000001'), '--steps', '3', '--ckpt-dir', other]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/--ckpt-dir .* holds checkpoints of another run \(up to step 3\), which this resumed run would replace/);
    expect(listing(other)).toEqual(before);
  }, 30_000);

  it('resuming an older step says that the later checkpoints will be replaced', async () => {
    const run = copyRun('older');
    const r = await cli(['train', '--resume', join(run, 'step-000001'), '--steps', '2']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/note: .* holds later checkpoints \(step-000002, step-000003\); this run replaces each when it gets there/);
  }, 30_000);

  it('a new run does not replace a latest.json or --plot files it did not write', async () => {
    const dir = scratchDir('foreign');
    writeFileSync(join(dir, 'latest.json'), '{"version": 3}');
    const r = await cli(['train', ...ONE_STEP, '--ckpt-dir', dir]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/latest\.json exists and was not written by lightattn/);
    expect(readFileSync(join(dir, 'latest.json'), 'utf8')).toBe('{"version": 3}');
    const plots = scratchDir('plots');
    writeFileSync(join(plots, 'loss.png'), 'my figure');
    const p = await cli(['train', ...ONE_STEP, '--ckpt-dir', plots, '--plot']);
    expect(p.err).toMatch(/--plot would replace .*loss\.png/);
    expect(readFileSync(join(plots, 'loss.png'), 'utf8')).toBe('my figure');
  }, 30_000);

  it('a resumed run whose data file is gone names trainer_state.json as where the name came from', async () => {
    const run = copyRun('gone');
    const moved = `${corpus}.moved`;
    renameSync(corpus, moved);
    try {
      const r = await cli(['train', '--resume', run, '--steps', '4']);
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toMatch(/the run's data, as .*step-000003\/trainer_state\.json names it, cannot be read as it was: --data: .*corpus\.txt: no such file/);
    } finally {
      renameSync(moved, corpus);
    }
  }, 30_000);

  it('a tokenizer.json that does not match config.json is refused at load, naming both', async () => {
    const run = copyRun('vocab');
    const path = join(run, 'step-000003', 'tokenizer.json');
    const t = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...t, chars: t.chars.slice(0, 5) }));
    const r = await cli(['sample', run, '--prompt', 'T', '--device', 'cpu']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/tokenizer\.json has 5 tokens, but .*config\.json has vocab_size \d+: they are not of the same model/);
    writeFileSync(path, JSON.stringify({ type: 'sentencepiece' }));
    expect((await cli(['sample', run, '--device', 'cpu'])).err).toMatch(/tokenizer\.json: "type" is "sentencepiece"; supported are "gpt2"/);
  }, 30_000);

  it('sample refuses sampling options with --greedy, which would ignore them', async () => {
    const r = await cli(['sample', trained, '--greedy', '--top-k', '3', '--device', 'cpu']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/--greedy always takes the most likely token, so --top-k would be ignored/);
  });

  it('empty values, devices and kernel file systems are refused before anything is read or created', async () => {
    expect((await cli(['train', ...ONE_STEP, '--ckpt-dir', ''])).err).toMatch(/--ckpt-dir needs a value \(DIR\), got ""/);
    if (existsSync('/dev/zero')) {
      const z = await cli(['train', ...ONE_STEP, '--data', '/dev/zero', '--ckpt-dir', scratchDir('zero')]);
      expect(z.code).toBe(EXIT.error);
      expect(z.err).toMatch(/--data: \/dev\/zero is not a regular file/);
    }
    if (existsSync('/proc/self')) {
      const e = await cli(['experiment', 'leap-vs-gpt2', '--quick', '--steps', '1', '--device', 'cpu', '--out', '/proc/lightattn-x']);
      expect(e.err).toMatch(/--out \/proc\/lightattn-x: \/proc is on the kernel's proc file system/);
    }
  }, 30_000);

  it('--max-chars reads only a prefix of a file, without splitting a UTF-8 character into Latin-1', async () => {
    const dir = scratchDir('prefix');
    const path = join(dir, 'accents.txt');
    // One ASCII byte first, so the 4004-byte prefix of --max-chars 1000 ends on the lead byte of an é.
    writeFileSync(path, `a${'é café '.repeat(1500)}`);
    const r = await cli(['train', ...ONE_STEP, '--max-chars', '1000', '--data', path, '--ckpt-dir', join(dir, 'run')]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).not.toMatch(/Latin-1/);
    expect(r.out).toMatch(/1\.00k characters/);
  }, 30_000);

  it("a --config file's attn_impl is used unless --attn is given (the default flash filled in only without one)", async () => {
    const dir = scratchDir('config-attn');
    const path = join(dir, 'model.json');
    writeFileSync(path, JSON.stringify({ n_layer: 1, n_head: 2, n_embd: 16, attn_impl: 'vanilla', use_lightsoftmax: true }));
    const r = await cli(['train', ...ONE_STEP, '--config', path, '--ckpt-dir', join(dir, 'a')]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/attention vanilla \+ LightSoftmax/);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'step-000001', 'config.json'), 'utf8'))).toMatchObject({ attn_impl: 'vanilla', use_lightsoftmax: true });
    writeFileSync(path, JSON.stringify({ n_layer: 1, n_head: 2, n_embd: 16 }));
    expect((await cli(['train', ...ONE_STEP, '--config', path, '--ckpt-dir', join(dir, 'b')])).out).toMatch(/attention flash,/);
  }, 30_000);

  it('flags that would do nothing are said: --overwrite with --resume, --top-p above 1, a resume already at its --steps', async () => {
    expect((await cli(['train', '--resume', trained, '--overwrite'])).err).toMatch(/--overwrite starts a new run afresh, so it does not go with --resume/);
    expect((await cli(['sample', trained, '--top-p', '5'])).err).toMatch(/--top-p must be ≤ 1, got "5"/);
    const run = copyRun('done');
    const r = await cli(['train', '--resume', run, '--steps', '2']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/note: the checkpoint is at step 3, which already reaches the run's --steps 2: nothing to train/);
  }, 30_000);

  it('eval --data with characters the model does not know names the file and why', async () => {
    const dir = scratchDir('eval-chars');
    writeFileSync(join(dir, 'other.txt'), 'ZZZ {} qqq '.repeat(20));
    const r = await cli(['eval', trained, '--data', join(dir, 'other.txt'), '--device', 'cpu']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(
      /--data: .*other\.txt cannot be encoded by the checkpoint's tokenizer: "Z" \(U\+005A\) at index 0 is not in the \d+-character vocabulary\nhint: a character model knows only/,
    );
  }, 30_000);

  it('flags the run would ignore: --val-fraction with --val-data, --min-lr-ratio with a constant schedule, --sample-tokens alone, eval --attn on LEAP', async () => {
    const dir = scratchDir('ignored');
    const v = await cli(['train', ...ONE_STEP, '--val-data', corpus, '--val-fraction', '0.2', '--ckpt-dir', dir]);
    expect(v.err).toMatch(/--val-fraction holds out a share of --data, which --val-data replaces/);
    expect((await cli(['train', ...ONE_STEP, '--schedule', 'constant', '--min-lr-ratio', '0.5', '--ckpt-dir', dir])).err).toMatch(
      /--schedule constant does not decay/,
    );
    expect((await cli(['train', ...ONE_STEP, '--sample-tokens', '50', '--ckpt-dir', dir])).err).toMatch(/only --sample-prompt asks for/);
    const leap = join(dir, 'leap');
    expect((await cli(['train', '--model', 'leap', ...ONE_STEP, '--ckpt-dir', leap])).code).toBe(EXIT.ok);
    const e = await cli(['eval', leap, '--attn', 'vanilla', '--device', 'cpu']);
    expect(e.code).toBe(EXIT.usage);
    expect(e.err).toMatch(/eval: --attn chooses GPT-2's attention; .* is a LEAP model/);
  }, 30_000);

  it('a step folder that is not a complete checkpoint is never replaced by a later save', async () => {
    const dir = scratchDir('not-ours');
    mkdirSync(join(dir, 'step-000001'));
    writeFileSync(join(dir, 'step-000001', 'photo.jpg'), 'x');
    const r = await cli(['train', ...ONE_STEP, '--ckpt-dir', dir]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(
      /step-000001 is not a complete checkpoint \(no config\.json, model\.safetensors\), and this run would replace it when it reaches step 1/,
    );
    expect(readdirSync(join(dir, 'step-000001'))).toEqual(['photo.jpg']);
    // Resuming an older step of a run whose newer step folder lost its files: refused too.
    const run = copyRun('damaged-later');
    rmSync(join(run, 'step-000003', 'config.json'));
    const resumed = await cli(['train', '--resume', join(run, 'step-000001'), '--steps', '4']);
    expect(resumed.err).toMatch(/step-000003 is not a complete checkpoint \(no config\.json\)/);
    expect(existsSync(join(run, 'step-000003', 'model.safetensors'))).toBe(true);
  }, 30_000);

  it.skipIf(!existsSync('/dev/zero'))(
    'devices are refused as --config and --log (a resume would replace /dev/null with its trimmed log)',
    async () => {
      expect((await cli(['train', ...ONE_STEP, '--config', '/dev/zero'])).err).toMatch(/--config: \/dev\/zero is not a regular file/);
      const r = await cli(['train', ...ONE_STEP, '--ckpt-dir', scratchDir('devnull'), '--log', '/dev/null']);
      expect(r.err).toMatch(/--log \/dev\/null is not a regular file \(a device, pipe or folder\)/);
    },
    30_000,
  );

  it('a refused run leaves no new folder behind', async () => {
    const dir = join(scratchDir('no-litter'), 'run');
    const r = await cli(['train', ...ONE_STEP, '--attn', 'flash', '--lightsoftmax', '--ckpt-dir', dir]);
    expect(r.code).toBe(EXIT.usage);
    expect(existsSync(dir)).toBe(false);
  });

  it('experiment --out keeps a metrics.jsonl it did not write', async () => {
    const out = scratchDir('exp-out');
    mkdirSync(join(out, 'gpt2'));
    writeFileSync(join(out, 'gpt2', 'metrics.jsonl'), 'my own notes\n');
    const r = await cli(['experiment', 'leap-vs-gpt2', '--quick', '--steps', '1', '--device', 'cpu', '--out', out]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/--out: .*gpt2\/metrics\.jsonl exists and is not a lightattn metrics log/);
    expect(readFileSync(join(out, 'gpt2', 'metrics.jsonl'), 'utf8')).toBe('my own notes\n');
  }, 30_000);

  it('info, bench and experiment refuse arguments they would ignore', async () => {
    expect((await cli(['info', 'extra'])).err).toMatch(/info: unexpected argument "extra"; `lightattn info` takes no arguments/);
    const b = await cli(['bench', 'memory', 'gpt2', '--measure', 'never']);
    expect(b.code).toBe(EXIT.usage);
    expect(b.err).toMatch(/bench memory: unexpected argument "gpt2"/);
    expect((await cli(['experiment', 'leap-vs-gpt2', 'quick'])).err).toMatch(/unexpected argument "quick"/);
  });

  it('a --sample-prompt the model cannot encode is refused before training, leaving no folder', async () => {
    const dir = join(scratchDir('sample-prompt'), 'run');
    const r = await cli(['train', ...ONE_STEP, '--data', corpus, '--sample-prompt', 'Zebra', '--ckpt-dir', dir]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/--sample-prompt "Zebra" cannot be encoded: "Z"/);
    expect(r.out).not.toMatch(/step 1\/1/);
    expect(existsSync(dir)).toBe(false);
  });
});
