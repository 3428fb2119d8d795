import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './errors.js';
import { cli, scratchDir, TINY } from './test-support.js';

const STACK = /\n\s+at /;
const BUG = /looks like a bug/;
/** A run of one step that writes one checkpoint. */
const ONE_STEP = [...TINY, '--steps', '1', '--eval-interval', '0'];
/** A process id above Linux's pid_max (2²²): a temporary of a process that is surely gone. */
const GONE_PID = 99_999_999;

/** A finished 2-step run, copied afresh for each test that damages it. */
let trained: string;
beforeAll(async () => {
  trained = scratchDir('safety-run');
  const r = await cli(['train', ...TINY, '--steps', '2', '--ckpt-interval', '1', '--eval-interval', '0', '--ckpt-dir', trained]);
  expect(r.code).toBe(EXIT.ok);
}, 60_000);
const copyRun = (name: string) => {
  const dir = join(scratchDir(name), 'run');
  cpSync(trained, dir, { recursive: true });
  return dir;
};

describe('train never deletes a file it did not write', () => {
  it('--log naming an existing file that is not a metrics log is refused, even with --overwrite, and the file is untouched', async () => {
    const dir = scratchDir('log');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    for (const extra of [[], ['--overwrite']]) {
      const r = await cli(['train', ...ONE_STEP, '--ckpt-dir', join(dir, 'run'), '--log', notes, ...extra]);
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toMatch(/--log .*notes\.txt exists and is not a lightattn metrics log/);
      expect(r.err).toMatch(/hint: pick a --log file name that does not exist yet/);
      expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    }
    // Resuming rewrites its log (it trims the steps after the checkpoint): refused for a foreign file too.
    const run = copyRun('log-resume');
    const r = await cli(['train', '--resume', run, '--steps', '3', '--log', notes]);
    expect(r.err).toMatch(/notes\.txt exists and is not a lightattn metrics log/);
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
  }, 30_000);

  it('a metrics log of an earlier run is replaced only with --overwrite', async () => {
    const dir = scratchDir('log-again');
    const log = join(dir, 'm.jsonl');
    expect((await cli(['train', ...ONE_STEP, '--ckpt-dir', join(dir, 'a'), '--log', log])).code).toBe(EXIT.ok);
    const again = await cli(['train', ...ONE_STEP, '--ckpt-dir', join(dir, 'b'), '--log', log]);
    expect(again.code).toBe(EXIT.error);
    expect(again.err).toMatch(/--log .*m\.jsonl holds the metrics of an earlier run\nhint: start afresh with --overwrite/);
    expect((await cli(['train', ...ONE_STEP, '--ckpt-dir', join(dir, 'b'), '--log', log, '--overwrite'])).code).toBe(EXIT.ok);
    expect(readFileSync(log, 'utf8').match(/"type":"start"/g)).toHaveLength(1);
  }, 30_000);

  it('housekeeping deletes only the temporaries the trainer names, never other .tmp-* entries', async () => {
    const dir = scratchDir('tmp');
    mkdirSync(join(dir, '.tmp-mine'));
    writeFileSync(join(dir, '.tmp-mine', 'thesis.tex'), 'x');
    writeFileSync(join(dir, '.tmp-notes'), 'y');
    mkdirSync(join(dir, `.tmp-step-000009-${GONE_PID}`)); // a half-written checkpoint of a process that died
    expect((await cli(['train', ...ONE_STEP, '--ckpt-dir', dir])).code).toBe(EXIT.ok);
    expect(readdirSync(dir).sort()).toEqual(['.tmp-mine', '.tmp-notes', 'latest.json', 'metrics.jsonl', 'step-000001']);
    expect(readFileSync(join(dir, '.tmp-mine', 'thesis.tex'), 'utf8')).toBe('x');
  }, 30_000);
});

