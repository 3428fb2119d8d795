import { LightattnError } from '@lightattn/tensor-core';

/** Which LEAP: the published README's version, or the later revision (see docs/leap.md). */
export type LeapVariant = 'seed' | 'v2';

/**
 * The feed-forward's GELU, by Hugging Face's names: 'gelu' is the exact x·Φ(x) of the original
 * package's nn.GELU(); 'gelu_pytorch_tanh' the tanh approximation (one fused op either way).
 */
export type LeapActivation = 'gelu' | 'gelu_pytorch_tanh';
/** Every {@link LeapActivation}. */
export const LEAP_ACTIVATIONS: readonly LeapActivation[] = ['gelu', 'gelu_pytorch_tanh'];

/** A layer's window: a number of positions (the token itself included), or 'global' (every earlier position). */
export type LeapWindow = number | 'global';

/** An invalid LEAP configuration: the message names the field and says what would be valid. */
export class LeapConfigError extends LightattnError {
  override name = 'LeapConfigError';
}

/**
 * The original package's config fields (snake_case, so its config.json loads as is) plus `variant`.
 * Defaults are the seed's: hidden_size 256, vocab_size 32100, n_heads 4, use_local_att true,
 * window_sizes null, n_positions 1024, n_layer 4, rescale_value 8, hidden_dropout_prob 0.1,
 * initializer_range 0.02, variant 'seed', and this project's hidden_act 'gelu_pytorch_tanh' and
 * proj_logits_bias false (original checkpoints load with 'gelu' and, from their weights, a bias:
 * see parseLeapConfig in @lightattn/gpt2-model).
 */
export interface LeapConfigInput {
  hidden_size?: number;
  vocab_size?: number;
  n_heads?: number;
  use_local_att?: boolean;
  /** One window per layer; a window ≥ n_positions is global. null: set by the variant's rule. */
  window_sizes?: readonly number[] | null;
  n_positions?: number;
  n_layer?: number;
  /**
   * c in ℓ = (c / d_h)·Norm(F1)·Norm(F2) (seed variant). The original code accepted the setting and
   * always used 8; here the value given is used.
   */
  rescale_value?: number;
  hidden_dropout_prob?: number;
  initializer_range?: number;
  variant?: LeapVariant;
  /** The feed-forward's GELU: 'gelu' (exact, the original's) or 'gelu_pytorch_tanh'. */
  hidden_act?: LeapActivation;
  /** The LM head has a bias [vocab_size], as the original's `nn.Linear(d, vocab)`. */
  proj_logits_bias?: boolean;
}

/** A validated config: every field set, and `windows` resolved per layer. */
export interface LeapConfig {
  readonly hidden_size: number;
  readonly vocab_size: number;
  readonly n_heads: number;
  readonly use_local_att: boolean;
  /** As given (null when the rule set them). */
  readonly window_sizes: readonly number[] | null;
  readonly n_positions: number;
  readonly n_layer: number;
  readonly rescale_value: number;
  readonly hidden_dropout_prob: number;
  readonly initializer_range: number;
  readonly variant: LeapVariant;
  readonly hidden_act: LeapActivation;
  readonly proj_logits_bias: boolean;
  /** The window of each layer, as the layers use it ('global' for windows ≥ n_positions). */
  readonly windows: readonly LeapWindow[];
  /** hidden_size / n_heads. */
  readonly head_size: number;
}

/** The original LEAP package's config defaults, which {@link leapConfig} fills in. */
export const LEAP_CONFIG_DEFAULTS = {
  hidden_size: 256,
  vocab_size: 32100,
  n_heads: 4,
  use_local_att: true,
  window_sizes: null,
  n_positions: 1024,
  n_layer: 4,
  rescale_value: 8,
  hidden_dropout_prob: 0.1,
  initializer_range: 0.02,
  variant: 'seed',
  hidden_act: 'gelu_pytorch_tanh',
  proj_logits_bias: false,
} as const satisfies Required<LeapConfigInput>;

const positiveInt = (name: string, v: number) => {
  if (!Number.isSafeInteger(v) || v < 1) throw new LeapConfigError(`LeapConfig: ${name} must be a positive integer, got ${v}`);
};

