import { CharTokenizer, LeapForCausalLM, streamText, type DecodingModel, type Tokenizer } from '@lightattn/gpt2-model';
import { createMetaDevice, LightattnError, type Device } from '@lightattn/tensor-core';
import { acquireDevice, wasmCpu } from '../engine/acquire-device.js';
import { checkpointFiles, collectCheckpointFiles, loadCheckpoint, zipCheckpoint } from '../engine/checkpoint-files.js';
import { DeviceLock, nextTask } from '../engine/device-lock.js';
import { focusMap } from '../engine/focus-map.js';
import { benchCase } from '../engine/kernel-bench.js';
import { labelOf, MEMORY_CASES, measureCase, memoryCurve, type MemorySetting } from '../engine/memory.js';
import { buildModel, describeSpec, type DemoModel } from '../engine/model-spec.js';
import { TrainSession } from '../engine/train-session.js';
import type { Args, CallName, DeviceSummary, EventOf, ModelInfo, Result } from './protocol.js';

interface Held {
  model: DemoModel;
  tokenizer: Tokenizer;
  description: string;
}

/** Everything the worker holds: one device, its lock, and the models of the pages. */
export class WorkerState {
  device: Device | null = null;
  summary: DeviceSummary | null = null;
  readonly lock = new DeviceLock();
  session: TrainSession | null = null;
  loaded: Held | null = null;
  random: Held | null = null;
  cpu: Device | null = null;
  stopGeneration = false;

  need(): Device {
    if (!this.device) throw new LightattnError('the worker has no device yet; the page must call init first');
    return this.device;
  }
}

type Handler<K extends CallName> = (state: WorkerState, args: Args<K>, emit: (event: EventOf<K>) => void) => Promise<Result<K>>;
export type HandlerTable = { [K in CallName]: Handler<K> };

function infoOf(model: DemoModel, description: string): ModelInfo {
  return {
    family: model instanceof LeapForCausalLM ? 'leap' : 'gpt2',
    description,
    parameters: model.numParameters(),
    vocabSize: model.config.vocab_size,
    nPositions: model.config.n_positions,
  };
}

function heldModel(state: WorkerState, source: 'trained' | 'loaded'): Held {
  if (source === 'trained') {
    const s = state.session;
    if (!s) throw new LightattnError('no model has been trained yet: start a run on the Train page, or load a checkpoint');
    return { model: s.model, tokenizer: s.tokenizer, description: describeSpec(s.spec) };
  }
  if (!state.loaded) throw new LightattnError('no checkpoint is loaded: pick a checkpoint zip (or its config.json and model.safetensors) first');
  return state.loaded;
}

function checkMemorySetting(s: MemorySetting): void {
  for (const [name, v, max] of [
    ['batch', s.batch, 1024],
    ['seq', s.seq, 65536],
  ] as const) {
    if (!(Number.isSafeInteger(v) && v >= 1 && v <= max)) throw new LightattnError(`memory: ${name} must be an integer in [1, ${max}], got ${v}`);
  }
  if (!(s.dropout >= 0 && s.dropout < 1)) throw new LightattnError(`memory: dropout must be in [0, 1), got ${s.dropout}`);
  if (!(s.maxChunkSizeMb > 0)) throw new LightattnError(`memory: the chunk cap must be a positive number of MB, got ${s.maxChunkSizeMb}`);
}

/**
 * The prompt's token ids, or an error that says which characters the model cannot read: a
 * character-level model knows only the characters of its training text.
 */
function encodePrompt(held: Held, prompt: string): number[] {
  try {
    return held.tokenizer.encode(prompt);
  } catch (e) {
    if (!(held.tokenizer instanceof CharTokenizer)) throw e;
    const known = new Set(held.tokenizer.chars);
    const unknown = [...new Set([...prompt].filter((c) => !known.has(c)))];
    const shown = unknown
      .slice(0, 8)
      .map((c) => JSON.stringify(c))
      .join(', ');
    throw new LightattnError(
      `generate: the prompt has ${unknown.length === 1 ? 'a character' : `${unknown.length} characters`} the model never saw in its training text (${shown}${unknown.length > 8 ? ', …' : ''}); use only characters of that text, or train on a text that has them`,
    );
  }
}