describe('a damaged or crashed checkpoint folder is recovered or reported, never skipped silently', () => {
  it('a crash between the two renames of a re-written step: its complete copy is put back, and resume continues from it', async () => {
    const run = copyRun('renames');
    // What writeDirAtomic leaves after renaming step-000002 aside and dying before publishing the new copy.
    cpSync(join(run, 'step-000002'), join(run, `.tmp-step-000002-${GONE_PID}`), { recursive: true });
    renameSync(join(run, 'step-000002'), join(run, `.tmp-step-000002-old-${GONE_PID}`));
    const r = await cli(['train', '--resume', run, '--steps', '3']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/note: .*step-000002 was being written when a run stopped; its complete copy is back in place/);
    expect(r.out).toMatch(/resuming step 2 from .*step-000002/);
    expect(readdirSync(run).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  }, 30_000);

  it('a newest step folder that lost its files is an error naming it, and the complete one is offered', async () => {
    const run = copyRun('damaged');
    rmSync(join(run, 'step-000002', 'model.safetensors'));
    for (const command of [
      ['train', '--resume', run, '--steps', '3'],
      ['sample', run, '--max-new-tokens', '2', '--device', 'cpu'],
    ]) {
      const r = await cli(command);
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toMatch(/latest\.json names step-000002, but .*step-000002 is incomplete \(no model\.safetensors\)/);
      expect(r.err).toMatch(/hint: to use the newest complete one, pass .*step-000001 itself/);
    }
    rmSync(join(run, 'latest.json'));
    expect((await cli(['eval', run, '--device', 'cpu'])).err).toMatch(/the highest step folder is step-000002, but .* is incomplete/);
    expect(existsSync(join(run, 'step-000002', 'config.json'))).toBe(true);
  }, 30_000);

  it('latest.json may name only a step folder of its own run', async () => {
    const root = scratchDir('escape');
    const other = join(root, 'other');
    cpSync(trained, other, { recursive: true });
    const run = join(root, 'a', 'run');
    cpSync(trained, run, { recursive: true });
    for (const s of ['step-000001', 'step-000002']) rmSync(join(run, s), { recursive: true });
    writeFileSync(join(run, 'latest.json'), JSON.stringify({ step: 2, dir: '../../other/step-000002' }));
    const r = await cli(['sample', run, '--max-new-tokens', '2', '--device', 'cpu']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/latest\.json names "\.\.\/\.\.\/other\/step-000002", which is not a step-NNNNNN folder of this run/);
    expect(r.out).toBe('');
  }, 30_000);

  it('config.json, trainer_state.json or tokenizer.json that is not JSON is named, without a stack or "bug"', async () => {
    for (const file of ['config.json', 'trainer_state.json', 'tokenizer.json']) {
      const run = copyRun(`json-${file}`);
      writeFileSync(join(run, 'step-000002', file), '{"n_layer": 2,');
      const r = await cli(['train', '--resume', run, '--steps', '3']);
      expect(r.code).toBe(EXIT.error);
      // tokenizer.json is read by the library's readTokenizerJson, whose message puts a colon after the file.
      expect(r.err).toMatch(new RegExp(`step-000002/${file.replace('.', '\\.')}:? (is )?not valid JSON `));
      expect(r.err).toMatch(/the checkpoint is damaged/);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).not.toMatch(BUG);
    }
  }, 30_000);

  it('a truncated model.safetensors or optimizer.safetensors, or a char vocabulary with a repeat, is named', async () => {
    const cases: [string, (path: string) => void, string[]][] = [
      ['model.safetensors', (p) => writeFileSync(p, readFileSync(p).subarray(0, 100)), ['sample', '--max-new-tokens', '2', '--device', 'cpu']],
      ['optimizer.safetensors', (p) => writeFileSync(p, readFileSync(p).subarray(0, 50)), ['train', '--resume']],
      ['tokenizer.json', (p) => writeFileSync(p, JSON.stringify({ type: 'char', chars: ['a', 'a'], eos: false })), ['eval', '--device', 'cpu']],
    ];
    for (const [file, damage, command] of cases) {
      const run = copyRun(`damaged-${file}`);
      damage(join(run, 'step-000002', file));
      const args = command[1] === '--resume' ? ['train', '--resume', run, '--steps', '3'] : [command[0]!, run, ...command.slice(1)];
      const out = await cli(args);
      expect(out.code).toBe(EXIT.error);
      expect(out.err).toMatch(new RegExp(`step-000002/${file.replace('.', '\\.')}: `));
      expect(out.err).toMatch(/hint: the checkpoint is damaged/);
      expect(out.err).not.toMatch(BUG);
    }
  }, 30_000);

  it('trainer_state.json values are checked on resume, naming the file and the field', async () => {
    // A parsed trainer_state.json, damaged on purpose: any field may be set to anything.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
      ['negative batch index', (s) => void (s.loader.batch = -3), /loader\.batch is -3, expected a whole number ≥ 0/],
      ['lr as text', (s) => void (s.settings.lr = 'fast'), /settings\.lr is "fast", expected a finite number ≥ 0/],
      ['dropout offset −1', (s) => void (s.generators.dropout.offset = -1), /generators\.dropout\.offset is -1/],
      ['step as a word', (s) => void (s.step = 'six'), /step is "six", expected a whole number ≥ 0/],
    ];
    for (const [, edit, message] of cases) {
      const run = copyRun('state');
      const path = join(run, 'step-000002', 'trainer_state.json');
      const state = JSON.parse(readFileSync(path, 'utf8'));
      edit(state);
      writeFileSync(path, JSON.stringify(state));
      const r = await cli(['train', '--resume', run, '--steps', '3']);
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toMatch(/trainer_state\.json: /);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/NaN/);
      // Sampling does not read the training state, so a damaged one does not stop it.
      expect((await cli(['sample', run, '--max-new-tokens', '2', '--device', 'cpu'])).code).toBe(EXIT.ok);
    }
    const run = copyRun('state-seq');
    const path = join(run, 'step-000002', 'trainer_state.json');
    const state = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...state, settings: { ...state.settings, seq: 4096 } }));
    expect((await cli(['train', '--resume', run, '--steps', '3'])).err).toMatch(
      /trainer_state\.json: settings\.seq 4096 exceeds the model's n_positions 64 \(config\.json\)/,
    );
  }, 30_000);

  it('a --ckpt-dir where files cannot be written is refused before anything starts (no hang under /proc)', async () => {
    const dir = scratchDir('ckpt-file');
    writeFileSync(join(dir, 'file'), 'x');
    const through = await cli(['train', ...ONE_STEP, '--ckpt-dir', join(dir, 'file', 'run')]);
    expect(through.code).toBe(EXIT.error);
    expect(through.err).toMatch(/--ckpt-dir .*: .*file is a file, not a folder/);
    if (existsSync('/proc/self')) {
      const proc = await cli(['train', ...ONE_STEP, '--ckpt-dir', '/proc/lightattn-run']);
      expect(proc.code).toBe(EXIT.error);
      expect(proc.err).toMatch(/--ckpt-dir \/proc\/lightattn-run: \/proc is on the kernel's proc file system/);
      const log = await cli(['train', ...ONE_STEP, '--ckpt-dir', join(dir, 'run'), '--log', '/proc/lightattn/m.jsonl']);
      expect(log.err).toMatch(/\/proc is on the kernel's proc file system/);
    }
  }, 30_000);
});

