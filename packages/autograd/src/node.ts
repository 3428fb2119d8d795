import type { Device, DType, RngState, Shape, Storage, Tensor } from '@lightattn/tensor-core';
import { AutogradError } from './errors.js';

/**
 * What a differentiable function declares it keeps for its backward. The engine keeps exactly this
 * and nothing else: tensors are held through `share()` (so user scopes and `dispose()` cannot free
 * them) and released as soon as the function's backward has run, unless `retainGraph`.
 */
export interface SaveSpec {
  /** Positions of the function's tensor inputs to keep. */
  inputs?: readonly number[];
  /** Positions of its outputs to keep (auxiliary outputs such as layerNorm's mean/rstd included). */
  outputs?: readonly number[];
  /** Extra tensors made in the forward, by name. */
  tensors?: Readonly<Record<string, Tensor>>;
  /** Plain values (scalars, shapes, flags), by name. */
  values?: Readonly<Record<string, unknown>>;
  /** A Philox state, so the backward can regenerate random bits (dropout masks) instead of storing them. */
  rng?: RngState;
}

/** Shape, dtype and device of a tensor: metadata every node keeps for free (no tensor memory). */
export interface TensorInfo {
  readonly shape: Shape;
  readonly dtype: DType;
  readonly device: Device;
}

export function infoOf(t: Tensor): TensorInfo {
  return { shape: t.shape, dtype: t.dtype, device: t.device };
}

/**
 * The backward's view of what was saved. Reading anything that was not declared throws, so a rule
 * cannot silently depend on memory the ledger did not count.
 */
export class SavedTensors {
  private readonly inputs: ReadonlyMap<number, Tensor>;
  private readonly outputs: ReadonlyMap<number, Tensor>;
  private readonly extra: ReadonlyMap<string, Tensor>;
  private readonly values: Readonly<Record<string, unknown>>;
  private readonly rngState: RngState | undefined;
  private released = false;

  constructor(
    private readonly fn: string,
    spec: SaveSpec,
    inputs: readonly (Tensor | null)[],
    outputs: readonly Tensor[],
  ) {
    const pick = (list: readonly number[] | undefined, from: readonly (Tensor | null)[], what: string) =>
      new Map(
        (list ?? []).map((i) => {
          const t = from[i];
          if (!t) throw new AutogradError(`${fn}: declares that it saves ${what} ${i}, but there is no tensor ${what} ${i}`);
          return [i, t.share()] as const;
        }),
      );
    this.inputs = pick(spec.inputs, inputs, 'input');
    this.outputs = pick(spec.outputs, outputs, 'output');
    this.extra = new Map(Object.entries(spec.tensors ?? {}).map(([k, t]) => [k, t.share()] as const));
    this.values = Object.freeze({ ...spec.values });
    this.rngState = spec.rng ? { seed: spec.rng.seed, offset: spec.rng.offset } : undefined;
  }

  /** Every saved tensor (the shares the engine owns). */
  get tensors(): Tensor[] {
    return [...this.inputs.values(), ...this.outputs.values(), ...this.extra.values()];
  }

  get isEmpty(): boolean {
    return this.inputs.size + this.outputs.size + this.extra.size === 0;
  }

  /** The saved input at argument position `i`; throws if the forward did not save it. */
  input(i: number): Tensor {
    return this.get(this.inputs.get(i), `input ${i}`, 'inputs');
  }

  /** The saved output `i`; throws if the forward did not save it. */
  output(i: number): Tensor {
    return this.get(this.outputs.get(i), `output ${i}`, 'outputs');
  }

  /** The extra tensor saved under `name`; throws if the forward did not save it. */
  tensor(name: string): Tensor {
    return this.get(this.extra.get(name), `tensor "${name}"`, 'tensors');
  }

  /** The plain value saved under `name`; throws if the forward did not save it. */
  value<T>(name: string): T {
    if (!(name in this.values)) throw new AutogradError(`${this.fn} backward: reads value "${name}", which its forward did not declare in save({ values })`);
    return this.values[name] as T;
  }

  get rng(): RngState {
    if (!this.rngState) throw new AutogradError(`${this.fn} backward: reads the RNG state, which its forward did not declare in save({ rng })`);
    return this.rngState;
  }

  /** Frees the saved tensors; returns the storages they held so the ledger can note the release. */
  release(): Storage[] {
    if (this.released) return [];
    this.released = true;
    const all = this.tensors;
    const storages = all.map((t) => t.storage);
    for (const t of all) t.dispose();
    return storages;
  }

  private get(t: Tensor | undefined, what: string, key: string): Tensor {
    if (!t) throw new AutogradError(`${this.fn} backward: reads ${what}, which its forward did not declare in save({ ${key} })`);
    if (this.released) throw new AutogradError(`${this.fn} backward: its saved tensors were already freed`);
    return t;
  }
}

/** Where the gradient of one input goes: the node that produced it, or a leaf's `.grad`. */
export type Edge = { readonly kind: 'node'; readonly node: Node; readonly index: number } | { readonly kind: 'leaf'; readonly tensor: Tensor } | null;

/** What a backward function receives: the saved tensors, which input gradients are wanted, and input and output metadata. */
export interface BackwardContext {
  /** The function's name, for messages. */
  readonly name: string;
  readonly saved: SavedTensors;
  /** Per input position: whether a gradient is wanted (false for non-tensors and tensors that do not require grad). */
  readonly needsInputGrad: readonly boolean[];
  /** Metadata of each input (null for non-tensor arguments). */
  readonly inputs: readonly (TensorInfo | null)[];
  readonly outputs: readonly TensorInfo[];
}

/**
 * Gradients of the inputs from the gradients of the outputs. `grads[i]` is present for every
 * differentiable output (zeros when that output did not reach the loss). Return one entry per input
 * position; null/undefined where no gradient is needed. Runs without recording, inside a scope that
 * frees temporaries, with new storages tagged 'gradient'.
 */
export type BackwardFn = (ctx: BackwardContext, grads: readonly Tensor[]) => readonly (Tensor | null | undefined)[];

let nextSeq = 1;

/** One recorded call of a differentiable function. */
export class Node {
  /** Creation order; the engine runs ready nodes latest first, which frees memory soonest. */
  readonly seq = nextSeq++;
  saved: SavedTensors | null;
  /** Set once a backward without retainGraph has run through this node. */
  released = false;

  constructor(
    readonly name: string,
    readonly modulePath: string,
    readonly edges: readonly Edge[],
    readonly inputs: readonly (TensorInfo | null)[],
    readonly outputs: readonly TensorInfo[],
    readonly differentiableOutputs: ReadonlySet<number>,
    saved: SavedTensors,
    readonly backward: BackwardFn,
  ) {
    this.saved = saved;
  }

  get needsInputGrad(): boolean[] {
    return this.edges.map((e) => e !== null);
  }
}
