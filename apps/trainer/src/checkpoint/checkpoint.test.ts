import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { listCheckpoints, readCheckpoint, resolveCheckpointDir, saveCheckpoint, TRAINER_STATE_FORMAT, type TrainerState } from './checkpoint.js';

const state = (step: number): TrainerState => ({
  format: TRAINER_STATE_FORMAT,
  step,
  tokensSeen: step * 64,
  elapsedMs: step * 10,
  loader: { epoch: 0, batch: step },
  generators: { init: { seed: 1, offset: 5 }, dropout: { seed: 2, offset: step } },
  settings: {
    seq: 8,
    batch: 8,
    steps: 10,
    epochs: null,
    maxTimeMs: null,
    lr: 1e-3,
    schedule: 'cosine',
    warmup: 0,
    minLrRatio: 0.1,
    weightDecay: 0.1,
    clip: 1,
    seed: 1,
    evalInterval: 2,
    evalBatches: 1,
    lossChunkTokens: null,
  },
  data: { sources: ['brown'], valSources: null, valFraction: 0.1, maxChars: 1000 },
  lastLoss: 1.5,
  bestValLoss: null,
  savedAt: new Date(0).toISOString(),
});
const save = (dir: string, step: number, keep = 2) =>
  saveCheckpoint(
    dir,
    {
      config: '{"model_type":"gpt2"}',
      weights: new Uint8Array([step]),
      tokenizer: { type: 'char', chars: ['a', 'b'], eos: false },
      optimizer: new Uint8Array([9]),
      state: state(step),
    },
    { keep },
  );

describe('checkpoints', () => {
  it("names tokenizer.json at load when it is missing for a non-GPT-2 vocabulary, of another type, or larger than the model's vocabulary", () => {
    const folder = (config: object, tokenizer?: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'lightattn-ckpt-'));
      writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
      writeFileSync(join(dir, 'model.safetensors'), new Uint8Array([0]));
      if (tokenizer !== undefined) writeFileSync(join(dir, 'tokenizer.json'), tokenizer);
      return dir;
    };
    expect(() => readCheckpoint(folder({ model_type: 'gpt2', vocab_size: 65 }))).toThrow(
      /no .*tokenizer\.json beside the model, and its vocab_size 65 is not GPT-2's 50257/,
    );
    const other = folder({ model_type: 'gpt2', vocab_size: 65 }, '{"type": "wordpiece"}');
    expect(() => readCheckpoint(other)).toThrow(new RegExp(`^${join(other, 'tokenizer.json').replace(/[.]/g, '\\.')}: "type" is "wordpiece"`));
    expect(() => readCheckpoint(folder({ model_type: 'gpt2', vocab_size: 2 }, '{"type": "char", "chars": ["a", "b", "c"], "eos": false}'))).toThrow(
      /tokenizer\.json: the character vocabulary has 3 tokens but the model's vocab_size \(config\.json\) is 2/,
    );
    expect(() => readCheckpoint(folder({ model_type: 'gpt2', vocab_size: 65 }, '{"type": "char", "chars": ['))).toThrow(/tokenizer\.json: not valid JSON/);
    expect(readCheckpoint(folder({ model_type: 'gpt2', vocab_size: 50257 })).tokenizer).toEqual({ type: 'gpt2' });
  });

  it('keeps the newest `keep` step folders and points latest.json at the newest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lightattn-ckpt-'));
    for (const step of [2, 4, 6]) save(dir, step);
    expect(listCheckpoints(dir).map((c) => c.step)).toEqual([4, 6]);
    expect(resolveCheckpointDir(dir)).toBe(join(dir, 'step-000006'));
    expect(resolveCheckpointDir(join(dir, 'step-000004'))).toBe(join(dir, 'step-000004'));
    const files = readCheckpoint(resolveCheckpointDir(dir));
    expect([...files.weights]).toEqual([6]);
    expect(files.state).toEqual({ ...state(6), savedAt: files.state!.savedAt });
    expect(files.tokenizer).toEqual({ type: 'char', chars: ['a', 'b'], eos: false });
    expect(readdirSync(dir).sort()).toEqual(['latest.json', 'step-000004', 'step-000006']);
  });

  it('falls back to the highest complete step folder when latest.json is missing or damaged, ignoring temporaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lightattn-ckpt-'));
    save(dir, 3, 5);
    save(dir, 7, 5);
    writeFileSync(join(dir, 'latest.json'), '{"dir": "step-0000');
    // A half-written folder of a process that is gone (no process has an id above pid_max, 2²²).
    const temp = join(dir, '.tmp-step-000009-99999999');
    mkdirSync(temp);
    writeFileSync(join(temp, 'config.json'), '{}');
    expect(resolveCheckpointDir(dir)).toBe(join(dir, 'step-000007'));
    save(dir, 9, 5);
    expect(existsSync(temp)).toBe(false);
  });

  it('says what is wrong with a path that is not a checkpoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lightattn-ckpt-'));
    expect(() => resolveCheckpointDir(join(dir, 'nope'))).toThrow(/no such checkpoint folder/);
    expect(() => resolveCheckpointDir(dir)).toThrow(/no checkpoint here/);
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => resolveCheckpointDir(join(dir, 'file'))).toThrow(CliError);
  });
});
