import * as tc from '@lightattn/tensor-core';
import { formatShape, itemsize, LightattnError, shapesEqual, type Tensor } from '@lightattn/tensor-core';
import { noGrad } from '../grad-mode.js';
import { moduleScope } from '../module-scope.js';

/** Keys that did not line up in `loadStateDict`. */
export interface LoadStateDictResult {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/** Tensors by dotted name, as `stateDict()` returns and `loadStateDict()` takes. */
export type StateDict = Record<string, Tensor>;

/** A state dict that does not fit a module (strict mode, or any shape mismatch). */
export class StateDictError extends LightattnError {
  override name = 'StateDictError';
}

/**
 * A layer or model: named parameters, buffers and submodules, registered in order (which is the
 * order of `stateDict()`), with PyTorch-style dotted names (`transformer.h.0.attn.c_attn.weight`).
 *
 * Subclasses register what they own in their constructor and define `forward` as a method; calling
 * it pushes the module's dotted path for the saved-bytes ledger.
 *
 *   class Mlp extends Module {
 *     fc = this.module('fc', new Linear(4, 8));
 *     proj = this.module('proj', new Linear(8, 1));
 *     override forward(x: Tensor) { return this.proj.forward(gelu(this.fc.forward(x))); }
 *   }
 */
export class Module {
  /** Training mode (dropout on). Set with train()/eval(). */
  training = true;
  #path = '';
  readonly #params = new Map<string, Tensor>();
  readonly #buffers = new Map<string, { tensor: Tensor; persistent: boolean }>();
  readonly #children = new Map<string, Module>();

