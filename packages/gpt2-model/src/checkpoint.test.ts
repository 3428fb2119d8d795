import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { CheckpointError, gpt2FileKey, loadPretrained, loadWeightsInto, savePretrained, type CheckpointDType } from './checkpoint.js';
import { gpt2Config, toHFConfigJson } from './config.js';
import { GPT2LMHeadModel } from './model.js';
import { loadPretrainedFromDir, readPretrainedDir, savePretrainedToDir } from './node.js';

const device = tc.getDefaultDevice();
const config = gpt2Config('gpt2-tiny', { vocab_size: 29, n_positions: 12, n_layer: 2, initializer_range: 0.3 });
const input = tc.fromArray(Int32Array.from([1, 5, 9, 2, 28, 0, 3]), { shape: [1, 7], device });

const logitsOf = async (model: GPT2LMHeadModel) => (await model.eval().forward(input).logits!.toArray()) as Float32Array;
const fresh = (seed = 1) => new GPT2LMHeadModel(config, { device, generator: new tc.Generator(seed) });

/** The file's entries, by name, as host bytes (to edit a checkpoint). */
function entriesOf(bytes: Uint8Array): Map<string, tc.SafetensorsTensor> {
  return new Map([...tc.parseSafetensors(bytes).entries].map(([k, e]) => [k, { dtype: e.dtype, shape: [...e.shape], bytes: e.bytes.slice() }]));
}

