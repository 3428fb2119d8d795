import * as tc from '@lightattn/tensor-core';
import { formatShape, keep, LightattnError, loadSafetensors, saveSafetensors, shapesEqual, withMemoryTag, type Tensor } from '@lightattn/tensor-core';

/** Hyperparameters every optimizer has; each group may override them. */
export interface BaseHyperparameters {
  lr: number;
  weightDecay: number;
}

/** A parameter group: its tensors and its own hyperparameters (e.g. no weight decay for biases and norms). */
export type ParamGroup<H extends BaseHyperparameters> = H & {
  params: Tensor[];
  /** The lr the group started with; LR schedules scale this. */
  initialLr: number;
};

/** A parameter group as given to an optimizer: its tensors and any hyperparameters that differ from the defaults. */
export type ParamGroupInput<H extends BaseHyperparameters> = Partial<H> & { params: readonly Tensor[] };

/** Per-parameter state: a step count and named tensors (exp_avg, momentum_buffer, …). */
export interface ParamState {
  step: number;
  tensors: Record<string, Tensor>;
}

/** Invalid parameter groups, or an optimizer state dict that does not fit the optimizer. */
export class OptimizerStateError extends LightattnError {
  override name = 'OptimizerStateError';
}

const FORMAT = 'lightattn.optimizer/1';

/**
 * Base of the optimizers: parameter groups, per-parameter state, zeroGrad, and state saved and
 * loaded as safetensors (tensors `state.<i>.<name>`, parameters numbered across groups in order as
 * PyTorch does; steps and group hyperparameters as JSON metadata).
 */
export abstract class Optimizer<H extends BaseHyperparameters> {
  readonly paramGroups: ParamGroup<H>[];
  protected readonly state = new Map<Tensor, ParamState>();
  /** Stored in saved state and checked on load. */
  abstract readonly kind: string;

  constructor(params: readonly Tensor[] | readonly ParamGroupInput<H>[], defaults: H) {
    const groups = (
      params.length && !isGroup(params[0]!) ? [{ params: params as readonly Tensor[] }] : (params as readonly ParamGroupInput<H>[])
    ) as ParamGroupInput<H>[];
    const seen = new Set<Tensor>();
    this.paramGroups = groups.map((g, gi) => {
      for (const p of g.params) {
        if (seen.has(p)) throw new OptimizerStateError(`optimizer: a parameter appears twice (group ${gi}); each parameter belongs to one group`);
        if (!p.requiresGrad)
          throw new OptimizerStateError(`optimizer: ${p.describe()} (group ${gi}) does not require grad; pass parameters (module.parameters())`);
        seen.add(p);
      }
      const group = { ...defaults, ...g, params: [...g.params] } as ParamGroup<H>;
      group.initialLr = group.lr;
      return group;
    });
  }

  /**
   * Refuses hyperparameters that would silently turn every weight into NaN or ±Inf, as PyTorch's
   * constructors do (lr ≥ 0, weight_decay ≥ 0; each optimizer adds its own), and also non-finite
   * values, which PyTorch lets through. Subclasses run it at construction; it also runs on loading a
   * state and at every step (a schedule or user code may have changed a group).
   */
  protected checkHyperparameters(where: string): void {
    this.paramGroups.forEach((g, gi) => {
      const bad = (name: string, value: unknown, rule: string) =>
        new OptimizerStateError(`${where}: invalid ${name} ${String(value)} (parameter group ${gi}): it must be ${rule}`);
      if (typeof g.lr !== 'number' || !Number.isFinite(g.lr) || g.lr < 0) throw bad('learning rate (lr)', g.lr, 'a finite number ≥ 0');
      if (typeof g.weightDecay !== 'number' || !Number.isFinite(g.weightDecay) || g.weightDecay < 0)
        throw bad('weightDecay', g.weightDecay, 'a finite number ≥ 0');
      this.checkGroup(g, (name, value, rule) => {
        throw bad(name, value, rule);
      });
    });
  }

  /** Checks the hyperparameters only this optimizer has; calls `fail` on the first bad one. */
  protected checkGroup(_group: ParamGroup<H>, _fail: (name: string, value: unknown, rule: string) => never): void {}

  /**
   * p's gradient for a step, or null when it has none. A disposed `.grad` is refused with what to do
   * instead: the step would otherwise read freed memory (or fail deep inside the kernel call).
   */
  protected gradOf(p: Tensor): Tensor | null {
    const g = p.grad;
    if (!g) return null;
    if (g.isDisposed) {
      const at = this.paramGroups.findIndex((group) => group.params.includes(p));
      throw new OptimizerStateError(
        `${this.kind}.step(): the gradient of ${p.describe()} (parameter ${this.paramGroups[at]!.params.indexOf(p)} of group ${at}) was disposed; ` +
          'drop gradients with optimizer.zeroGrad() or by setting p.grad = null, never by disposing p.grad, then run backward() again before step()',
      );
    }
    return g;
  }

  /** One update of every parameter that has a gradient. */
  abstract step(): void;

