import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { ATTN_IMPLS, gpt2Config, type GPT2Config } from './config.js';
import { GPT2LMHeadModel } from './model.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';

/** HF transformers' GPT2LMHeadModel.state_dict() keys for `gpt2` (buffers are non-persistent or gone). */
function hfGpt2StateDictKeys(nLayer: number): string[] {
  const block = (i: number) =>
    [
      'ln_1.weight',
      'ln_1.bias',
      'attn.c_attn.weight',
      'attn.c_attn.bias',
      'attn.c_proj.weight',
      'attn.c_proj.bias',
      'ln_2.weight',
      'ln_2.bias',
      'mlp.c_fc.weight',
      'mlp.c_fc.bias',
      'mlp.c_proj.weight',
      'mlp.c_proj.bias',
    ].map((n) => `transformer.h.${i}.${n}`);
  return [
    'transformer.wte.weight',
    'transformer.wpe.weight',
    ...Array.from({ length: nLayer }, (_, i) => block(i)).flat(),
    'transformer.ln_f.weight',
    'transformer.ln_f.bias',
    'lm_head.weight',
  ];
}

const meta = tc.createMetaDevice();

function tinyModel(overrides: Partial<GPT2Config> = {}, seed = 3, device: tc.Device = tc.createCpuDevice({ precision: 'f64' })) {
  const config = gpt2Config('gpt2-tiny', {
    vocab_size: 37,
    n_positions: 16,
    resid_pdrop: 0,
    embd_pdrop: 0,
    attn_pdrop: 0,
    initializer_range: 0.2,
    ...overrides,
  });
  return new GPT2LMHeadModel(config, { device, generator: new tc.Generator(seed) });
}

function ids(rows: number[][], device: tc.Device): tc.Tensor {
  return tc.fromArray(Int32Array.from(rows.flat()), { shape: [rows.length, rows[0]!.length], device });
}

