import type { FocusMap } from '../engine/focus-map.js';
import type { BenchResult, KernelCase } from '../engine/kernel-bench.js';
import type { MemoryMeasurement, MemorySetting } from '../engine/memory.js';
import type { TrainProgress, TrainSettings, TrainStatus } from '../engine/train-session.js';

/**
 * The messages between the pages and the demo's worker, which owns the device and every model.
 * One table: each call's arguments, result and progress events, so a handler or a page that gets
 * one wrong is a compile error.
 */

/** `auto` passes a software WebGPU adapter over for the CPU device; `webgpu` takes whatever adapter there is. */
/** `?device=` in the address: `wasm` is the WebAssembly CPU device, `cpu` the JavaScript reference device. */
export type DevicePreference = 'auto' | 'webgpu' | 'wasm' | 'cpu';

export interface DeviceSummary {
  type: 'webgpu' | 'cpu';
  /** Which device runs: WebGPU, the WebAssembly CPU device (f32 SIMD), or the JavaScript CPU reference device (float64, one thread). */
  backend: 'webgpu' | 'wasm' | 'js';
  /** Threads of a CPU device (null on WebGPU). */
  threads: number | null;
  /** Why the WebAssembly device runs on one thread when the machine has more cores (no cross-origin isolation), else null. */
  threadNote: string | null;
  name: string;
  description: string;
  /** Why the CPU device is used, when WebGPU was wanted but could not be had. */
  fallbackReason: string | null;
  /** The software WebGPU adapter that was found (passed over under `auto`, used under `webgpu`), else null. */
  softwareAdapter: string | null;
}

/** Progress of a job made of steps (memory cases, kernel cases). */
export interface StepEvent {
  done: number;
  total: number;
  /** What was just finished. */
  label: string;
}

export interface ModelInfo {
  family: 'gpt2' | 'leap';
  description: string;
  parameters: number;
  vocabSize: number;
  nPositions: number;
}

/** Which model a page acts on: the one trained on the Train page, one loaded from files, or a fresh random one. */
export type ModelSource = 'trained' | 'loaded' | 'random';

export interface GenerateSettings {
  maxNewTokens: number;
  doSample: boolean;
  temperature: number;
  topK: number | null;
  topP: number;
  seed: number;
}

export interface GenerateResult {
  text: string;
  tokens: number;
  ms: number;
  /** Why fewer tokens than asked came back (the model's position limit), else null. */
  cutShort: string | null;
}

export interface MemoryCurve {
  id: string;
  label: string;
  points: { seq: number; activations: number; attention: number }[];
}

export interface Calls {
  init: { args: { device: DevicePreference }; result: DeviceSummary; event: never };
  'memory-estimate': { args: { setting: MemorySetting }; result: MemoryMeasurement[]; event: StepEvent };
  'memory-curve': { args: { setting: Omit<MemorySetting, 'seq'>; seqs: number[] }; result: MemoryCurve[]; event: StepEvent };
  'memory-measure': { args: { setting: MemorySetting }; result: MemoryMeasurement[]; event: MemoryMeasurement };
  'train-start': { args: { settings: TrainSettings; text: string }; result: TrainProgress; event: TrainProgress };
  'train-control': { args: { action: 'pause' | 'resume' | 'stop' }; result: TrainStatus | null; event: never };
  'checkpoint-zip': { args: { source: 'trained' | 'loaded' }; result: { bytes: Uint8Array; fileName: string }; event: never };
  'load-checkpoint': { args: { files: { name: string; bytes: Uint8Array }[] }; result: ModelInfo; event: never };
  models: { args: Record<string, never>; result: { trained: ModelInfo | null; loaded: ModelInfo | null }; event: never };
  generate: { args: { source: 'trained' | 'loaded'; prompt: string; settings: GenerateSettings }; result: GenerateResult; event: { piece: string } };
  'generate-stop': { args: Record<string, never>; result: boolean; event: never };
  focus: { args: { source: ModelSource; prompt: string }; result: FocusMap & { model: ModelInfo }; event: never };
  kernels: { args: { cases: KernelCase[]; devices: ('gpu' | 'cpu')[] }; result: BenchResult[]; event: BenchResult };
}

export type CallName = keyof Calls;
export type Args<K extends CallName> = Calls[K]['args'];
export type Result<K extends CallName> = Calls[K]['result'];
export type EventOf<K extends CallName> = Calls[K]['event'];

export interface RequestMessage<K extends CallName = CallName> {
  id: number;
  call: K;
  args: Args<K>;
}

export interface SerializedError {
  name: string;
  message: string;
}

export type ResponseMessage =
  { id: number; kind: 'result'; result: unknown } | { id: number; kind: 'event'; event: unknown } | { id: number; kind: 'error'; error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}
