import { noGrad } from '@lightattn/autograd';
import { CharTokenizer, GPT2Tokenizer } from '@lightattn/gpt2-model';
import * as tc from '@lightattn/tensor-core';
import { createCpuDevice, type Device } from '@lightattn/tensor-core';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TOKENIZER_FILE, checkpointFiles, collectCheckpointFiles, loadCheckpoint, unzipCheckpoint, zipCheckpoint } from './checkpoint-files.js';
import { buildModel, type DemoModel, type ModelSpec } from './model-spec.js';

const tokenizer = CharTokenizer.fromText('hello world.\n');
const cpu = createCpuDevice();

async function logits(model: DemoModel, device: Device): Promise<Float32Array> {
  model.eval();
  const ids = tc.fromArray(Int32Array.from(tokenizer.encode('hello.')), { shape: [1, 6], dtype: 'i32', device });
  const out = noGrad(() => model.forward(ids).logits!);
  const values = (await out.toArray()) as Float32Array;
  out.dispose();
  ids.dispose();
  return values;
}

describe('checkpoint folders', () => {
  for (const spec of [
    { family: 'gpt2', size: 'gpt2-tiny', vocabSize: tokenizer.vocabSize, nPositions: 64, attnImpl: 'flash' },
    { family: 'leap', size: 'gpt2-tiny', vocabSize: tokenizer.vocabSize, nPositions: 64, leapVariant: 'v2' },
  ] satisfies ModelSpec[]) {
    it(`round-trips a ${spec.family} model through the zip: same logits, same tokenizer`, async () => {
      const model = buildModel(spec, cpu, 5);
      const files = await checkpointFiles(model, tokenizer, 'test model');
      expect(Object.keys(files).sort()).toEqual(['README.md', 'config.json', 'model.safetensors', 'tokenizer.json']);
      expect(JSON.parse(strFromU8(files['tokenizer.json']!))).toEqual({ type: 'char', chars: tokenizer.chars, eos: false });
      const zip = zipCheckpoint(files, 'folder');
      const loaded = loadCheckpoint(collectCheckpointFiles([{ name: 'model.zip', bytes: zip }]), cpu);
      expect(loaded.family).toBe(spec.family);
      expect((loaded.tokenizer as CharTokenizer).chars).toEqual(tokenizer.chars);
      expect(Array.from(await logits(loaded.model, cpu))).toEqual(Array.from(await logits(model, cpu)));
      if (spec.family === 'gpt2')
        expect(JSON.parse(strFromU8(files['config.json']!))).toMatchObject({ model_type: 'gpt2', attn_impl: 'flash', vocab_size: tokenizer.vocabSize });
      model.dispose();
      loaded.model.dispose();
    });
  }

  it('loads the folder files picked one by one (no zip), and GPT-2 BPE for a 50257-token vocabulary', async () => {
    const model = buildModel({ family: 'gpt2', size: 'gpt2-tiny', vocabSize: 50257, nPositions: 16 }, cpu);
    const files = await checkpointFiles(model, new GPT2Tokenizer(), 'bpe');
    expect(strFromU8(files['tokenizer.json']!)).toBe('{"type":"gpt2"}');
    // The trainer CLI's step folders also hold optimizer.safetensors and trainer_state.json: not weights.
    const picked = Object.entries({ ...files, 'optimizer.safetensors': strToU8('not weights'), 'trainer_state.json': strToU8('{}') }).map(([name, bytes]) => ({
      name: `folder/${name}`,
      bytes,
    }));
    const loaded = loadCheckpoint(collectCheckpointFiles(picked), cpu);
    expect(loaded.tokenizer).toBeInstanceOf(GPT2Tokenizer);
    // A Hugging Face folder: its tokenizer.json is the tokenizers library's format, or absent.
    const { 'tokenizer.json': _, ...hf } = files;
    const hfTokenizer: Record<string, Uint8Array> = { 'tokenizer.json': strToU8('{"version": "1.0", "model": {"type": "BPE"}}') };
    for (const extra of [{}, hfTokenizer]) {
      const again = loadCheckpoint({ ...hf, ...extra }, cpu);
      expect(again.tokenizer).toBeInstanceOf(GPT2Tokenizer);
      again.model.dispose();
    }
    model.dispose();
    loaded.model.dispose();
  });

  it('unzips a folder zip, skipping directories and macOS metadata', () => {
    const zip = zipSync({ 'a/': new Uint8Array(), 'a/config.json': strToU8('{}'), '__MACOSX/a/._config.json': strToU8('x') });
    expect(Object.keys(unzipCheckpoint(zip))).toEqual(['config.json']);
  });

  it('says what is wrong with a checkpoint that cannot load', async () => {
    const model = buildModel({ family: 'gpt2', size: 'gpt2-tiny', vocabSize: tokenizer.vocabSize, nPositions: 64 }, cpu);
    const files = await checkpointFiles(model, tokenizer, 'x');
    const without = (name: string) => Object.fromEntries(Object.entries(files).filter(([n]) => n !== name));
    expect(() => loadCheckpoint(without('config.json'), cpu)).toThrow(/no config.json among the files \(README.md, model.safetensors, tokenizer.json\)/);
    expect(() => loadCheckpoint({ ...without('model.safetensors'), 'pytorch_model.bin': new Uint8Array(4) }, cpu)).toThrow(
      /PyTorch .bin files cannot be read in the browser/,
    );
    expect(() => loadCheckpoint({ ...files, 'config.json': strToU8('{"model_type": "bert"}') }, cpu)).toThrow(/model_type "bert"; the demo loads GPT-2/);
    expect(() => loadCheckpoint({ ...files, 'config.json': strToU8('{oops') }, cpu)).toThrow(/config.json is not valid JSON/);
    expect(() => loadCheckpoint(without(TOKENIZER_FILE), cpu)).toThrow(/vocab_size 10 and there is no tokenizer.json/);
    expect(() => loadCheckpoint({ ...files, [TOKENIZER_FILE]: strToU8('{"type": "gpt2"}') }, cpu)).toThrow(
      /vocab_size 10 and tokenizer.json holds no character vocabulary/,
    );
    expect(() => loadCheckpoint({ ...files, [TOKENIZER_FILE]: strToU8('{') }, cpu)).toThrow(/tokenizer.json is not valid JSON/);
    const other = CharTokenizer.fromText('ab');
    expect(() => loadCheckpoint({ ...files, [TOKENIZER_FILE]: strToU8(JSON.stringify(other.toJSON())) }, cpu)).toThrow(
      /has 2 tokens but the model's vocab_size is 10/,
    );
    expect(() => unzipCheckpoint(strToU8('not a zip'))).toThrow(/not a readable zip archive/);
    expect(() => unzipCheckpoint(zipSync({ 'a/config.json': strToU8('{}'), 'b/config.json': strToU8('{}') }))).toThrow(/two files named config.json/);
    model.dispose();
    expect(cpu.memory.allocated, 'failed loads free their models').toBe(0);
  });
});