/** A random LEAP model for the explainer before any LEAP model is trained (printable ASCII vocabulary). */
function randomLeap(device: Device): Held {
  const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).concat('\n');
  const tokenizer = new CharTokenizer(chars);
  const spec = { family: 'leap' as const, size: 'gpt2-nano' as const, vocabSize: tokenizer.vocabSize, nPositions: 256, leapVariant: 'seed' as const };
  return { model: buildModel(spec, device, 7), tokenizer, description: `${describeSpec(spec)}, random weights` };
}

export const HANDLERS: HandlerTable = {
  async init(state, { device }) {
    if (state.summary) return state.summary;
    const acquired = await acquireDevice(device);
    state.device = acquired.device;
    state.summary = acquired.summary;
    return acquired.summary;
  },

  async 'memory-estimate'(state, { setting }, emit) {
    checkMemorySetting(setting);
    const meta = createMetaDevice();
    return state.lock.run(async () => {
      const rows = [];
      for (const c of MEMORY_CASES) {
        rows.push(await measureCase(c, setting, meta, { backward: true }));
        emit({ done: rows.length, total: MEMORY_CASES.length, label: labelOf(c, setting) });
        await nextTask(); // lets the page's messages in, and the progress out
      }
      return rows;
    });
  },

  async 'memory-curve'(state, { setting, seqs }, emit) {
    checkMemorySetting({ ...setting, seq: Math.max(...seqs) });
    const total = MEMORY_CASES.length * seqs.length;
    let done = 0;
    return state.lock.run(() =>
      memoryCurve(MEMORY_CASES, setting, seqs, createMetaDevice(), async (c, seq) => {
        emit({ done: ++done, total, label: `${labelOf(c, setting)} at T ${seq}` });
        await nextTask();
      }),
    );
  },

  async 'memory-measure'(state, { setting }, emit) {
    checkMemorySetting(setting);
    const device = state.need();
    return state.lock.run(async () => {
      const rows = [];
      try {
        for (const c of MEMORY_CASES) {
          device.emptyCache(); // so the pool's growth is this step's alone
          const row = await measureCase(c, setting, device, { backward: true });
          rows.push(row);
          emit(row);
        }
      } finally {
        device.emptyCache();
      }
      return rows;
    });
  },

  async 'train-start'(state, { settings, text }, emit) {
    const device = state.need();
    const previous = state.session;
    if (previous && (previous.status === 'running' || previous.status === 'paused')) {
      throw new LightattnError('a training run is already going: stop it before starting another');
    }
    const session = await state.lock.run(() => {
      previous?.dispose();
      state.session = null;
      return new TrainSession(device, text, settings);
    });
    state.session = session;
    return session.run(emit, state.lock);
  },

  async 'train-control'(state, { action }) {
    const s = state.session;
    if (!s) return null;
    if (action === 'pause') s.pause();
    else if (action === 'resume') s.resume();
    else s.stop();
    return s.status;
  },

  async 'checkpoint-zip'(state, { source }) {
    const held = heldModel(state, source);
    const files = await state.lock.run(() => checkpointFiles(held.model, held.tokenizer, held.description));
    const folder = `lightattn-${held.model instanceof LeapForCausalLM ? 'leap' : 'gpt2'}-${source}`;
    return { bytes: zipCheckpoint(files, folder), fileName: `${folder}.zip` };
  },

  async 'load-checkpoint'(state, { files }) {
    const device = state.need();
    const loaded = await state.lock.run(() => loadCheckpoint(collectCheckpointFiles(files), device));
    state.loaded?.model.dispose();
    const description = `${loaded.family === 'leap' ? 'LEAP' : 'GPT-2'} checkpoint (${files.map((f) => f.name).join(', ')})`;
    state.loaded = { model: loaded.model, tokenizer: loaded.tokenizer, description };
    return infoOf(loaded.model, description);
  },

  async models(state) {
    const s = state.session;
    return {
      trained: s ? infoOf(s.model, describeSpec(s.spec)) : null,
      loaded: state.loaded ? infoOf(state.loaded.model, state.loaded.description) : null,
    };
  },

  async generate(state, { source, prompt, settings }, emit) {
    const held = heldModel(state, source);
    if (!prompt.length) throw new LightattnError('generate: the prompt is empty; type a few characters to continue');
    const promptTokens = encodePrompt(held, prompt).length;
    const positions = held.model.config.n_positions;
    if (promptTokens >= positions) {
      throw new LightattnError(
        `generate: the prompt is ${promptTokens} tokens and the model has ${positions} positions, so there is no room for new tokens; shorten the prompt`,
      );
    }
    const room = positions - promptTokens;
    const cutShort =
      settings.maxNewTokens > room
        ? `the model has ${positions} positions and the prompt takes ${promptTokens}, so at most ${room} new tokens fit (${settings.maxNewTokens} were asked for)`
        : null;
    return state.lock.run(async () => {
      state.stopGeneration = false;
      const start = performance.now();
      let text = '';
      let tokens = 0;
      const options = {
        maxNewTokens: settings.maxNewTokens,
        doSample: settings.doSample,
        temperature: settings.temperature,
        topK: settings.topK ?? undefined,
        topP: settings.topP,
        seed: settings.seed,
      };
      for await (const piece of streamText(held.model as DecodingModel, held.tokenizer, prompt, options)) {
        text += piece;
        tokens++;
        emit({ piece });
        await nextTask(); // lets a generate-stop message in
        if (state.stopGeneration) break;
      }
      return { text, tokens, ms: performance.now() - start, cutShort: state.stopGeneration ? null : cutShort };
    });
  },

  async 'generate-stop'(state) {
    state.stopGeneration = true;
    return true;
  },

  async focus(state, { source, prompt }) {
    const device = state.need();
    let held: Held;
    if (source === 'random') held = state.random ??= randomLeap(device);
    else held = heldModel(state, source);
    const model = held.model;
    if (!(model instanceof LeapForCausalLM)) {
      throw new LightattnError(
        `LEAP explained needs a LEAP model, and the ${source} model is GPT-2 (${held.description}); train a LEAP model on the Train page, load a LEAP checkpoint, or use random weights`,
      );
    }
    const map = await state.lock.run(() => focusMap(model, held.tokenizer, prompt));
    return { ...map, model: infoOf(model, held.description) };
  },

  async kernels(state, { cases, devices }, emit) {
    const device = state.need();
    const targets: Device[] = [];
    for (const d of devices) {
      // The CPU side is the CPU device the site runs on (the WebAssembly device unless ?device=cpu
      // asked for the JavaScript one); beside a GPU, the WebAssembly device, started on first use.
      if (d === 'cpu') targets.push(device.type === 'cpu' ? device : (state.cpu ??= (await wasmCpu(null)).device));
      else if (device.type === 'webgpu') targets.push(device);
      else throw new LightattnError('kernels: there is no WebGPU device to measure (this page runs on the CPU fallback); measure the CPU device only');
    }
    return state.lock.run(async () => {
      const results = [];
      for (const c of cases) {
        for (const target of targets) {
          const r = await benchCase(target, c, { budgetMs: target.type === 'cpu' ? 500 : 1000 });
          results.push(r);
          emit(r);
        }
      }
      return results;
    });
  },
};

/** Runs one call with its handler (the worker's message loop and the tests both use this). */
export function dispatch<K extends CallName>(state: WorkerState, call: K, args: Args<K>, emit: (event: EventOf<K>) => void): Promise<Result<K>> {
  const handler = HANDLERS[call] as Handler<K> | undefined;
  if (!handler) return Promise.reject(new LightattnError(`the worker has no call named "${String(call)}"`));
  return handler(state, args, emit);
}
