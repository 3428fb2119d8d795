import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCpuDevice } from '@lightattn/tensor-core';
import { parseSafetensors } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { readCheckpoint } from '../checkpoint/checkpoint.js';
import { BatchLoader } from '../data/batch-loader.js';
import { EXIT } from '../errors.js';
import { cli, lossesOf, scratchDir, TINY } from '../test-support.js';
import { loadModel } from '../model-factory.js';
import { createOptimizer, lrSchedule, type ScheduleName } from '../train/optimizer.js';
import type { HandoffJson } from './torch-export.js';

const HANDOFF_PY = fileURLToPath(new URL('../../../../scripts/torch/lightattn_handoff.py', import.meta.url));
const python = spawnSync('python3', ['--version']).status === 0;

function py(...args: string[]): string {
  const r = spawnSync('python3', [HANDOFF_PY, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

async function exportedRun(model: 'gpt2' | 'leap') {
  const run = scratchDir(`handoff-run-${model}`);
  const out = join(scratchDir(`handoff-${model}`), 'export');
  const args = model === 'leap' ? ['--model', 'leap', '--seq', '16', '--batch', '2', '--max-chars', '6000', '--device', 'cpu'] : TINY;
  expect((await cli(['train', ...args, '--steps', '3', '--eval-interval', '0', '--dropout', '0', '--ckpt-dir', run])).code).toBe(EXIT.ok);
  const r = await cli(['export-torch', run, out]);
  expect(r.err).toBe('');
  expect(r.code).toBe(EXIT.ok);
  return { run, out, handoff: JSON.parse(readFileSync(join(out, 'handoff.json'), 'utf8')) as HandoffJson };
}

describe('lightattn export-torch', () => {
  it('writes the model, AdamW state in torch.optim layout, the tokens and the position of a GPT-2 run', async () => {
    const { run, out, handoff } = await exportedRun('gpt2');
    expect(readdirSync(out).sort()).toEqual([
      'config.json',
      'handoff.json',
      'model.safetensors',
      'optimizer_torch.safetensors',
      'tokenizer.json',
      'train_tokens.i32',
      'val_tokens.i32',
    ]);
    const ckpt = readCheckpoint(join(run, 'step-000003'));
    expect(handoff).toMatchObject({ kind: 'gpt2', step: 3, totalSteps: 3, leapWindows: null, trainerState: { step: 3, loader: { epoch: 0, batch: 3 } } });
    expect(new Uint8Array(readFileSync(join(out, 'model.safetensors')))).toEqual(ckpt.weights);

    const opt = parseSafetensors(new Uint8Array(readFileSync(join(out, 'optimizer_torch.safetensors'))));
    const names = JSON.parse(opt.metadata.param_names!) as string[];
    const groups = JSON.parse(opt.metadata.param_groups!) as { weight_decay: number; betas: number[]; params: number[] }[];
    // Matrices (decayed) first, then vectors, in the model's order, under the Hugging Face names.
    expect(names[0]).toBe('transformer.wte.weight');
    expect(names).toContain('transformer.h.0.attn.c_attn.bias');
    expect(names).not.toContain('lm_head.weight');
    expect(groups.map((g) => g.weight_decay)).toEqual([0.1, 0]);
    expect(groups.flatMap((g) => g.params)).toEqual(names.map((_, i) => i));
    for (const [i, name] of names.entries()) {
      const shape = parseSafetensors(ckpt.weights).entries.get(name)!.shape;
      expect(opt.entries.get(`state.${i}.exp_avg`)!.shape).toEqual(shape);
      expect(new Float32Array(opt.entries.get(`state.${i}.step`)!.bytes.slice().buffer)[0]).toBe(3);
      expect(groups.find((g) => g.params.includes(i))!.weight_decay).toBe(shape.length >= 2 ? 0.1 : 0);
    }
    const train = new Int32Array(readFileSync(join(out, 'train_tokens.i32')).buffer.slice(0));
    expect(train.length).toBeGreaterThan(100);
  }, 60_000);

  it("names a LEAP run's parameters as the original package and records its windows", async () => {
    const { out, handoff } = await exportedRun('leap');
    expect(handoff.kind).toBe('leap');
    expect(handoff.leapWindows?.length).toBeGreaterThan(0);
    const names = JSON.parse(parseSafetensors(new Uint8Array(readFileSync(join(out, 'optimizer_torch.safetensors')))).metadata.param_names!) as string[];
    expect(names).toContain('word_embedding.weight');
    expect(names).toContain('leap_model.decoders.0.projections.weight');
    expect(names).not.toContain('proj_logits.weight'); // tied to word_embedding
  }, 60_000);

  it('refuses to write into a folder that holds files, and names the problem', async () => {
    const run = scratchDir('handoff-refuse');
    expect((await cli(['train', ...TINY, '--steps', '1', '--eval-interval', '0', '--ckpt-dir', run])).code).toBe(EXIT.ok);
    const out = scratchDir('handoff-busy');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await cli(['export-torch', run, out]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/already exists and is not an empty folder; nothing was written/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect((await cli(['export-torch', run])).err).toMatch(/give the run and the folder to write/);
    // A folder that cannot hold files is refused before anything is created (mkdir hangs under /proc).
    expect((await cli(['export-torch', run, '/proc/lightattn-export'])).err).toMatch(/is on the kernel's proc file system/);
  }, 60_000);
});

describe.skipIf(!python)('scripts/torch/lightattn_handoff.py agrees with the trainer (python3)', () => {
  it('draws the same batches, epoch after epoch', () => {
    const cases: [number, number, number, number][] = [
      [1000, 16, 4, 0],
      [1000, 16, 4, 7],
      [333, 10, 3, 12345],
      [64, 16, 4, 1], // one epoch without a phase shift
    ];
    for (const [n, seq, batch, seed] of cases) {
      const loader = new BatchLoader(
        Int32Array.from({ length: n }, (_, i) => i),
        batch,
        seq,
        seed,
      );
      const count = loader.batchesPerEpoch * 3 + 1;
      const expected = Array.from({ length: count }, () => {
        const ids = loader.next();
        return Array.from({ length: batch }, (_, b) => ids[b * seq]!);
      });
      const got = JSON.parse(py('batches', String(n), String(seq), String(batch), String(seed), String(count))) as {
        batchesPerEpoch: number;
        batches: number[][];
        position: unknown;
      };
      expect(got.batchesPerEpoch).toBe(loader.batchesPerEpoch);
      expect(got.batches).toEqual(expected);
      expect(got.position).toEqual(loader.position);
    }
  }, 60_000);

  it('follows the same learning-rate schedule', () => {
    const cases: [ScheduleName, number, number | null, number][] = [
      ['cosine', 5, 40, 0.1],
      ['linear', 0, 30, 0.2],
      ['constant', 3, 20, 0.1],
      ['cosine', 10, null, 0.1],
    ];
    for (const [name, warmup, total, minRatio] of cases) {
      const schedule = lrSchedule(name, warmup, total, minRatio);
      const got = JSON.parse(py('schedule', name, String(warmup), String(total), String(minRatio), '45')) as number[];
      got.forEach((f, step) => expect(f).toBeCloseTo(schedule(step), 14));
    }
  }, 60_000);

  it('converts the exported AdamW state back into a file the optimizer loads unchanged', async () => {
    const { run, out } = await exportedRun('gpt2');
    const back = join(scratchDir('handoff-back'), 'optimizer.safetensors');
    mkdirSync(join(back, '..'), { recursive: true });
    py('optimizer-roundtrip', out, back);
    const original = readCheckpoint(join(run, 'step-000003')).optimizer!;
    const a = parseSafetensors(original);
    const b = parseSafetensors(new Uint8Array(readFileSync(back)));
    expect([...b.entries.keys()].sort()).toEqual([...a.entries.keys()].sort());
    for (const [k, e] of a.entries) expect(b.entries.get(k)!.bytes).toEqual(e.bytes);
    expect(JSON.parse(b.metadata.steps!)).toEqual(JSON.parse(a.metadata.steps!));
    expect(JSON.parse(b.metadata.param_groups!)).toEqual(JSON.parse(a.metadata.param_groups!));
    expect(b.metadata).toMatchObject({ format: a.metadata.format, kind: 'AdamW' });
    // And the trainer's optimizer loads it: saving again gives the original tensors.
    const ckpt = readCheckpoint(join(run, 'step-000003'));
    const lm = loadModel(ckpt, createCpuDevice());
    const optimizer = createOptimizer(lm, { lr: 1, weightDecay: 0 });
    optimizer.loadStateDict(new Uint8Array(readFileSync(back)));
    const again = parseSafetensors(await optimizer.stateDict());
    for (const [k, e] of a.entries) expect(again.entries.get(k)!.bytes).toEqual(e.bytes);
    expect(again.metadata.param_groups).toBe(a.metadata.param_groups);
    optimizer.dispose();
    lm.model.dispose();
  }, 60_000);

  it('writes a checkpoint folder that lightattn train --resume continues exactly (the way back)', async () => {
    const run = scratchDir('handoff-ref');
    const args = [...TINY, '--steps', '8', '--eval-interval', '0', '--ckpt-interval', '4', '--keep', '5', '--dropout', '0'];
    expect((await cli(['train', ...args, '--ckpt-dir', run])).code).toBe(EXIT.ok);
    const out = join(scratchDir('handoff-way-back'), 'export');
    expect((await cli(['export-torch', join(run, 'step-000004'), out])).code).toBe(EXIT.ok);
    const back = join(scratchDir('handoff-from-python'), 'continued');
    py('checkpoint', out, back);
    expect(readdirSync(back).sort()).toEqual(['latest.json', 'step-000004']);
    const r = await cli(['train', '--resume', back, '--device', 'cpu']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const reference = lossesOf(join(run, 'metrics.jsonl')).train.filter(([s]) => s > 4);
    expect(lossesOf(join(back, 'metrics.jsonl')).train).toEqual(reference);
    // Nothing is written over: the same command again refuses.
    expect(() => py('checkpoint', out, back)).toThrow(/already exists and is not an empty folder/);
  }, 90_000);
});
