import type { Tensor } from '@lightattn/tensor-core';
import { Module } from './module.js';

/** Submodules named '0', '1', … (PyTorch's nn.ModuleList): `h.0.attn.weight`. */
export class ModuleList<M extends Module = Module> extends Module {
  readonly #items: M[] = [];

  constructor(modules: readonly M[] = []) {
    super();
    for (const m of modules) this.append(m);
  }

  /** Adds a module under the next index. */
  append(m: M): this {
    this.#items.push(this.module(String(this.#items.length), m));
    return this;
  }

  /** The module at index `i` (negative from the end); throws a RangeError when out of range. */
  at(i: number): M {
    const m = this.#items.at(i);
    if (!m) throw new RangeError(`ModuleList${this.path ? ` "${this.path}"` : ''}: index ${i} is out of range for ${this.#items.length} modules`);
    return m;
  }

  get length(): number {
    return this.#items.length;
  }

  /** Iterates over the modules in order. */
  [Symbol.iterator](): Iterator<M> {
    return this.#items[Symbol.iterator]();
  }
}

/** Modules applied in order, each to the previous one's output (PyTorch's nn.Sequential). */
export class Sequential extends Module {
  readonly #items: Module[];

  constructor(...modules: Module[]) {
    super();
    this.#items = modules.map((m, i) => this.module(String(i), m));
  }

  /** The module at index `i` (negative from the end); throws a RangeError when out of range. */
  at(i: number): Module {
    const m = this.#items.at(i);
    if (!m) throw new RangeError(`Sequential: index ${i} is out of range for ${this.#items.length} modules`);
    return m;
  }

  get length(): number {
    return this.#items.length;
  }

  /** Intermediate outputs are freed as soon as the next module has consumed them. */
  override forward(x: Tensor): Tensor {
    let h = x;
    for (const m of this.#items) {
      const next = m.forward(h) as Tensor;
      if (h !== x && h !== next) h.dispose();
      h = next;
    }
    return h;
  }
}