/**
 * The automatic windows, as sizes (n_positions meaning global):
 * - seed: 4·2^i for layer i, the last layer global;
 * - v2: the first layer global, then 4, 8, 16, global, repeating.
 */
export function automaticWindowSizes(variant: LeapVariant, nLayer: number, nPositions: number): number[] {
  if (variant === 'seed') return Array.from({ length: nLayer }, (_, i) => (i === nLayer - 1 ? nPositions : Math.min(4 * 2 ** i, nPositions)));
  const cycle = [4, 8, 16, nPositions];
  return Array.from({ length: nLayer }, (_, i) => (i === 0 ? nPositions : Math.min(cycle[(i - 1) % 4]!, nPositions)));
}

/** Window sizes ≥ n_positions cover every position a model can see: they are global. */
export function asLayerWindow(size: number, nPositions: number): LeapWindow {
  return size >= nPositions ? 'global' : size;
}

/** Fills in defaults, checks every field and resolves the windows. Throws LeapConfigError. */
export function leapConfig(input: LeapConfigInput = {}): LeapConfig {
  const c = { ...LEAP_CONFIG_DEFAULTS, ...stripUndefined(input) };
  for (const k of ['hidden_size', 'vocab_size', 'n_heads', 'n_positions', 'n_layer'] as const) positiveInt(k, c[k]);
  if (c.variant !== 'seed' && c.variant !== 'v2') throw new LeapConfigError(`LeapConfig: variant must be 'seed' or 'v2', got ${JSON.stringify(c.variant)}`);
  if (!LEAP_ACTIVATIONS.includes(c.hidden_act)) {
    throw new LeapConfigError(`LeapConfig: hidden_act must be 'gelu' (exact, the original's) or 'gelu_pytorch_tanh', got ${JSON.stringify(c.hidden_act)}`);
  }
  if (typeof c.proj_logits_bias !== 'boolean')
    throw new LeapConfigError(`LeapConfig: proj_logits_bias must be true or false, got ${JSON.stringify(c.proj_logits_bias)}`);
  if (c.hidden_size % c.n_heads !== 0) {
    throw new LeapConfigError(
      `LeapConfig: hidden_size ${c.hidden_size} is not divisible by n_heads ${c.n_heads}; pick n_heads among ${divisors(c.hidden_size).join(', ')}`,
    );
  }
  const headSize = c.hidden_size / c.n_heads;
  if (c.variant === 'seed' && headSize < 2) {
    throw new LeapConfigError(
      `LeapConfig: the seed variant normalises each head with an unbiased std, which needs a head size ≥ 2 (hidden_size / n_heads = ${headSize})`,
    );
  }
  if (!(c.hidden_dropout_prob >= 0 && c.hidden_dropout_prob < 1))
    throw new LeapConfigError(`LeapConfig: hidden_dropout_prob must be in [0, 1), got ${c.hidden_dropout_prob}`);
  if (!(c.initializer_range > 0)) throw new LeapConfigError(`LeapConfig: initializer_range must be > 0, got ${c.initializer_range}`);
  if (!Number.isFinite(c.rescale_value)) throw new LeapConfigError(`LeapConfig: rescale_value must be a finite number, got ${c.rescale_value}`);
  let sizes: number[];
  if (c.window_sizes != null) {
    if (!c.use_local_att) {
      throw new LeapConfigError(
        'LeapConfig: window_sizes are set but use_local_att is false (every layer is global then); drop window_sizes or set use_local_att: true',
      );
    }
    if (c.window_sizes.length !== c.n_layer) {
      throw new LeapConfigError(`LeapConfig: window_sizes has ${c.window_sizes.length} entries but n_layer is ${c.n_layer}; give one window per layer`);
    }
    c.window_sizes.forEach((w, i) => positiveInt(`window_sizes[${i}]`, w));
    sizes = [...c.window_sizes];
  } else sizes = c.use_local_att ? automaticWindowSizes(c.variant, c.n_layer, c.n_positions) : new Array<number>(c.n_layer).fill(c.n_positions);
  return Object.freeze({ ...c, windows: Object.freeze(sizes.map((w) => asLayerWindow(w, c.n_positions))), head_size: headSize });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= n && out.length < 12; k++) if (n % k === 0) out.push(k);
  return out;
}
