import { describe, expect, it } from 'vitest';
import { BUILTIN_TEXT } from '../engine/corpus.js';
import { DEFAULT_TRAIN_SETTINGS } from '../engine/train-session.js';
import { dispatch, HANDLERS, WorkerState } from './handlers.js';
import type { Args, CallName, EventOf, GenerateSettings } from './protocol.js';

/** The worker's calls, run in Node on the CPU device as the browser runs them in the worker. */
async function call<K extends CallName>(state: WorkerState, name: K, args: Args<K>, events: EventOf<K>[] = []) {
  return dispatch(state, name, args, (e) => events.push(e));
}

const greedy: GenerateSettings = { maxNewTokens: 20, doSample: false, temperature: 1, topK: null, topP: 1, seed: 0 };

describe('worker calls', () => {
  it('has a handler for every call of the protocol', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(
      [
        'checkpoint-zip',
        'focus',
        'generate',
        'generate-stop',
        'init',
        'kernels',
        'load-checkpoint',
        'memory-curve',
        'memory-estimate',
        'memory-measure',
        'models',
        'train-control',
        'train-start',
      ].sort(),
    );
  });

  it('?device=wasm gives the WebAssembly device on every core and trains on it; ?device=cpu the JavaScript device', async () => {
    const state = new WorkerState();
    const device = await call(state, 'init', { device: 'wasm' });
    const { availableParallelism } = await import('node:os');
    expect(device).toMatchObject({
      type: 'cpu',
      backend: 'wasm',
      threads: availableParallelism(),
      threadNote: null,
      fallbackReason: expect.stringMatching(/\?device=wasm/),
    });
    expect(device.description).toMatch(/^WebAssembly SIMD \(f32x4/);
    const final = await call(state, 'train-start', { settings: { ...DEFAULT_TRAIN_SETTINGS, steps: 4 }, text: BUILTIN_TEXT });
    expect(final).toMatchObject({ status: 'finished', step: 4 });
    const reference = await call(new WorkerState(), 'init', { device: 'cpu' });
    expect(reference).toMatchObject({ type: 'cpu', backend: 'js', threads: 1, description: 'JavaScript CPU device (float64, one thread)' });
  });

  it('trains, streams text, exports and reloads the checkpoint with the same greedy text', async () => {
    const state = new WorkerState();
    const device = await call(state, 'init', { device: 'cpu' });
    expect(device).toMatchObject({ type: 'cpu', fallbackReason: expect.stringMatching(/\?device=cpu/) });
    expect(await call(state, 'models', {})).toEqual({ trained: null, loaded: null });
    await expect(call(state, 'generate', { source: 'trained', prompt: 'a', settings: greedy })).rejects.toThrow(/no model has been trained yet/);

    const progress: EventOf<'train-start'>[] = [];
    const final = await call(state, 'train-start', { settings: { ...DEFAULT_TRAIN_SETTINGS, steps: 8 }, text: BUILTIN_TEXT }, progress);
    expect(final.status).toBe('finished');
    expect(progress).toHaveLength(8);
    expect((await call(state, 'models', {})).trained).toMatchObject({ family: 'gpt2', description: 'GPT-2 gpt2-tiny, flash attention', nPositions: 256 });

    const pieces: EventOf<'generate'>[] = [];
    const trained = await call(state, 'generate', { source: 'trained', prompt: 'The ', settings: greedy }, pieces);
    expect(trained.tokens).toBe(20);
    expect(pieces.map((p) => p.piece).join('')).toBe(trained.text);
    expect(pieces).toHaveLength(20);
    expect(trained.cutShort).toBeNull();
    // 256 positions, a 250-token prompt: 6 new tokens fit, and the result says so when more are asked for.
    const long = await call(state, 'generate', { source: 'trained', prompt: BUILTIN_TEXT.slice(0, 250), settings: { ...greedy, maxNewTokens: 400 } });
    expect(long.tokens).toBe(6);
    expect(long.cutShort).toMatch(/the model has 256 positions and the prompt takes 250, so at most 6 new tokens fit \(400 were asked for\)/);
    await expect(call(state, 'generate', { source: 'trained', prompt: BUILTIN_TEXT.slice(0, 256), settings: greedy })).rejects.toThrow(
      /the prompt is 256 tokens and the model has 256 positions, so there is no room for new tokens; shorten the prompt/,
    );

    const zip = await call(state, 'checkpoint-zip', { source: 'trained' });
    expect(zip.fileName).toBe('lightattn-gpt2-trained.zip');
    const info = await call(state, 'load-checkpoint', { files: [{ name: zip.fileName, bytes: zip.bytes }] });
    expect(info).toMatchObject({ family: 'gpt2', vocabSize: (await call(state, 'models', {})).trained!.vocabSize });
    expect((await call(state, 'generate', { source: 'loaded', prompt: 'The ', settings: greedy })).text).toBe(trained.text);

    await expect(call(state, 'generate', { source: 'trained', prompt: '', settings: greedy })).rejects.toThrow(/the prompt is empty/);
    await expect(call(state, 'generate', { source: 'trained', prompt: 'The§', settings: greedy })).rejects.toThrow(
      /the prompt has a character the model never saw in its training text \("§"\)/,
    );
    await expect(call(state, 'focus', { source: 'trained', prompt: 'The' })).rejects.toThrow(
      /LEAP explained needs a LEAP model, and the trained model is GPT-2/,
    );
  });

  it('stops a generation early and refuses a second concurrent training run', async () => {
    const state = new WorkerState();
    await call(state, 'init', { device: 'cpu' });
    const running = call(state, 'train-start', { settings: { ...DEFAULT_TRAIN_SETTINGS, steps: 100_000 }, text: BUILTIN_TEXT });
    await new Promise((r) => setTimeout(r, 50));
    await expect(call(state, 'train-start', { settings: DEFAULT_TRAIN_SETTINGS, text: BUILTIN_TEXT })).rejects.toThrow(/already going/);
    expect(await call(state, 'train-control', { action: 'stop' })).toBe('stopped');
    expect((await running).status).toBe('stopped');

    let count = 0;
    const result = await dispatch(state, 'generate', { source: 'trained', prompt: 'A', settings: { ...greedy, maxNewTokens: 200 } }, () => {
      if (++count === 3) void dispatch(state, 'generate-stop', {}, () => undefined);
    });
    expect(result.tokens).toBeLessThan(10);
  });

  it('explains a random LEAP model and measures memory and kernels', async () => {
    const state = new WorkerState();
    await call(state, 'init', { device: 'cpu' });
    const map = await call(state, 'focus', { source: 'random', prompt: 'Hello, LEAP!' });
    expect(map.tokens.join('')).toBe('Hello, LEAP!');
    expect(map.layers).toHaveLength(3);
    expect(map.model.description).toMatch(/random weights/);

    const setting = { size: 'gpt2-tiny' as const, batch: 1, seq: 8, dropout: 0, maxChunkSizeMb: 1, vocabSize: 32 };
    const predicted = await call(state, 'memory-estimate', { setting });
    const measured: EventOf<'memory-measure'>[] = [];
    await call(state, 'memory-measure', { setting }, measured);
    expect(measured.map((m) => m.peak)).toEqual(predicted.map((m) => m.peak));
    const curves = await call(state, 'memory-curve', { setting, seqs: [8, 16] });
    expect(curves.map((c) => c.points.length)).toEqual([2, 2, 2, 2, 2, 2]);
    await expect(call(state, 'memory-estimate', { setting: { ...setting, batch: 0 } })).rejects.toThrow(/batch must be an integer in \[1, 1024\], got 0/);

    const results = await call(state, 'kernels', { cases: [{ op: 'matmul', n: 8 }], devices: ['cpu'] });
    expect(results).toHaveLength(1);
    await expect(call(state, 'kernels', { cases: [{ op: 'matmul', n: 8 }], devices: ['gpu'] })).rejects.toThrow(/no WebGPU device to measure/);
  });

  it('needs init before device work, and names an unknown call', async () => {
    const state = new WorkerState();
    await expect(call(state, 'focus', { source: 'random', prompt: 'x' })).rejects.toThrow(/call init first/);
    await expect(dispatch(state, 'nope' as CallName, {} as never, () => undefined)).rejects.toThrow(/no call named "nope"/);
  });
});