describe('GPT2LMHeadModel', () => {
  it("has HF's parameter names and shapes for gpt2 (124,439,808 parameters)", () => {
    const model = new GPT2LMHeadModel(gpt2Config('gpt2'), { device: meta });
    const state = model.stateDict();
    expect(Object.keys(state)).toEqual(hfGpt2StateDictKeys(12));
    expect(state['transformer.h.0.attn.c_attn.weight']!.shape).toEqual([768, 2304]); // Conv1D: (in, out)
    expect(state['transformer.h.0.attn.c_proj.weight']!.shape).toEqual([768, 768]);
    expect(state['transformer.h.11.mlp.c_fc.weight']!.shape).toEqual([768, 3072]);
    expect(state['transformer.h.11.mlp.c_proj.weight']!.shape).toEqual([3072, 768]);
    expect(state['transformer.wpe.weight']!.shape).toEqual([1024, 768]);
    expect(state['lm_head.weight']).toBe(state['transformer.wte.weight']);
    expect(model.numParameters()).toBe(124_439_808);
    expect(model.namedParameters().map(([n]) => n)).toEqual(hfGpt2StateDictKeys(12).slice(0, -1));
  });

  it('counts the published sizes of the larger presets', () => {
    const count = (name: 'gpt2-medium' | 'gpt2-large' | 'gpt2-xl') => new GPT2LMHeadModel(gpt2Config(name), { device: meta }).numParameters();
    expect(count('gpt2-medium')).toBe(354_823_168);
    expect(count('gpt2-large')).toBe(774_030_080);
    expect(count('gpt2-xl')).toBe(1_557_611_200);
  });

  it('an untied head has its own weight', () => {
    const model = tinyModel({ tie_word_embeddings: false });
    expect(model.lm_head.weight).not.toBe(model.transformer.wte.weight);
    expect(model.namedParameters().map(([n]) => n)).toContain('lm_head.weight');
  });

  it('the tied weight gets the gradient of both the embedding and the head', async () => {
    const model = tinyModel();
    const input = ids([[1, 2, 3, 4]], model.device);
    const { loss } = model.forward(input, { labels: input });
    loss!.backward();
    const tied = await model.transformer.wte.weight.grad!.toArray();
    // Rows of tokens that never appear as inputs get gradient from the head only: not zero.
    expect(Math.abs(tied[10 * 32]!)).toBeGreaterThan(0);
    // The input rows get more: the embedding's scatter-add on top of the head's.
    expect(tied.every(Number.isFinite)).toBe(true);
  });

  it('at initialisation the loss is about log(vocab), and logits are [B, T, V]', async () => {
    const model = tinyModel({ initializer_range: 0.02 });
    const input = ids(
      [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
      ],
      model.device,
    );
    const { logits, loss } = model.forward(input, { labels: input });
    expect(logits!.shape).toEqual([2, 5, 37]);
    expect(Math.abs((await loss!.item()) - Math.log(37))).toBeLessThan(0.2);
  });

  it('every attn_impl gives the same logits, loss and gradients', async () => {
    const results = [];
    for (const attn_impl of ATTN_IMPLS) {
      const model = tinyModel({ attn_impl, max_chunk_size_mb: attn_impl === 'chunked' ? 1e-4 : null });
      const input = ids(
        [
          [3, 1, 4, 1, 5, 9, 2, 6],
          [5, 3, 5, 8, 9, 7, 9, 3],
        ],
        model.device,
      );
      const { logits, loss } = model.forward(input, { labels: input });
      loss!.backward();
      results.push({
        attn_impl,
        logits: await logits!.toArray(),
        loss: await loss!.item(),
        grad: await model.transformer.h.at(0).attn.c_attn.weight.grad!.toArray(),
      });
    }
    for (const r of results.slice(1)) {
      expect(r.logits, `${r.attn_impl} logits`).toBeAllClose(results[0]!.logits, { rtol: 1e-5, atol: 1e-6 });
      expect(r.loss).toBeCloseTo(results[0]!.loss, 6);
      expect(maxRelativeError(r.grad, results[0]!.grad), `${r.attn_impl} c_attn grad`).toBeLessThan(1e-5);
    }
  });

  it('padding: with attention_mask, the real tokens of a padded row match the row alone', async () => {
    for (const attn_impl of ATTN_IMPLS) {
      const model = tinyModel({ attn_impl });
      const short = [7, 3, 9];
      const padded = model.forward(
        ids(
          [
            [...short, 0, 0],
            [1, 2, 3, 4, 5],
          ],
          model.device,
        ),
        {
          attentionMask: ids(
            [
              [1, 1, 1, 0, 0],
              [1, 1, 1, 1, 1],
            ],
            model.device,
          ),
        },
      ).logits!;
      const alone = model.forward(ids([short], model.device)).logits!;
      const first = (await padded.toArray()).subarray(0, 3 * 37);
      expect(first, `${attn_impl} padded row`).toBeAllClose(await alone.toArray(), { rtol: 1e-5, atol: 1e-6 });
    }
  });

  it('the loss compares position t with label t + 1 and skips −100', async () => {
    const model = tinyModel();
    const input = ids([[1, 2, 3, 4]], model.device);
    const { logits, loss } = model.forward(input, { labels: ids([[1, -100, 3, 4]], model.device) });
    const l = (await logits!.toNested()) as number[][][];
    // Targets: position 0 → −100 (skipped), 1 → 3, 2 → 4, 3 → none.
    const nll = (row: number[], target: number) => Math.log(row.reduce((s, x) => s + Math.exp(x), 0)) - row[target]!;
    expect(await loss!.item()).toBeCloseTo((nll(l[0]![1]!, 3) + nll(l[0]![2]!, 4)) / 2, 5);
  });

  it('the chunked loss gives the same loss and gradients without logits', async () => {
    const model = tinyModel();
    const input = ids(
      [
        [3, 1, 4, 1, 5, 9],
        [2, 6, 5, 3, 5, 8],
      ],
      model.device,
    );
    const full = model.forward(input, { labels: input });
    full.loss!.backward();
    const gFull = await model.transformer.wte.weight.grad!.toArray();
    model.zeroGrad();
    const chunked = model.forward(input, { labels: input, lossChunkTokens: 5 });
    expect(chunked.logits).toBeNull();
    chunked.loss!.backward();
    expect(await chunked.loss!.item()).toBeCloseTo(await full.loss!.item(), 6);
    expect(maxRelativeError(await model.transformer.wte.weight.grad!.toArray(), gFull)).toBeLessThan(1e-6);
  });

  it('activation_recompute gives the same loss and gradients (dropout on), keeping fewer bytes', async () => {
    const results = [];
    for (const activation_recompute of ['none', 'selective', 'full'] as const) {
      const config = gpt2Config('gpt2-tiny', { vocab_size: 37, n_positions: 16, initializer_range: 0.2, attn_impl: 'flash', activation_recompute });
      const model = new GPT2LMHeadModel(config, {
        device: tc.createCpuDevice({ precision: 'f64' }),
        generator: new tc.Generator(3),
        dropoutGenerator: new tc.Generator(77),
      });
      const input = ids(
        [
          [3, 1, 4, 1, 5, 9, 2, 6],
          [5, 3, 5, 8, 9, 7, 9, 3],
        ],
        model.device,
      );
      const { result: out, ledger } = ag.withLedger(() =>
        model.forward(input, {
          labels: input,
          attentionMask: ids(
            [
              [1, 1, 1, 1, 1, 1, 1, 1],
              [1, 1, 1, 1, 1, 1, 0, 0],
            ],
            model.device,
          ),
        }),
      );
      out.loss!.backward();
      ledger.close();
      results.push({
        activation_recompute,
        saved: ledger.total,
        loss: await out.loss!.item(),
        grads: await Promise.all(model.parameters().map((p) => p.grad!.toArray())),
      });
    }
    const [none, selective, full] = results;
    for (const r of [selective!, full!]) {
      expect(r.loss, r.activation_recompute).toBeCloseTo(none!.loss, 6);
      r.grads.forEach((g, i) => expect(maxRelativeError(g, none!.grads[i]!), `${r.activation_recompute} grad ${i}`).toBeLessThan(1e-6));
    }
    // selective: per layer, B·T·4·(n_inner + n_embd) fewer bytes (the activation and the merged heads).
    expect(none!.saved - selective!.saved).toBe(2 * 16 * 4 * (128 + 32));
    expect(full!.saved).toBeLessThan(selective!.saved);
  });

  describe('memory semantics: what HF on eager PyTorch keeps, selectable, with the same values', () => {
    const [B, T, C, L, H, inner] = [2, 8, 32, 2, 2, 128];
    /** One training forward and backward; the dropout masks come from a fixed generator. */
    async function step(overrides: Partial<GPT2Config>, device: tc.Device = tc.createCpuDevice()) {
      const config = gpt2Config('gpt2-tiny', { vocab_size: 37, n_positions: 16, initializer_range: 0.2, ...overrides });
      const model = new GPT2LMHeadModel(config, { device, generator: new tc.Generator(3), dropoutGenerator: new tc.Generator(77) });
      const input = ids(
        [
          [3, 1, 4, 1, 5, 9, 2, 6],
          [5, 3, 5, 8, 9, 7, 9, 3],
        ],
        model.device,
      );
      const { result: out, ledger } = ag.withLedger(() => model.forward(input, { labels: input, logits: 'all' }));
      out.loss!.backward();
      ledger.close();
      return {
        saved: ledger.total,
        functions: new Set(ledger.entries.map((e) => e.function)),
        logits: await out.logits!.toArray(),
        loss: await out.loss!.item(),
        grads: await Promise.all(model.parameters().map((p) => p.grad!.toArray())),
      };
    }

    it("gelu_new is HF's composition (three more [B, T, n_inner] tensors per layer than the fused op), gelu_pytorch_tanh and gelu_fast the fused op", async () => {
      const noDropout = { resid_pdrop: 0, embd_pdrop: 0, attn_pdrop: 0 };
      const composed = await step({ ...noDropout, activation_function: 'gelu_new' });
      const fused = await step({ ...noDropout, activation_function: 'gelu_pytorch_tanh' });
      const fast = await step({ ...noDropout, activation_function: 'gelu_fast' });
      expect(composed.saved - fused.saved).toBe(L * 3 * B * T * inner * 4);
      expect(fast.saved).toBe(fused.saved);
      expect(fast.logits).toEqual(fused.logits);
      expect([...composed.functions].filter((f) => ['pow (scalar)', 'tanh', 'gelu'].includes(f)).sort()).toEqual(['pow (scalar)', 'tanh']);
      expect([...fused.functions].filter((f) => ['pow (scalar)', 'tanh', 'gelu'].includes(f))).toEqual(['gelu']);
      // The same function, rounded op by op in f32: equal to a few ulps, not bit for bit.
      expect(maxRelativeError(composed.logits, fused.logits)).toBeLessThan(1e-5);
      expect(composed.logits).not.toEqual(fused.logits);
      composed.grads.forEach((g, i) => expect(maxRelativeError(g, fused.grads[i]!), `grad ${i}`).toBeLessThan(1e-4));
    });

    it("'gelu' is the exact x·Φ(x) as one fused op (saving its input, as PyTorch's F.gelu), also under selective recompute", async () => {
      const noDropout = { resid_pdrop: 0, embd_pdrop: 0, attn_pdrop: 0 };
      const exact = await step({ ...noDropout, activation_function: 'gelu' });
      const tanhForm = await step({ ...noDropout, activation_function: 'gelu_pytorch_tanh' });
      expect([...exact.functions].filter((f) => f.startsWith('gelu'))).toEqual(['gelu_erf']);
      expect(exact.saved).toBe(tanhForm.saved);
      // A different function: close, but not equal.
      expect(maxRelativeError(exact.logits, tanhForm.logits)).toBeLessThan(1e-2);
      expect(exact.logits).not.toEqual(tanhForm.logits);
      const f64 = tc.createCpuDevice({ precision: 'f64' });
      const none = await step({ activation_function: 'gelu', attn_impl: 'flash' }, f64);
      const selective = await step({ activation_function: 'gelu', attn_impl: 'flash', activation_recompute: 'selective' }, f64);
      expect(selective.loss).toBeCloseTo(none.loss, 10);
      selective.grads.forEach((g, i) => expect(maxRelativeError(g, none.grads[i]!), `grad ${i}`).toBeLessThan(1e-10));
    });

    it('gelu_new with selective recompute keeps only the pre-activation, with the same loss', async () => {
      const none = await step({ activation_function: 'gelu_new', attn_impl: 'flash' }, tc.createCpuDevice({ precision: 'f64' }));
      const selective = await step(
        { activation_function: 'gelu_new', attn_impl: 'flash', activation_recompute: 'selective' },
        tc.createCpuDevice({ precision: 'f64' }),
      );
      // Per layer: 0.5·x, tanh's input, 1 + tanh and the activation (c_proj's input), and the merged heads (flash keeps O).
      expect(none.saved - selective.saved).toBe(L * B * T * 4 * (4 * inner + C));
      expect(selective.loss).toBeCloseTo(none.loss, 10);
    });

    it("dropout_mask: 'stored' keeps a 1-byte mask per dropout (2·n_layer + 1 of [B, T, C]) and changes no value", async () => {
      const regenerate = await step({ dropout_mask: 'regenerate' });
      const stored = await step({ dropout_mask: 'stored' });
      expect(stored.saved - regenerate.saved).toBe((2 * L + 1) * B * T * C);
      expect(stored.functions.has('dropout (stored mask)')).toBe(true);
      expect(stored.loss).toBe(regenerate.loss);
      expect(stored.grads).toEqual(regenerate.grads);
    });

    it("dropmatmul_mask: 'bool' keeps B·H·T·T bytes per layer, 'packed' 4·⌈B·H·T·T/32⌉, with the same values", async () => {
      for (const attention of [{ attn_impl: 'vanilla', use_lightsoftmax: true, use_dropmatmul: true }, { attn_impl: 'light' }] as const) {
        const rng = await step({ ...attention, dropmatmul_mask: 'rng' });
        const bool = await step({ ...attention, dropmatmul_mask: 'bool' });
        const packed = await step({ ...attention, dropmatmul_mask: 'packed' });
        expect(bool.saved - rng.saved, attention.attn_impl).toBe(L * B * H * T * T);
        expect(packed.saved - rng.saved, attention.attn_impl).toBe(L * 4 * Math.ceil((B * H * T * T) / 32));
        for (const other of [bool, packed]) {
          expect(other.loss, attention.attn_impl).toBe(rng.loss);
          other.grads.forEach((g, i) => expect(maxRelativeError(g, rng.grads[i]!), `${attention.attn_impl} grad ${i}`).toBeLessThan(1e-5));
        }
      }
    });
  });

  it('a tiny model learns: AdamW brings the loss down on CPU', async () => {
    const model = tinyModel({ resid_pdrop: 0.1, attn_pdrop: 0.1, embd_pdrop: 0.1 }, 5, tc.createCpuDevice());
    const opt = new ag.AdamW(model.parameters(), { lr: 3e-2, weightDecay: 0 });
    const input = ids(
      [
        [1, 2, 3, 4, 5, 6, 7, 8],
        [8, 7, 6, 5, 4, 3, 2, 1],
      ],
      model.device,
    );
    const losses: number[] = [];
    for (let step = 0; step < 12; step++) {
      opt.zeroGrad();
      const { loss } = model.forward(input, { labels: input, lossChunkTokens: 4 });
      losses.push(await loss!.item());
      loss!.backward();
      opt.step();
      loss!.dispose();
    }
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5);
  });

  it('names the problem in its errors', () => {
    const model = tinyModel();
    const d = model.device;
    expect(() => model.forward(tc.zeros([1, 17], { dtype: 'i32', device: d }))).toThrow(/17 positions exceed n_positions 16/);
    expect(() => model.forward(tc.zeros([2, 3], { device: d }))).toThrow(/i32 tensor \[B, T\]/);
    expect(() => model.forward(tc.zeros([2, 3], { dtype: 'i32', device: d }), { labels: tc.zeros([2, 2], { dtype: 'i32', device: d }) })).toThrow(
      /labels \[2, 2\] must match input ids \[2, 3\]/,
    );
    expect(() => model.forward(tc.zeros([2, 3], { dtype: 'i32', device: d }), { attentionMask: tc.ones([2, 4], { device: d }) })).toThrow(
      /attention_mask must be \[2, 3\]/,
    );
  });
});