  constructor() {
    // Wrap the subclass's forward so every call runs under this module's path (read at call time,
    // so registering the module later, deeper in a tree, is seen).
    const forward = this.forward as (...args: unknown[]) => unknown;
    Object.defineProperty(this, 'forward', {
      value: (...args: unknown[]) => moduleScope(this.#path, () => forward.apply(this, args)),
      writable: true,
      configurable: true,
    });
  }

  /** This module's dotted name from the root of its tree ('' for the root). */
  get path(): string {
    return this.#path;
  }

  /** The module's computation; subclasses override it (the base class throws). */
  forward(..._args: unknown[]): unknown {
    throw new LightattnError(`${this.constructor.name}${this.#path ? ` (${this.#path})` : ''} has no forward(); call its submodules instead`);
  }

  /** Registers a parameter: an f32 leaf that requires grad, tagged 'parameter' for the memory accountant. */
  protected param(name: string, tensor: Tensor): Tensor {
    this.#checkName(name);
    this.#params.set(name, asParameter(tensor));
    return tensor;
  }

  /** Registers a buffer (state that is not trained: masks, running statistics); persistent ones are in stateDict(). */
  protected buffer(name: string, tensor: Tensor, options: { persistent?: boolean } = {}): Tensor {
    this.#checkName(name);
    this.#buffers.set(name, { tensor, persistent: options.persistent ?? true });
    return tensor;
  }

  /** Registers a submodule under `name`; its path (and its descendants') becomes this path + name. */
  protected module<M extends Module>(name: string, child: M): M {
    this.#checkName(name);
    this.#children.set(name, child);
    child.#setPath(this.#childPath(name));
    return child;
  }

  /**
   * Replaces parameter `name` with `tensor` — weight tying: `lmHead.setParameter('weight', wte.weight)`.
   * The own property holding the old parameter (same name) is updated too. The old tensor is not
   * disposed (it may be in use elsewhere).
   */
  setParameter(name: string, tensor: Tensor): void {
    const old = this.#params.get(name);
    if (!old) throw new StateDictError(`${this.#describe()} has no parameter "${name}" (it has ${[...this.#params.keys()].join(', ') || 'none'})`);
    if (!shapesEqual(old.shape, tensor.shape))
      throw new StateDictError(`setParameter: ${this.#describe()}.${name} is ${formatShape(old.shape)} but the new tensor is ${formatShape(tensor.shape)}`);
    this.#params.set(name, asParameter(tensor));
    const self = this as unknown as Record<string, unknown>;
    if (self[name] === old) self[name] = tensor;
  }

  /** Parameters with their dotted names; a parameter shared by several modules is listed once (first name). */
  namedParameters(): [string, Tensor][] {
    const seen = new Set<Tensor>();
    const out: [string, Tensor][] = [];
    for (const [prefix, m] of this.namedModules()) {
      for (const [name, p] of m.#params) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push([join(prefix, name), p]);
      }
    }
    return out;
  }

  /** Every parameter of this module and its descendants, each once, in registration order. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Every buffer of this module and its descendants, with dotted names. */
  namedBuffers(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [prefix, m] of this.namedModules()) for (const [name, b] of m.#buffers) out.push([join(prefix, name), b.tensor]);
    return out;
  }

  /** This module ('') and every descendant, depth first in registration order, each once, with names relative to this module. */
  namedModules(): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    const stack: [string, Module][] = [['', this]];
    while (stack.length) {
      const [name, m] = stack.pop()!;
      if (seen.has(m)) continue;
      seen.add(m);
      out.push([name, m]);
      const kids = [...m.#children].map(([k, c]) => [join(name, k), c] as [string, Module]);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  }

  /** Direct submodules in registration order. */
  namedChildren(): [string, Module][] {
    return [...this.#children];
  }

  /** Total number of parameter elements (shared parameters counted once). */
  numParameters(): number {
    return this.parameters().reduce((n, p) => n + p.numel, 0);
  }

  /**
   * Parameters and persistent buffers by dotted name, as PyTorch's state_dict: a tied parameter
   * appears under every name that holds it. The tensors themselves, not copies.
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    const walk = (m: Module, prefix: string) => {
      for (const [name, p] of m.#params) out[join(prefix, name)] = p;
      for (const [name, b] of m.#buffers) if (b.persistent) out[join(prefix, name)] = b.tensor;
      for (const [name, c] of m.#children) walk(c, join(prefix, name));
    };
    walk(this, '');
    return out;
  }

  /**
   * Copies values from `state` into this module's parameters and persistent buffers, in place (tied
   * parameters and optimizers keep working). Shape and dtype mismatches always throw; missing and
   * unexpected keys throw in strict mode (the default) and are returned otherwise.
   */
  loadStateDict(state: StateDict | ReadonlyMap<string, Tensor>, options: { strict?: boolean } = {}): LoadStateDictResult {
    const strict = options.strict ?? true;
    const given = state instanceof Map ? new Map(state) : new Map(Object.entries(state as StateDict));
    const own = this.stateDict();
    const missingKeys = Object.keys(own).filter((k) => !given.has(k));
    const unexpectedKeys = [...given.keys()].filter((k) => !(k in own));
    const mismatched = Object.entries(own).flatMap(([k, dst]) => {
      const src = given.get(k);
      if (!src || (shapesEqual(src.shape, dst.shape) && src.dtype === dst.dtype)) return [];
      return [`${k}: checkpoint has ${formatShape(src.shape)} ${src.dtype}, the model has ${formatShape(dst.shape)} ${dst.dtype}`];
    });
    const problems = [
      ...mismatched.map((m) => `  shape mismatch ${m}`),
      ...(strict ? missingKeys.map((k) => `  missing key ${k}`) : []),
      ...(strict ? unexpectedKeys.map((k) => `  unexpected key ${k}`) : []),
    ];
    if (problems.length) {
      throw new StateDictError(
        `loadStateDict into ${this.#describe()}: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n${problems.join('\n')}${strict && !mismatched.length ? '\n(pass { strict: false } to load the keys that match)' : ''}`,
      );
    }
    noGrad(() => {
      for (const [k, dst] of Object.entries(own)) {
        const src = given.get(k);
        if (src && src !== dst) copyInto(dst, src);
      }
    });
    return { missingKeys, unexpectedKeys };
  }

  /** Sets training mode (dropout on) on this module and every descendant. */
  train(mode = true): this {
    for (const [, m] of this.namedModules()) m.training = mode;
    return this;
  }

  /** Sets evaluation mode (dropout off) on this module and every descendant. */
  eval(): this {
    return this.train(false);
  }

  /** Drops every parameter's gradient (frees it). */
  zeroGrad(): void {
    for (const p of this.parameters()) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  /** Frees every parameter and buffer (shared ones once). */
  dispose(): void {
    for (const p of this.parameters()) p.dispose();
    for (const [, b] of this.namedBuffers()) b.dispose();
  }

  #describe(): string {
    return `${this.constructor.name}${this.#path ? ` "${this.#path}"` : ''}`;
  }

  #childPath(name: string): string {
    return join(this.#path, name);
  }

  #setPath(path: string): void {
    this.#path = path;
    for (const [name, c] of this.#children) c.#setPath(this.#childPath(name));
  }

  #checkName(name: string): void {
    if (!name || name.includes('.')) throw new StateDictError(`${this.#describe()}: "${name}" is not a valid name (non-empty, no dots)`);
    if (this.#params.has(name) || this.#buffers.has(name) || this.#children.has(name))
      throw new StateDictError(`${this.#describe()}: "${name}" is already registered`);
  }
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

function asParameter(t: Tensor): Tensor {
  if (t.dtype !== 'f32') throw new StateDictError(`parameters must be f32, got ${t.describe()}`);
  t.requiresGrad = true;
  t.setMemoryTag('parameter');
  return t;
}

/** dst ← src in place; across devices through a synchronous host read of src. */
function copyInto(dst: Tensor, src: Tensor): void {
  if (src.device === dst.device) {
    tc.setSlice(
      dst,
      src,
      dst.shape.map(() => 0),
    );
    return;
  }
  const values = src.toArraySync();
  dst.device.writeBuffer(dst.storage.buffer, dst.offset * itemsize(dst.dtype), new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}
