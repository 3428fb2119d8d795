import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromArray, parseSafetensors } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { readCheckpoint, resolveCheckpointDir } from './checkpoint/checkpoint.js';
import { weightsHealth } from './checkpoint/weights-health.js';
import { EXIT } from './errors.js';
import type { LanguageModel } from './model-factory.js';
import { cli, fileBytes, lossesOf, scratchDir, TINY } from './test-support.js';

describe('lightattn train, eval, sample (CPU device, tiny model)', () => {
  it('trains end to end: progress, log, HF checkpoint, plots, summary, sample and memory report', async () => {
    const dir = scratchDir('train');
    const r = await cli([
      'train',
      ...TINY,
      '--steps',
      '6',
      '--eval-interval',
      '3',
      '--ckpt-dir',
      dir,
      '--plot',
      '--sample-prompt',
      'The ',
      '--sample-tokens',
      '12',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/device: cpu/);
    expect(r.out).toMatch(/step 6\/6 \| epoch 0 \| loss \d+\.\d{4} \| lr .* tok\/s \| mem .* \(peak .*\)/);
    expect(r.out).toMatch(/step 3: validation loss \d\.\d{4}, perplexity/);
    expect(r.out).toMatch(/summary[\s\S]*steps\s+6[\s\S]*best validation loss/);
    expect(r.out).toMatch(/\nThe .{1,}\n/); // the sample, prompt first
    expect(r.out).toMatch(/memory on cpu[\s\S]*\n {4}parameter /);
    expect(r.out).toMatch(/memory on cpu[\s\S]*\n {4}optimizer /);
    expect(r.out).toMatch(/predicted by the meta device for one step: peak .*measured peak/);

    const step = join(dir, 'step-000006');
    expect(readdirSync(step).sort()).toEqual(['config.json', 'model.safetensors', 'optimizer.safetensors', 'tokenizer.json', 'trainer_state.json']);
    const config = JSON.parse(readFileSync(join(step, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], n_layer: 2, n_embd: 32, attn_impl: 'flash' });
    const names = [...parseSafetensors(new Uint8Array(fileBytes(join(step, 'model.safetensors')))).entries.keys()];
    expect(names).toContain('transformer.h.0.attn.c_attn.weight');
    expect(names).not.toContain('lm_head.weight'); // tied, as HF saves it
    const { train, val } = lossesOf(join(dir, 'metrics.jsonl'));
    expect(train.map(([s]) => s)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(val.map(([s]) => s)).toEqual([3, 6]);
    for (const f of ['loss.svg', 'loss.png']) expect(existsSync(join(dir, f))).toBe(true);

    // The same windows as the run's last evaluation (8 batches of 2 × 16): the same loss.
    const e = await cli(['eval', dir, '--batch', '2', '--max-batches', '8', '--device', 'cpu']);
    expect(e.code).toBe(EXIT.ok);
    expect(Number(/loss\s+([\d.]+) nats\/token/.exec(e.out)![1])).toBeCloseTo(val[1]![1], 4);
    expect(e.out).toMatch(/tokens scored\s+240 \(16 windows of 16\)/);
    const all = await cli(['eval', dir, '--device', 'cpu']);
    expect(Number(/perplexity\s+([\d.]+)/.exec(all.out)![1])).toBeGreaterThan(1);

    const greedy = ['sample', dir, '--prompt', 'the ', '--max-new-tokens', '10', '--greedy', '--device', 'cpu'];
    const s1 = await cli(greedy);
    const s2 = await cli(greedy);
    expect(s1.code).toBe(EXIT.ok);
    expect(s1.out.startsWith('the ')).toBe(true);
    expect(s1.out).toBe(s2.out);
    expect(s1.err).toMatch(/GPT-2 2 layers .* from .*step-000006/);
  }, 60_000);

  it('an interrupted and resumed run reproduces the uninterrupted one exactly (losses, weights, optimizer)', async () => {
    const args = [...TINY, '--steps', '8', '--eval-interval', '4', '--dropout', '0.1'];
    const whole = scratchDir('whole');
    expect((await cli(['train', ...args, '--ckpt-dir', whole])).code).toBe(EXIT.ok);

    const split = scratchDir('split');
    const interrupt = { requested: false };
    const first = await cli(['train', ...args, '--ckpt-dir', split], {
      interrupt,
      hooks: { onStep: (step) => void (step === 3 && (interrupt.requested = true)) },
    });
    expect(first.code).toBe(EXIT.interrupted);
    expect(first.out).toMatch(/interrupted at step 3 .*checkpoint in .*step-000003/);
    expect(first.out).toMatch(/resume with `lightattn train --resume /);
    expect(readCheckpoint(resolveCheckpointDir(split)).state!.step).toBe(3);

    // The same command line with --resume (flags equal to the checkpoint's are accepted).
    const second = await cli(['train', ...args, '--resume', split]);
    expect(second.code).toBe(EXIT.ok);
    expect(second.out).toMatch(/resuming step 3/);

    expect(lossesOf(join(split, 'metrics.jsonl'))).toEqual(lossesOf(join(whole, 'metrics.jsonl')));
    for (const f of ['model.safetensors', 'optimizer.safetensors']) {
      expect(fileBytes(join(split, 'step-000008', f)).equals(fileBytes(join(whole, 'step-000008', f)))).toBe(true);
    }
    const a = readCheckpoint(join(whole, 'step-000008')).state!;
    const b = readCheckpoint(join(split, 'step-000008')).state!;
    expect({ ...b, savedAt: 0, elapsedMs: 0 }).toEqual({ ...a, savedAt: 0, elapsedMs: 0 });

    const changed = await cli(['train', ...args, '--seq', '32', '--resume', split]);
    expect(changed.code).toBe(EXIT.usage);
    expect(changed.err).toMatch(/--seq cannot change/);
  }, 90_000);

  it('trains and samples LEAP, resuming it exactly too', async () => {
    const args = ['--model', 'leap', ...TINY, '--steps', '4', '--eval-interval', '2'];
    const whole = scratchDir('leap-whole');
    const r = await cli(['train', ...args, '--ckpt-dir', whole]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/model: LEAP \(seed\) 2 layers × 2 heads × 32/);
    expect(JSON.parse(readFileSync(join(whole, 'step-000004', 'config.json'), 'utf8'))).toMatchObject({
      model_type: 'LeapForCausalLM',
      hidden_size: 32,
      n_layer: 2,
    });

    const split = scratchDir('leap-split');
    const interrupt = { requested: false };
    expect(
      (await cli(['train', ...args, '--ckpt-dir', split], { interrupt, hooks: { onStep: (s) => void (s === 1 && (interrupt.requested = true)) } })).code,
    ).toBe(EXIT.interrupted);
    expect((await cli(['train', '--resume', split, '--device', 'cpu'])).code).toBe(EXIT.ok); // the device is not part of the checkpoint: resume on the same one
    expect(lossesOf(join(split, 'metrics.jsonl'))).toEqual(lossesOf(join(whole, 'metrics.jsonl')));

    const s = await cli(['sample', whole, '--prompt', 'A', '--max-new-tokens', '8', '--device', 'cpu']);
    expect(s.code).toBe(EXIT.ok);
    expect(s.out).toMatch(/^A.+\n$/s);
  }, 60_000);

  it('stops on a NaN loss before the update, naming the step, and calls no checkpoint good that is not', async () => {
    const dir = scratchDir('nan');
    // lr 1e4: step 2's loss is still finite, its update makes weights NaN, step 3's loss is NaN.
    const r = await cli([
      'train',
      ...TINY,
      '--steps',
      '8',
      '--lr',
      '1e4',
      '--clip',
      '0',
      '--warmup',
      '0',
      '--ckpt-interval',
      '0',
      '--eval-interval',
      '0',
      '--ckpt-dir',
      dir,
    ]);
    expect(r.code).toBe(EXIT.nanLoss);
    expect(r.err).toMatch(/the loss is (NaN|Infinity|-Infinity) at step 3 .*training stopped before the update, and no checkpoint in .* can be called good/);
    expect(r.err).toMatch(/hint: lower --lr/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).filter((f) => f.startsWith('step-'))).toEqual([]);
  }, 60_000);

  it('never writes a checkpoint of diverged weights, so --keep 1 cannot rotate the good one away', async () => {
    const dir = scratchDir('nan-weights');
    // After step 2's update, one weight becomes NaN (as an overflowing update would make it).
    const onStep = (step: number, _loss: number, lm: LanguageModel) => {
      if (step !== 2) return;
      const [name, p] = Object.entries(lm.model.stateDict())[0]!;
      lm.model.loadStateDict({ [name]: fromArray(new Float32Array(p.numel).fill(Number.NaN), { shape: p.shape, device: p.device }) }, { strict: false });
    };
    const r = await cli(['train', ...TINY, '--steps', '4', '--ckpt-interval', '1', '--keep', '1', '--eval-interval', '0', '--ckpt-dir', dir], {
      hooks: { onStep },
    });
    expect(r.code).toBe(EXIT.nanLoss);
    expect(r.err).toMatch(
      /after step 2 the weights hold \d+ non-finite values \(first in .*\); training stopped without writing this checkpoint, and the last good checkpoint is step 1/,
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('step-'))).toEqual(['step-000001']);
    expect(weightsHealth(readCheckpoint(resolveCheckpointDir(dir)).weights).nonFinite).toBe(0);
  }, 60_000);

  it('refuses a run on the WebAssembly device predicted past its 4 GiB, before building the model', async () => {
    const r = await cli([
      'train',
      '--preset',
      'gpt2',
      '--batch',
      '64',
      '--seq',
      '1024',
      '--max-chars',
      '6000',
      '--steps',
      '1',
      '--device',
      'wasm',
      '--ckpt-dir',
      scratchDir('wasm32'),
    ]);
    expect(r.code).toBe(EXIT.outOfMemory);
    expect(r.err).toMatch(
      /a training step needs .* GiB \(predicted by the meta device\), more than the wasm(:\d+)? device can address \(4\.00 GiB: WebAssembly memory is 32-bit\)/,
    );
  }, 60_000);

  it('refuses a run predicted not to fit, with the memory report and what would fit', async () => {
    const r = await cli(['train', ...TINY, '--attn', 'vanilla', '--steps', '1', '--max-memory', '64KiB', '--ckpt-dir', scratchDir('oom')]);
    expect(r.code).toBe(EXIT.outOfMemory);
    expect(r.err).toMatch(/a training step needs .* \(predicted by the meta device\), more than --max-memory 64\.0 KiB/);
    expect(r.err).toMatch(/as configured[\s\S]*half the batch\s+--batch 1[\s\S]*flash attention\s+--attn flash[\s\S]*--recompute full/);
    expect(r.err).toMatch(/hint: use a smaller --batch .* --attn flash, or --recompute full/);
  }, 30_000);
});