  /** Drops every parameter's gradient (frees it). */
  zeroGrad(): void {
    for (const g of this.paramGroups) {
      for (const p of g.params) {
        p.grad?.dispose();
        p.grad = null;
      }
    }
  }

  /** The state of parameter `p`, created with zero tensors (tagged 'optimizer') on first use. */
  protected stateOf(p: Tensor, names: readonly string[]): ParamState {
    let s = this.state.get(p);
    if (!s) {
      const tensors = withMemoryTag('optimizer', () => Object.fromEntries(names.map((n) => [n, keep(tc.zerosLike(p))])));
      this.state.set(p, (s = { step: 0, tensors }));
    }
    return s;
  }

  private allParams(): Tensor[] {
    return this.paramGroups.flatMap((g) => g.params);
  }

  /** The optimizer state as a safetensors file. */
  async stateDict(): Promise<Uint8Array> {
    const tensors: Record<string, Tensor> = {};
    const steps: Record<string, number> = {};
    this.allParams().forEach((p, i) => {
      const s = this.state.get(p);
      if (!s) return;
      steps[i] = s.step;
      for (const [name, t] of Object.entries(s.tensors)) tensors[`state.${i}.${name}`] = t;
    });
    let at = 0;
    const groups = this.paramGroups.map(({ params, ...hyper }) => ({ ...hyper, params: params.map(() => at++) }));
    return saveSafetensors(tensors, { metadata: { format: FORMAT, kind: this.kind, param_groups: JSON.stringify(groups), steps: JSON.stringify(steps) } });
  }

  /**
   * Restores state saved by `stateDict()` from an optimizer of the same kind over parameters of the
   * same shapes in the same groups; group hyperparameters (lr, decay, …) are restored too.
   */
  loadStateDict(bytes: Uint8Array): void {
    const params = this.allParams();
    const device = params[0]?.device;
    const { tensors, metadata } = withMemoryTag('optimizer', () => loadSafetensors(bytes, { device }));
    try {
      if (metadata.format !== FORMAT)
        throw new OptimizerStateError(`loadStateDict: not a lightattn optimizer state (format ${JSON.stringify(metadata.format)})`);
      if (metadata.kind !== this.kind) throw new OptimizerStateError(`loadStateDict: the state is from ${metadata.kind}, this optimizer is ${this.kind}`);
      const groups = JSON.parse(metadata.param_groups ?? '[]') as (Record<string, unknown> & { params: number[] })[];
      const sizes = groups.map((g) => g.params.length);
      if (sizes.length !== this.paramGroups.length || sizes.some((n, i) => n !== this.paramGroups[i]!.params.length)) {
        throw new OptimizerStateError(
          `loadStateDict: the state has groups of ${JSON.stringify(sizes)} parameters, this optimizer ${JSON.stringify(this.paramGroups.map((g) => g.params.length))}`,
        );
      }
      for (const p of params)
        if (p.device !== device)
          throw new OptimizerStateError(`loadStateDict: parameters are on several devices (${device?.name}, ${p.device.name}); load per device`);
      const steps = JSON.parse(metadata.steps ?? '{}') as Record<string, number>;
      const next = new Map<Tensor, ParamState>();
      for (const [key, t] of Object.entries(tensors)) {
        const m = /^state\.(\d+)\.(.+)$/.exec(key);
        const p = m ? params[Number(m[1])] : undefined;
        if (!m || !p) throw new OptimizerStateError(`loadStateDict: unexpected tensor "${key}" for ${params.length} parameters`);
        if (!shapesEqual(t.shape, p.shape))
          throw new OptimizerStateError(`loadStateDict: "${key}" is ${formatShape(t.shape)} but parameter ${m[1]} is ${formatShape(p.shape)}`);
        const s = next.get(p) ?? { step: steps[m[1]!] ?? 0, tensors: {} };
        s.tensors[m[2]!] = keep(t);
        next.set(p, s);
      }
      for (const s of this.state.values()) for (const t of Object.values(s.tensors)) t.dispose();
      this.state.clear();
      for (const [p, s] of next) this.state.set(p, s);
      const previous = this.paramGroups.map(({ params: _p, ...hyper }) => hyper);
      groups.forEach(({ params: _indices, ...hyper }, i) => Object.assign(this.paramGroups[i]!, hyper));
      try {
        this.checkHyperparameters(`${this.kind}.loadStateDict`);
      } catch (e) {
        previous.forEach((hyper, i) => Object.assign(this.paramGroups[i]!, hyper));
        throw e;
      }
    } catch (e) {
      for (const t of Object.values(tensors)) t.dispose();
      throw e;
    }
  }

  /** Frees every state tensor. */
  dispose(): void {
    for (const s of this.state.values()) for (const t of Object.values(s.tensors)) t.dispose();
    this.state.clear();
  }
}

function isGroup(x: unknown): x is { params: readonly Tensor[] } {
  return typeof x === 'object' && x !== null && 'params' in x && Array.isArray((x as { params: unknown }).params);
}
