import type { Device, TensorRef } from './device.js';
import { allocTyped, itemsize, type DType, type TypedArrayFor } from './dtype.js';
import { DeviceError, DisposedError, LightattnError } from './errors.js';
import { creationSite, trackInScope, unwatch, watchForLeak } from './lifetime.js';
import type { MemoryTag } from './memory.js';
import { formatShape, numel, type Shape } from './shape.js';
import type { Storage } from './storage.js';

/**
 * The hook autograd attaches to tensors it computes: `tensor.backward()` calls into it, so
 * tensor-core needs no knowledge of the tape.
 */
export interface GradFn {
  readonly name: string;
  /** Runs the backward pass from `root` with its upstream gradient. */
  runBackward(root: Tensor, grad: Tensor | undefined, options: { retainGraph?: boolean }): void;
}

let nextTensorId = 1;

/**
 * An n-dimensional array on a device: contiguous, row-major, `offset` elements into a storage that
 * views share. Create tensors with `zeros`, `fromArray`, … and free them with `dispose()` or `scope()`.
 */
export class Tensor implements TensorRef {
  readonly id = nextTensorId++;
  readonly shape: Shape;
  readonly dtype: DType;
  readonly offset: number;
  /** Set by autograd: whether gradients flow to this tensor. */
  requiresGrad = false;
  /** Set by autograd after `backward()` for leaves that require grad. */
  grad: Tensor | null = null;
  /** Set by autograd on tensors computed by differentiable functions. */
  gradFn: GradFn | null = null;
  /** An optional name, shown in errors and reports. */
  name: string | undefined;
  private readonly store: Storage;
  private disposed = false;
  private readonly site: string | undefined;

  /** Low-level: wraps `storage` (taking a reference to it). Prefer the creation functions. */
  constructor(storage: Storage, shape: Shape, dtype: DType, offset = 0, options: { scoped?: boolean } = {}) {
    this.store = storage;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.offset = offset;
    this.site = creationSite();
    storage.retain();
    storage.device.memory.onTensorCreated();
    watchForLeak(this, { storage, site: this.site, shape: this.shape, dtype });
    if (options.scoped !== false) trackInScope(this);
  }

  get storage(): Storage {
    if (this.disposed)
      throw new DisposedError(
        `${this.describe()} was used after dispose()${this.site ? `; it was created at\n${this.site}` : ' (set LIGHTATTN_DEBUG=1 to see where it was created)'}`,
      );
    return this.store;
  }

  get device(): Device {
    return this.store.device;
  }

  get rank(): number {
    return this.shape.length;
  }

  get numel(): number {
    return numel(this.shape);
  }

  /** Bytes of this tensor's elements (a view's share, not its whole storage). */
  get nbytes(): number {
    return this.numel * itemsize(this.dtype);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get memoryTag(): MemoryTag {
    return this.store.tag;
  }

  /** Re-tags the storage for memory snapshots (e.g. `parameter`, `optimizer`). */
  setMemoryTag(tag: MemoryTag): this {
    this.storage.tag = tag;
    return this;
  }

  /** Frees this tensor's reference to its storage; the memory goes when the last view is disposed. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    unwatch(this);
    this.store.device.memory.onTensorReleased();
    this.store.release();
    if (this.grad) {
      this.grad.dispose();
      this.grad = null;
    }
    this.gradFn = null;
  }

  /**
   * Another tensor object over the same storage, shape and offset, outside every scope: the caller
   * owns it. Autograd uses this to keep what a function saves alive independently of user scopes.
   */
  share(): Tensor {
    return new Tensor(this.storage, this.shape, this.dtype, this.offset, { scoped: false });
  }

  /** A view with a new shape over the same elements (no copy). */
  view(shape: Shape, offset = this.offset): Tensor {
    return new Tensor(this.storage, shape, this.dtype, offset);
  }

  /** Copies the elements to the host after all queued work. */
  async toArray(): Promise<TypedArrayFor<DType>> {
    const s = this.storage;
    if (!s.device.holdsData)
      throw new DeviceError(
        `${this.describe()} is on the ${s.device.name} device, which holds no data; run the program on a cpu or webgpu device to read values`,
      );
    const size = itemsize(this.dtype);
    const bytes = await s.device.readBuffer(s.buffer, this.offset * size, this.nbytes);
    return this.fromBytes(bytes);
  }

  /** Synchronous read, on devices that allow it (the CPU device). */
  toArraySync(): TypedArrayFor<DType> {
    const s = this.storage;
    if (!s.device.readBufferSync) {
      throw new DeviceError(`${this.describe()} is on ${s.device.name}, which cannot be read synchronously; use await tensor.toArray()`);
    }
    const size = itemsize(this.dtype);
    return this.fromBytes(s.device.readBufferSync(s.buffer, this.offset * size, this.nbytes));
  }

  /** The single element of a one-element tensor, as a number. */
  async item(): Promise<number> {
    if (this.numel !== 1) throw new LightattnError(`item(): ${this.describe()} has ${this.numel} elements, not 1`);
    return (await this.toArray())[0]!;
  }

  /** Nested JavaScript arrays, for printing and tests. */
  async toNested(): Promise<unknown> {
    return nest(Array.from(await this.toArray()), this.shape);
  }

  /** Runs autograd's backward pass from this tensor (see @lightattn/autograd). */
  backward(grad?: Tensor, options: { retainGraph?: boolean } = {}): void {
    if (!this.gradFn) {
      throw new LightattnError(
        `backward(): ${this.describe()} was not computed by differentiable functions from tensors with requiresGrad; use @lightattn/autograd ops and mark leaves with requiresGrad`,
      );
    }
    this.gradFn.runBackward(this, grad, options);
  }

  /** A short description for messages: name or id, shape, dtype and device. */
  describe(): string {
    return `tensor${this.name ? ` "${this.name}"` : ` #${this.id}`} ${formatShape(this.shape)} ${this.dtype} on ${this.store.device.name}`;
  }

  toString(): string {
    return `Tensor(${formatShape(this.shape)}, ${this.dtype}, ${this.store.device.name}${this.disposed ? ', disposed' : ''})`;
  }

  private fromBytes(bytes: Uint8Array): TypedArrayFor<DType> {
    // Copy into a fresh, aligned buffer so the result never aliases device memory.
    const out = allocTyped(this.dtype, this.numel);
    new Uint8Array(out.buffer).set(bytes.subarray(0, this.nbytes));
    return out;
  }
}

function nest(flat: number[], shape: Shape): unknown {
  if (shape.length === 0) return flat[0];
  const [d, ...rest] = shape;
  const size = numel(rest);
  return Array.from({ length: d! }, (_, i) => nest(flat.slice(i * size, (i + 1) * size), rest));
}
