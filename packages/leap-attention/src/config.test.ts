import { describe, expect, it } from 'vitest';
import { automaticWindowSizes, leapConfig, LeapConfigError } from './config.js';

describe('LeapConfig', () => {
  it("has the seed's defaults", () => {
    const c = leapConfig();
    expect(c).toMatchObject({
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
      head_size: 64,
    });
    expect(c.windows).toEqual([4, 8, 16, 'global']);
  });

  it('seed rule: 4·2^i, the last layer global; windows ≥ n_positions are global', () => {
    expect(automaticWindowSizes('seed', 6, 1024)).toEqual([4, 8, 16, 32, 64, 1024]);
    expect(leapConfig({ n_layer: 6, n_positions: 16 }).windows).toEqual([4, 8, 'global', 'global', 'global', 'global']);
    expect(leapConfig({ n_layer: 1 }).windows).toEqual(['global']);
  });

  it('v2 rule: the first layer global, then 4, 8, 16, global, repeating', () => {
    expect(leapConfig({ variant: 'v2', n_layer: 10 }).windows).toEqual(['global', 4, 8, 16, 'global', 4, 8, 16, 'global', 4]);
  });

  it('explicit windows per layer; use_local_att false makes every layer global', () => {
    expect(leapConfig({ n_layer: 3, window_sizes: [2, 1024, 5] }).windows).toEqual([2, 'global', 5]);
    expect(leapConfig({ use_local_att: false, n_layer: 3 }).windows).toEqual(['global', 'global', 'global']);
    expect(leapConfig({ use_local_att: false, variant: 'v2' }).windows).toEqual(['global', 'global', 'global', 'global']);
  });

  it('rejects invalid configs with messages that say what to change', () => {
    expect(() => leapConfig({ hidden_size: 250, n_heads: 4 })).toThrow(LeapConfigError);
    expect(() => leapConfig({ hidden_size: 250, n_heads: 4 })).toThrow(/hidden_size 250 is not divisible by n_heads 4; pick n_heads among 1, 2, 5, 10/);
    expect(() => leapConfig({ window_sizes: [4, 8] })).toThrow(/window_sizes has 2 entries but n_layer is 4/);
    expect(() => leapConfig({ use_local_att: false, window_sizes: [4, 8, 16, 32] })).toThrow(/window_sizes are set but use_local_att is false/);
    expect(() => leapConfig({ window_sizes: [4, 0, 16, 32] })).toThrow(/window_sizes\[1\] must be a positive integer/);
    expect(() => leapConfig({ n_heads: 0 })).toThrow(/n_heads must be a positive integer/);
    expect(() => leapConfig({ hidden_size: 4, n_heads: 4 })).toThrow(/head size ≥ 2/);
    expect(() => leapConfig({ variant: 'v3' as 'v2' })).toThrow(/variant must be 'seed' or 'v2'/);
    expect(() => leapConfig({ hidden_dropout_prob: 1 })).toThrow(/hidden_dropout_prob/);
    expect(() => leapConfig({ hidden_act: 'gelu_new' as 'gelu' })).toThrow(
      /hidden_act must be 'gelu' \(exact, the original's\) or 'gelu_pytorch_tanh', got "gelu_new"/,
    );
    expect(() => leapConfig({ proj_logits_bias: 'yes' as unknown as boolean })).toThrow(/proj_logits_bias must be true or false/);
  });

  it("keeps this project's defaults (tanh GELU, no head bias) and takes the original's exact GELU and bias when asked", () => {
    expect(leapConfig()).toMatchObject({ hidden_act: 'gelu_pytorch_tanh', proj_logits_bias: false });
    expect(leapConfig({ hidden_act: 'gelu', proj_logits_bias: true })).toMatchObject({ hidden_act: 'gelu', proj_logits_bias: true });
  });

  it('honours rescale_value (the original always used 8)', () => {
    expect(leapConfig({ rescale_value: 3 }).rescale_value).toBe(3);
  });
});