describe('no silent wrong results', () => {
  it('LightSoftmax and DropMatmul with an attention that would ignore them are refused, with the reason', async () => {
    for (const [attn, flag] of [
      ['flash', '--lightsoftmax'],
      ['flash', '--dropmatmul'],
      ['chunked', '--dropmatmul'],
      [null, '--lightsoftmax'],
    ] as const) {
      const r = await cli(['train', ...ONE_STEP, ...(attn ? ['--attn', attn] : []), flag, '--ckpt-dir', scratchDir('attn')]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.err).toMatch(
        /(LightSoftmax|DropMatmul) is a part of the vanilla attention: --attn (flash|chunked) has no softmax or dropout tensors .* so the run would equal plain (flash|chunked)/,
      );
      expect(r.err).toMatch(/hint: add --attn vanilla/);
    }
    const ok = await cli(['train', ...ONE_STEP, '--attn', 'vanilla', '--lightsoftmax', '--dropmatmul', '--ckpt-dir', scratchDir('attn-ok')]);
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.out).toMatch(/attention vanilla \+ LightSoftmax, DropMatmul/);
  }, 30_000);

  it('LEAP refuses GPT-2 attention flags instead of ignoring them', async () => {
    const r = await cli(['train', '--model', 'leap', ...ONE_STEP, '--attn', 'vanilla', '--ckpt-dir', scratchDir('leap-attn')]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/--attn applies to GPT-2's attention; LEAP \(--model leap\) has its own and would ignore it/);
    expect((await cli(['train', ...ONE_STEP, '--leap-global', '--ckpt-dir', scratchDir('leap-flag')])).err).toMatch(/--leap-global applies to LEAP only/);
  }, 30_000);

  it('binary files are refused; Latin-1 and UTF-16 are decoded (é and ï stay two characters), with a note', async () => {
    const dir = scratchDir('encodings');
    const text = 'naïve café résumé, the quick brown fox. '.repeat(60);
    const bin = join(dir, 'model.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) & 255)));
    const b = await cli(['train', ...ONE_STEP, '--data', bin, '--ckpt-dir', join(dir, 'b')]);
    expect(b.code).toBe(EXIT.error);
    expect(b.err).toMatch(/--data: .*model\.bin is not a text file \(\d+ NUL bytes\)/);
    const files: [string, Buffer, RegExp][] = [
      ['latin1.txt', Buffer.from(text, 'latin1'), /read as Latin-1 \(Windows-1252\), as it is not valid UTF-8/],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), /read as UTF-16LE;/],
      ['utf16-nobom.txt', Buffer.from(text, 'utf16le'), /read as UTF-16LE \(no byte-order mark/],
    ];
    for (const [name, bytes, note] of files) {
      writeFileSync(join(dir, name), bytes);
      const r = await cli(['train', ...ONE_STEP, '--data', join(dir, name), '--ckpt-dir', join(dir, name + '.run')]);
      expect(r.code).toBe(EXIT.ok);
      expect(r.out).toMatch(note);
      const tokenizer = JSON.parse(readFileSync(join(dir, name + '.run', 'step-000001', 'tokenizer.json'), 'utf8'));
      expect(tokenizer.chars).toEqual(expect.arrayContaining(['é', 'ï']));
      expect(tokenizer.chars).not.toContain('\uFFFD');
    }
  }, 60_000);

  it('--data with no file names is refused (not the Brown corpus); --val-data errors name --val-data', async () => {
    const r = await cli(['train', ...ONE_STEP, '--data', ',', '--ckpt-dir', scratchDir('comma')]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/--data needs at least one FILE, got ","/);
    const v = await cli(['train', ...ONE_STEP, '--val-data', '/nonexistent/val.txt', '--ckpt-dir', scratchDir('val')]);
    expect(v.err).toMatch(/error: --val-data: \/nonexistent\/val\.txt: no such file/);
  });

  it('out-of-range numbers are refused by the parser: --min-lr-ratio above 1, a --seed past the largest usable', async () => {
    expect((await cli(['train', ...ONE_STEP, '--min-lr-ratio', '5'])).err).toMatch(/--min-lr-ratio must be ≤ 1, got "5"/);
    const seed = await cli(['train', ...ONE_STEP, '--seed', '9007199254740991']);
    expect(seed.code).toBe(EXIT.usage);
    expect(seed.err).toMatch(/--seed must be ≤ 9007199254740990/);
    expect((await cli(['train', ...ONE_STEP, '--seed', '9007199254740990', '--ckpt-dir', scratchDir('seed')])).code).toBe(EXIT.ok);
  }, 30_000);

  it('sample says when n_positions stops it, refuses extra arguments, and names --prompt for a prompt the model cannot read', async () => {
    const s = await cli(['sample', trained, '--max-new-tokens', '100000', '--greedy', '--device', 'cpu']);
    expect(s.code).toBe(EXIT.ok);
    expect(s.err).toMatch(/\n60 pieces in /);
    expect(s.err).toMatch(
      /note: the model reads at most n_positions 64 tokens and the prompt has 4, so at most 60 of the 100000 new tokens asked for are generated/,
    );
    expect((await cli(['sample', trained, 'Once upon', '--device', 'cpu'])).err).toMatch(
      /unexpected argument "Once upon"; sample takes one checkpoint\nhint: text to continue goes after --prompt/,
    );
    expect((await cli(['eval', trained, 'more.txt', '--device', 'cpu'])).err).toMatch(/unexpected argument "more\.txt"; eval takes one checkpoint/);

    const dir = scratchDir('lower');
    writeFileSync(join(dir, 'lower.txt'), 'the quick brown fox jumps over the lazy dog. '.repeat(100));
    expect((await cli(['train', ...ONE_STEP, '--data', join(dir, 'lower.txt'), '--ckpt-dir', join(dir, 'run')])).code).toBe(EXIT.ok);
    const p = await cli(['sample', join(dir, 'run'), '--device', 'cpu']);
    expect(p.code).toBe(EXIT.error);
    expect(p.err).toMatch(/the default prompt "The " \(--prompt was not given\) cannot be encoded: "T" .* is not in the \d+-character vocabulary/);
    expect(p.err).toMatch(/hint: give --prompt with characters the model was trained on/);
    expect(p.err).not.toMatch(BUG);
  }, 30_000);
});
