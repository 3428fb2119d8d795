import * as ag from '@lightattn/autograd';
import { LeapBlock, type LeapActivation, type LeapVariant } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { assertAllClose, erfcF64, maxRelativeError } from '@lightattn/tensor-core/testing';
import { describe, expect, it } from 'vitest';
import { loadLeapPretrained, parseLeapConfig, saveLeapPretrained } from './leap-checkpoint.js';
import { LeapForCausalLM } from './leap-model.js';

const device = tc.getDefaultDevice();
const ids = (rows: number[][]) => tc.fromArray(Int32Array.from(rows.flat()), { shape: [rows.length, rows[0]!.length], device });

/** A model with a head bias of random values, so the bias shows in every logit. */
function biased(variant: LeapVariant, hiddenAct: LeapActivation = 'gelu'): LeapForCausalLM {
  const model = new LeapForCausalLM(
    {
      hidden_size: 16,
      vocab_size: 23,
      n_heads: 2,
      n_layer: 2,
      n_positions: 12,
      hidden_dropout_prob: 0,
      initializer_range: 0.3,
      variant,
      proj_logits_bias: true,
      hidden_act: hiddenAct,
    },
    { device, generator: new tc.Generator(5) },
  );
  const b = model.proj_logits.bias!;
  b.device.writeBuffer(b.storage.buffer, 0, new Uint8Array(tc.randn([23], { device, seed: 7 }).toArraySync().buffer));
  return model;
}

/** The config.json the original package writes: no hidden_act, no proj_logits_bias (its head always has a bias). */
const originalConfig = (variant: LeapVariant) =>
  JSON.stringify({
    architectures: ['LeapForCausalLM'],
    model_type: 'LeapForCausalLM',
    hidden_size: 16,
    vocab_size: 23,
    n_heads: 2,
    use_local_att: true,
    window_sizes: null,
    n_positions: 12,
    n_layer: 2,
    rescale_value: 8,
    hidden_dropout_prob: 0,
    initializer_range: 0.3,
    rnn: false,
    ...(variant === 'v2' ? { variant } : {}),
  });

/** The state dict as the original's torch.save → safetensors: every parameter, proj_logits.weight omitted (tied). */
async function originalWeights(model: LeapForCausalLM): Promise<Uint8Array> {
  const state = { ...model.stateDict() };
  delete state['proj_logits.weight'];
  return tc.saveSafetensors(state);
}

