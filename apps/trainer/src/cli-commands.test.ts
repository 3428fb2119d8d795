import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MemoryRow } from './commands/bench-memory.js';
import type { SpeedRow } from './commands/bench-speed.js';
import type { ExperimentRow } from './commands/experiment.js';
import { EXIT } from './errors.js';
import { cli, scratchDir, TINY } from './test-support.js';

const STACK = /\n\s+at /;

describe('errors a user meets', () => {
  it('unknown commands and options name the closest one, exit 2, no stack', async () => {
    const c = await cli(['trian']);
    expect(c.code).toBe(EXIT.usage);
    expect(c.err).toMatch(/unknown command "trian" \(did you mean train\?\)/);
    const o = await cli(['train', '--stpes', '3']);
    expect(o.code).toBe(EXIT.usage);
    expect(o.err).toMatch(/unknown option --stpes \(did you mean --steps\?\)/);
    expect(o.err).not.toMatch(STACK);
    expect((await cli(['train', '--attn', 'flashy'])).err).toMatch(/--attn must be one of vanilla, light, chunked, flash \(did you mean flash\?\)/);
    expect((await cli(['train', '--steps', '2', '--epochs', '1'])).err).toMatch(/--steps or --epochs, not both/);
    expect((await cli(['bench'])).err).toMatch(/bench memory.*bench speed/);
    expect((await cli(['experiment', 'gpt-vs-leap'])).code).toBe(EXIT.usage);
    expect((await cli([])).code).toBe(EXIT.usage);
  });

  it('a missing data file is named, with the fix; --debug adds the stack', async () => {
    const r = await cli(['train', ...TINY, '--data', '/nonexistent/corpus.txt']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/error: --data: \/nonexistent\/corpus\.txt: no such file\nhint: pass text files that exist/);
    expect(r.err).not.toMatch(STACK);
    expect((await cli(['train', ...TINY, '--data', '/nonexistent/corpus.txt', '--debug'])).err).toMatch(STACK);
    expect((await cli(['eval', '/nonexistent/run'])).err).toMatch(/\/nonexistent\/run: no such checkpoint folder/);
    expect((await cli(['sample'])).err).toMatch(/which checkpoint\?/);
  });

  it('an unknown config key is named, with the closest field', async () => {
    const dir = scratchDir('config');
    const path = join(dir, 'model.json');
    writeFileSync(path, JSON.stringify({ n_layer: 1, n_head: 2, n_embed: 16 }));
    const r = await cli(['train', ...TINY, '--config', path]);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/--config .*model\.json: [\s\S]*unknown field "n_embed" \(did you mean "n_embd"\?\)/);
    writeFileSync(path, '{"n_layer": 1,');
    expect((await cli(['train', ...TINY, '--config', path])).err).toMatch(/is not a JSON object/);
    writeFileSync(path, JSON.stringify({ hidden_size: 16, n_heads: 2, n_layer: 1, window: 4 }));
    expect((await cli(['train', ...TINY, '--model', 'leap', '--config', path])).err).toMatch(/unknown field "window"/);
  });

  it('a new run refuses a checkpoint folder that holds another run, unless --overwrite', async () => {
    const dir = scratchDir('reuse');
    const run = ['train', ...TINY, '--steps', '1', '--eval-interval', '0', '--ckpt-dir', dir];
    expect((await cli(run)).code).toBe(EXIT.ok);
    const again = await cli(run);
    expect(again.code).toBe(EXIT.error);
    expect(again.err).toMatch(/holds checkpoints of another run \(up to step 1\)\nhint: continue it with --resume .*--overwrite/);
    expect((await cli([...run, '--overwrite'])).code).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8').match(/"type":"start"/g)).toHaveLength(1);
  }, 30_000);

  it('a bad model shape says which numbers clash', async () => {
    const r = await cli(['train', ...TINY, '--n-embd', '30', '--n-head', '4']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/n_embd 30 is not divisible by n_head 4/);
  });
});