describe('checkpoints', () => {
  it('loads an HF config whose bos/eos id 50256 lies beyond a small vocabulary, with a warning, and applies overrides before validation', async () => {
    const files = await savePretrained(fresh());
    const hfConfig = JSON.stringify({ ...JSON.parse(files.config), bos_token_id: 50256, eos_token_id: 50256, attn_pdrop: 1.5 });
    expect(() => loadPretrained({ config: hfConfig, weights: files.weights }, { onWarning: () => {} })).toThrow(/attn_pdrop must be a probability/);
    const warnings: string[] = [];
    const loaded = loadPretrained({ config: hfConfig, weights: files.weights }, { overrides: { attn_pdrop: 0.1 }, onWarning: (m) => warnings.push(m) });
    expect(loaded.config).toMatchObject({ vocab_size: 29, bos_token_id: 50256, eos_token_id: 50256, attn_pdrop: 0.1 });
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/config\.json: eos_token_id 50256 is not below vocab_size 29; .*generation does not stop at it/);
    expect(await logitsOf(loaded)).toEqual(await logitsOf(fresh()));
  });

  for (const dtype of ['f32', 'f16', 'bf16'] as CheckpointDType[]) {
    it(`save → load gives the same logits (${dtype})`, async () => {
      const model = fresh();
      const files = await savePretrained(model, { dtype });
      const loaded = loadPretrained(files);
      const expected = await logitsOf(model);
      if (dtype === 'f32') expect(await logitsOf(loaded)).toEqual(expected);
      else {
        // Rounding to 16 bits once: close to the original, and a second round trip changes nothing.
        expect(await logitsOf(loaded), dtype).toBeAllClose(expected, { rtol: dtype === 'f16' ? 1e-2 : 5e-2, atol: dtype === 'f16' ? 1e-2 : 5e-2 });
        expect(await logitsOf(loadPretrained(await savePretrained(loaded, { dtype })))).toEqual(await logitsOf(loaded));
      }
      const names = [...tc.parseSafetensors(files.weights).entries.values()];
      expect(names.every((e) => e.dtype === { f32: 'F32', f16: 'F16', bf16: 'BF16' }[dtype])).toBe(true);
    });
  }

  it('writes what transformers expects: transformer.* names, no tied lm_head, format pt, a GPT-2 config.json', async () => {
    const files = await savePretrained(fresh(), { dtype: 'bf16' });
    const file = tc.parseSafetensors(files.weights);
    expect(file.metadata).toEqual({ format: 'pt' });
    expect([...file.entries.keys()]).not.toContain('lm_head.weight');
    expect([...file.entries.keys()].every((k) => k.startsWith('transformer.'))).toBe(true);
    expect(JSON.parse(files.config)).toMatchObject({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], torch_dtype: 'bfloat16', n_embd: 32 });
  });

  it('an untied head is saved and loaded', async () => {
    const untied = new GPT2LMHeadModel({ ...config, tie_word_embeddings: false }, { device, generator: new tc.Generator(4) });
    const files = await savePretrained(untied);
    expect([...tc.parseSafetensors(files.weights).entries.keys()]).toContain('lm_head.weight');
    expect(await logitsOf(loadPretrained(files))).toEqual(await logitsOf(untied));
  });

  it("loads HF's layout for GPT2Model files: no transformer. prefix, attn.bias/masked_bias buffers, lm_head present", async () => {
    const model = fresh(7);
    const { config: json, weights } = await savePretrained(model);
    const entries = new Map<string, tc.SafetensorsTensor>();
    for (const [k, e] of entriesOf(weights)) entries.set(k.replace(/^transformer\./, ''), e);
    for (let i = 0; i < config.n_layer; i++) {
      const t = config.n_positions;
      entries.set(`h.${i}.attn.bias`, { dtype: 'U8', shape: [1, 1, t, t], bytes: new Uint8Array(t * t).fill(1) });
      entries.set(`h.${i}.attn.masked_bias`, { dtype: 'F32', shape: [], bytes: new Uint8Array(new Float32Array([-1e4]).buffer) });
    }
    entries.set('lm_head.weight', entries.get('wte.weight')!);
    const loaded = loadPretrained({ config: json, weights: tc.serializeSafetensors(entries, { format: 'pt' }) });
    expect(await logitsOf(loaded)).toEqual(await logitsOf(model));
  });

  it('loads shards in any order and refuses a tensor in two shards', async () => {
    const model = fresh(8);
    const { config: json, weights } = await savePretrained(model);
    const all = [...entriesOf(weights)];
    const half = Math.floor(all.length / 2);
    const shards = [tc.serializeSafetensors(new Map(all.slice(half))), tc.serializeSafetensors(new Map(all.slice(0, half)))];
    expect(await logitsOf(loadPretrained({ config: json, weights: shards }))).toEqual(await logitsOf(model));
    expect(() => loadPretrained({ config: json, weights: [weights, shards[0]!] })).toThrow(/is in shard 0 and shard 1/);
  });

  it('lists every missing key, unexpected key and shape mismatch in one error', async () => {
    const { config: json, weights } = await savePretrained(fresh());
    const entries = entriesOf(weights);
    entries.delete('transformer.h.1.ln_2.bias');
    entries.set('transformer.h.1.attn.rotary.inv_freq', { dtype: 'F32', shape: [2], bytes: new Uint8Array(8) });
    const wpe = entries.get('transformer.wpe.weight')!;
    entries.set('transformer.wpe.weight', {
      dtype: 'F32',
      shape: [wpe.shape[0]! - 1, wpe.shape[1]!],
      bytes: wpe.bytes.slice(0, wpe.bytes.length - wpe.shape[1]! * 4),
    });
    let error: Error | undefined;
    try {
      loadPretrained({ config: json, weights: tc.serializeSafetensors(entries) });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(CheckpointError);
    expect(error!.message).toMatch(/3 problems/);
    expect(error!.message).toMatch(/shape mismatch: "transformer.wpe.weight" is \[11, 32\] F32, the model's transformer.wpe.weight is \[12, 32\]/);
    expect(error!.message).toMatch(/missing: transformer.h.1.ln_2.bias/);
    expect(error!.message).toMatch(/unexpected: transformer.h.1.attn.rotary.inv_freq/);
  });

  it("builds the model with init 'none': no random numbers drawn, the same logits as loading into a random model", async () => {
    const files = await savePretrained(fresh(3));
    const generator = tc.getDefaultGenerator();
    const before = generator.getState();
    const loaded = loadPretrained(files);
    expect(generator.getState()).toEqual(before);
    // The old way: a randomly initialised model, every weight then overwritten.
    const random = fresh(5);
    loadWeightsInto(random, files.weights, { rename: gpt2FileKey });
    expect(await logitsOf(loaded)).toEqual(await logitsOf(random));
    // What 'none' builds before loading: zero weights, and nothing drawn from the generator it is given.
    const unloaded = new tc.Generator(5);
    const empty = new GPT2LMHeadModel(config, { device, generator: unloaded, init: 'none' });
    expect(unloaded.getState()).toEqual({ seed: 5, offset: 0 });
    expect(Array.from(await empty.transformer.h.at(0).attn.c_attn.weight.toArray()).every((v) => v === 0)).toBe(true);
  });

  it('a checkpoint without a weight is refused, so no parameter keeps its zero allocation', async () => {
    const { config: json, weights } = await savePretrained(fresh());
    for (const name of ['transformer.wte.weight', 'transformer.wpe.weight', 'transformer.h.0.attn.c_attn.weight', 'transformer.h.1.mlp.c_proj.bias']) {
      const entries = entriesOf(weights);
      entries.delete(name);
      expect(() => loadPretrained({ config: json, weights: tc.serializeSafetensors(entries) }), name).toThrow(
        new RegExp(`1 problem loading into GPT2LMHeadModel[\\s\\S]*missing: ${name.replace(/\./g, '\\.')}$`),
      );
    }
    // An untied head is a weight of its own: the file must hold it.
    const untied = await savePretrained(new GPT2LMHeadModel({ ...config, tie_word_embeddings: false }, { device }));
    const entries = entriesOf(untied.weights);
    entries.delete('lm_head.weight');
    expect(() => loadPretrained({ config: untied.config, weights: tc.serializeSafetensors(entries) })).toThrow(/missing: lm_head\.weight/);
  });

  it('a config that does not match the weights is named as the likely cause', async () => {
    const { weights } = await savePretrained(fresh());
    expect(() => loadPretrained({ config: toHFConfigJson({ ...config, n_layer: 3 }), weights })).toThrow(/missing: transformer.h.2.ln_1.weight[\s\S]*/);
    expect(() => loadPretrained({ config: toHFConfigJson({ ...config, n_layer: 3 }), weights })).toThrow(/compare n_embd, n_layer/);
  });

  it('overrides switch the attention implementation on load', async () => {
    const files = await savePretrained(fresh());
    const flash = loadPretrained(files, { overrides: { attn_impl: 'flash' } });
    expect(flash.config.attn_impl).toBe('flash');
    expect(await logitsOf(flash), 'flash vs vanilla').toBeAllClose(await logitsOf(loadPretrained(files)), { rtol: 1e-5, atol: 1e-6 });
  });

  it('folders on disk: save, read back, and clear errors for what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpt2-ckpt-'));
    try {
      const model = fresh(9);
      await savePretrainedToDir(model, join(dir, 'out'), { dtype: 'f32' });
      expect(await logitsOf(loadPretrainedFromDir(join(dir, 'out')))).toEqual(await logitsOf(model));
      // A sharded folder with an index.
      const { weights } = readPretrainedDir(join(dir, 'out')) as { weights: Uint8Array };
      writeFileSync(join(dir, 'out', 'model-00001-of-00001.safetensors'), weights);
      rmSync(join(dir, 'out', 'model.safetensors'));
      writeFileSync(
        join(dir, 'out', 'model.safetensors.index.json'),
        JSON.stringify({ weight_map: { 'transformer.wte.weight': 'model-00001-of-00001.safetensors' } }),
      );
      expect(await logitsOf(loadPretrainedFromDir(join(dir, 'out')))).toEqual(await logitsOf(model));
      expect(() => readPretrainedDir(dir)).toThrow(/no config.json/);
      writeFileSync(join(dir, 'config.json'), readFileSync(join(dir, 'out', 'config.json')));
      writeFileSync(join(dir, 'pytorch_model.bin'), '');
      expect(() => readPretrainedDir(dir)).toThrow(/pytorch_model.bin \(a pickle[\s\S]*safe_serialization=True/);
      // Files that are not JSON are named with their path.
      writeFileSync(join(dir, 'out', 'model.safetensors.index.json'), '{"weight_map": ');
      expect(() => readPretrainedDir(join(dir, 'out'))).toThrow(`${join(dir, 'out', 'model.safetensors.index.json')} is not valid JSON`);
      writeFileSync(join(dir, 'out', 'model.safetensors'), weights);
      writeFileSync(join(dir, 'out', 'config.json'), '{"n_layer": 2,');
      expect(() => loadPretrainedFromDir(join(dir, 'out'))).toThrow(`${join(dir, 'out', 'config.json')} is not valid JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