describe("the original LEAP package's checkpoints", () => {
  for (const variant of ['seed', 'v2'] as const) {
    it(`${variant}: load with the head's bias (inferred from the weights) and the exact GELU, and give the same logits`, async () => {
      const original = biased(variant).eval();
      const loaded = loadLeapPretrained({ config: originalConfig(variant), weights: await originalWeights(original) }, { device }).eval();
      expect(loaded.config).toMatchObject({ proj_logits_bias: true, hidden_act: 'gelu', variant });
      expect(await loaded.proj_logits.bias!.toArray()).toEqual(await original.proj_logits.bias!.toArray());
      const input = ids([[1, 2, 3, 4, 5, 6]]);
      expect(await loaded.forward(input).logits!.toArray()).toEqual(await original.forward(input).logits!.toArray());
    });
  }

  it('logits are hidden·Wᵀ + b, and the chunked loss includes the bias and its gradient', async () => {
    const model = biased('seed');
    const input = ids([
      [3, 1, 4, 1, 5, 9],
      [2, 7, 1, 8, 2, 8],
    ]);
    const bias = await model.proj_logits.bias!.toArray();
    // The logits minus the bias are those of the same model with a bias-free head.
    const plain = new LeapForCausalLM({ ...model.config, proj_logits_bias: false }, { device, init: 'none' });
    plain.loadStateDict(Object.fromEntries(Object.entries(model.stateDict()).filter(([k]) => k !== 'proj_logits.bias')));
    const plainLogits = await plain.eval().forward(input).logits!.toArray();
    model.eval();
    const evalLogits = await model.forward(input).logits!.toArray();
    assertAllClose(
      evalLogits.map((v, i) => v - bias[i % 23]!),
      plainLogits,
      { rtol: 1e-6, atol: 1e-6 },
      'logits − b',
    );
    model.train();
    const full = model.forward(input, { labels: input });
    full.loss!.backward();
    const gBias = await model.proj_logits.bias!.grad!.toArray();
    const gWeight = await model.word_embedding.weight.grad!.toArray();
    model.zeroGrad();
    const chunked = model.forward(input, { labels: input, lossChunkTokens: 5 });
    chunked.loss!.backward();
    expect(await chunked.loss!.item()).toBeCloseTo(await full.loss!.item(), 5);
    expect(maxRelativeError(await model.proj_logits.bias!.grad!.toArray(), gBias)).toBeLessThan(1e-5);
    expect(maxRelativeError(await model.word_embedding.weight.grad!.toArray(), gWeight)).toBeLessThan(1e-5);
    expect(gBias.some((v) => v !== 0)).toBe(true);
  });

  it('save and load keep the bias and the activation (written as proj_logits_bias and hidden_act)', async () => {
    for (const hiddenAct of ['gelu', 'gelu_pytorch_tanh'] as const) {
      const model = biased('v2', hiddenAct).eval();
      const files = await saveLeapPretrained(model);
      expect(JSON.parse(files.config)).toMatchObject({ hidden_act: hiddenAct, proj_logits_bias: true });
      expect([...tc.parseSafetensors(files.weights).entries.keys()]).toContain('proj_logits.bias');
      const loaded = loadLeapPretrained(files, { device }).eval();
      expect(loaded.config).toMatchObject({ hidden_act: hiddenAct, proj_logits_bias: true });
      const input = ids([[1, 2, 3, 4, 5]]);
      expect(await loaded.forward(input).logits!.toArray()).toEqual(await model.forward(input).logits!.toArray());
    }
  });

  it("a config that says there is no bias is refused with LEAP's fields in the hint, not GPT-2's", async () => {
    const weights = await originalWeights(biased('seed'));
    const config = JSON.stringify({ ...JSON.parse(originalConfig('seed')), proj_logits_bias: false });
    let message = '';
    try {
      loadLeapPretrained({ config, weights }, { device });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/unexpected: proj_logits\.bias/);
    expect(message).toMatch(/compare hidden_size, n_heads, n_layer[\s\S]*proj_logits_bias/);
    expect(message).not.toMatch(/n_embd/);
  });

  it('refuses a config.json that is not JSON, naming the file', () => {
    expect(() => parseLeapConfig('{"hidden_size": 16,')).toThrow(/LEAP config\.json is not valid JSON/);
    expect(() => parseLeapConfig('[1, 2]')).toThrow(/LEAP config\.json must hold a JSON object/);
  });

  it('names model_type when a GPT-2 config is read as LEAP because of it', () => {
    const gpt2 = { model_type: 'leap', n_embd: 32, n_layer: 2, n_head: 2, vocab_size: 50, n_positions: 64, activation_function: 'gelu_new', resid_pdrop: 0.1 };
    expect(() => parseLeapConfig(gpt2)).toThrow(
      /read as a LEAP config because of its model_type "leap", but it has GPT-2 fields \(n_embd, activation_function, resid_pdrop\); for a GPT-2 model set "model_type": "gpt2"/,
    );
    const noType = Object.fromEntries(Object.entries(gpt2).filter(([k]) => k !== 'model_type'));
    expect(() => parseLeapConfig(noType)).toThrow(/^config\.json is read as a LEAP config, but it has GPT-2 fields/);
  });

  it('names __proto__ and constructor keys as unknown fields, and a bad hidden_act', () => {
    for (const key of ['__proto__', 'constructor'])
      expect(() => parseLeapConfig(`{"hidden_size": 16, ${JSON.stringify(key)}: {"n_layer": 3}}`), key).toThrow(
        new RegExp(`LEAP config\\.json: unknown field "${key}"`),
      );
    expect(() => parseLeapConfig({ hidden_act: 'gelu_new' })).toThrow(
      /LEAP config\.json: hidden_act must be 'gelu' \(exact, the original's\) or 'gelu_pytorch_tanh', got "gelu_new"/,
    );
  });
});

describe("LEAP's feed-forward GELU against the original formulas", () => {
  // PyTorch's F.gelu: exact ½h(1 + erf(h/√2)); approximate='tanh': ½h(1 + tanh(√(2/π)(h + 0.044715h³))).
  const FORMULAS: Record<LeapActivation, (h: number) => number> = {
    gelu: (h) => 0.5 * h * (1 + (1 - erfcF64(h / Math.SQRT2))),
    gelu_pytorch_tanh: (h) => 0.5 * h * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (h + 0.044715 * h ** 3))),
  };
  for (const variant of ['seed', 'v2'] as const) {
    for (const hiddenAct of ['gelu', 'gelu_pytorch_tanh'] as const) {
      it(`${variant}, ${hiddenAct}: x + unboom(gelu(boom(norm(x)))) with gelu computed on the host`, async () => {
        const f64 = tc.createCpuDevice({ precision: 'f64' });
        const block = new LeapBlock(
          { hidden_size: 8, n_heads: 2, n_layer: 1, n_positions: 8, hidden_dropout_prob: 0, initializer_range: 0.5, variant, hidden_act: hiddenAct },
          0,
          { device: f64, generator: new tc.Generator(3) },
        );
        const x = tc.randn([2, 3, 8], { device: f64, seed: 11 });
        const got = await tc.toFloat64Array(ag.noGrad(() => block.feedForward(x)));
        const want = await ag.noGrad(async () => {
          const normed = variant === 'seed' ? block.boomNorm.forward(block.attnNorm.forward(x)) : block.boomNorm.forward(x);
          const h = await tc.toFloat64Array(block.boom.forward(normed));
          const activated = tc.fromFloat64Array(Array.from(h, FORMULAS[hiddenAct]), [2, 3, 32], f64);
          return tc.toFloat64Array(tc.add(x, block.unboom.forward(activated)));
        });
        assertAllClose(got, want, { rtol: 1e-13, atol: 1e-13 }, `${variant} ${hiddenAct}`);
        // The two forms differ: the test tells them apart.
        const other = FORMULAS[hiddenAct === 'gelu' ? 'gelu_pytorch_tanh' : 'gelu'];
        expect(
          Math.max(
            ...Array.from(
              await tc.toFloat64Array(block.boom.forward(variant === 'seed' ? block.boomNorm.forward(block.attnNorm.forward(x)) : block.boomNorm.forward(x))),
              (h) => Math.abs(other(h) - FORMULAS[hiddenAct](h)),
            ),
          ),
        ).toBeGreaterThan(1e-6);
      });
    }
  }
});