describe('lightattn bench', () => {
  it('memory: the meta device predicts what the CPU device allocates, within 2%, for every implementation and LEAP', async () => {
    const r = await cli(['bench', 'memory', '--preset', 'gpt2-tiny', '--batch', '2', '--seq', '24', '--device', 'cpu', '--json']);
    expect(r.code).toBe(EXIT.ok);
    const { rows } = JSON.parse(r.out) as { rows: MemoryRow[] };
    expect(rows.map((x) => x.impl)).toEqual(['vanilla', 'light', 'chunked', 'flash', 'leap']);
    for (const row of rows) {
      expect(row.measured).not.toBeNull();
      expect(Math.abs(row.peakDifference!)).toBeLessThan(0.02);
      expect(Math.abs(row.measured!.activations - row.predicted.activations) / row.predicted.activations).toBeLessThan(0.02);
      expect(row.predicted.reserved).toBeGreaterThanOrEqual(row.predicted.peak);
      expect(row.predicted.peak).toBeGreaterThan(row.predicted.parameters + row.predicted.optimizer);
    }
    const act = Object.fromEntries(rows.map((x) => [x.impl, x.predicted.activations]));
    expect(act.flash).toBeLessThan(act.vanilla!);
    expect(act.light).toBeLessThan(act.vanilla!);
  }, 30_000);

  it("memory: the default is Light Attention's table (GPT-2 small, 4 × 1024), predicted only on the CPU", async () => {
    const dir = scratchDir('bench');
    const r = await cli(['bench', 'memory', '--impls', 'vanilla,flash', '--device', 'cpu', '--plot', '--out', dir]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/gpt2 \(12 layers × 12 heads × 768\), vocab 50257, batch 4 × seq 1024/);
    expect(r.out).toMatch(/not measured: a step is ≈ \d+ GFLOP/);
    expect(r.out).toMatch(/Light Attention's table \(GPT2Model without the LM head/);
    expect(existsSync(join(dir, 'bench-memory.png'))).toBe(true);
    expect((await cli(['bench', 'memory', '--impls', 'vanilla,fast'])).err).toMatch(/--impls: "fast" is not one of/);
  }, 30_000);

  it('speed: tokens/s per implementation on the chosen device', async () => {
    const r = await cli([
      'bench',
      'speed',
      '--preset',
      'gpt2-tiny',
      '--batch',
      '1',
      '--seq',
      '16',
      '--steps',
      '1',
      '--warmup',
      '0',
      '--impls',
      'flash,leap',
      '--device',
      'cpu',
      '--json',
    ]);
    expect(r.code).toBe(EXIT.ok);
    const { rows } = JSON.parse(r.out) as { rows: SpeedRow[] };
    expect(rows.map((x) => x.label)).toEqual(['flash', 'LEAP']);
    for (const row of rows) {
      expect(row.trainTokensPerSecond).toBeGreaterThan(0);
      expect(row.forwardTokensPerSecond).toBeGreaterThan(0);
    }
  }, 30_000);
});

describe('lightattn info and experiment', () => {
  it('info lists the CPU and meta devices and what auto picks', async () => {
    const r = await cli(['info', '--json']);
    expect(r.code).toBe(EXIT.ok);
    const info = JSON.parse(r.out) as { cpu: { type: string }; meta: { type: string }; webgpu: { software?: boolean; error?: string }; auto: string };
    expect(info.cpu.type).toBe('cpu');
    expect(info.meta.type).toBe('meta');
    expect(info.auto).toBe(info.webgpu.software === false ? 'webgpu' : 'wasm');
    const text = await cli(['info']);
    expect(text.out).toMatch(/--device auto uses: (wasm|webgpu)/);
    expect(text.out).toMatch(/\nwasm +WebAssembly SIMD \(f32x4.*\) on \d+ threads/);
  }, 30_000);

  it('experiment leap-vs-gpt2 --quick trains both at equal size and writes the table and the plot', async () => {
    const out = scratchDir('experiment');
    const r = await cli([
      'experiment',
      'leap-vs-gpt2',
      '--quick',
      '--steps',
      '4',
      '--eval-batches',
      '1',
      '--final-eval-batches',
      '2',
      '--device',
      'cpu',
      '--out',
      out,
    ]);
    expect(r.code).toBe(EXIT.ok);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { rows: ExperimentRow[] };
    expect(results.rows.map((x) => x.model)).toEqual(['gpt2', 'leap']);
    for (const row of results.rows) {
      expect(row.steps).toBe(4);
      expect(row.valPerplexity).toBeGreaterThan(1);
      expect(row.valPerplexity).toBe(Math.exp(row.valLoss));
    }
    // Equal size: the parameter counts differ by under 5%.
    expect(Math.abs(results.rows[0]!.parameters - results.rows[1]!.parameters) / results.rows[0]!.parameters).toBeLessThan(0.05);
    expect(readFileSync(join(out, 'results.md'), 'utf8')).toMatch(/\| GPT-2 \(flash\) \|[\s\S]*\| LEAP \|/);
    for (const f of ['leap-vs-gpt2.svg', 'leap-vs-gpt2.png', 'gpt2/metrics.jsonl', 'leap/metrics.jsonl']) expect(existsSync(join(out, f))).toBe(true);
  }, 60_000);
});
