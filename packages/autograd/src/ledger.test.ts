import { describe, expect, it } from 'vitest';
import { createCpuDevice, createMetaDevice, fromArray, Generator, randn, scope, withMemoryTag, type Tensor } from '@lightattn/tensor-core';
import { dropout } from './dropout.js';
import { param } from './functional.js';
import { SavedBytesLedger, withLedger } from './ledger.js';
import { moduleScope } from './module-scope.js';
import { gelu, mul } from './ops-elementwise.js';
import { reshape } from './ops-layout.js';
import { layerNorm, softmax } from './ops-nn.js';
import { matmul, sum } from './ops-reduce.js';

const device = createCpuDevice({ name: 'cpu-ledger' });
const F32 = 4;

describe('saved-bytes ledger', () => {
  it('records exactly the declared bytes of a chain of functions', () => {
    const B = 4,
      C = 8,
      H = 16;
    const x = randn([B, C], { device, seed: 1 }); // input data: no gradient
    const w = param(withMemoryTag('parameter', () => randn([C, H], { device, seed: 2 })));
    const { result: loss, ledger } = withLedger(() =>
      scope(() => {
        const h = matmul(x, w); // saves x (for dW); W needs no save since x needs no gradient
        const a = gelu(h); // saves h
        const s = softmax(a); // saves its output s only
        const d = dropout(s, 0.1, { generator: new Generator(3) }); // saves the RNG state only
        const y = mul(d, s); // saves d and s; s is already counted
        return sum(y); // saves nothing
      }),
    );
    // x: B·C·4 = 128; h: B·H·4 = 256; s: 256; d: 256 → 896 bytes.
    const expected = B * C * F32 + 3 * B * H * F32;
    expect(expected).toBe(896);
    expect(ledger.total).toBe(expected);
    expect(ledger.live).toBe(expected);
    expect(ledger.peak).toBe(expected);
    expect(ledger.parameterBytes).toBe(0);
    expect(ledger.byFunction()).toEqual([
      { function: 'gelu', bytes: 256, calls: 1 },
      { function: 'mul', bytes: 256, calls: 1 },
      { function: 'softmax', bytes: 256, calls: 1 },
      { function: 'matmul', bytes: 128, calls: 1 },
      { function: 'dropout', bytes: 0, calls: 1 },
      { function: 'sum', bytes: 0, calls: 1 },
    ]);
    expect(ledger.entries.find((e) => e.function === 'mul')).toMatchObject({ bytes: 256, storages: 1, tensors: 2 });
    loss.backward();
    expect(ledger.live).toBe(0);
    expect(ledger.peak).toBe(expected);
    ledger.close();
  });

  it('counts a storage once however many saves hold it (x·x, views, outputs reused as inputs)', () => {
    const x = param(randn([10], { device, seed: 4 }));
    const { ledger } = withLedger(() =>
      scope(() => {
        const sq = mul(x, x); // saves x twice: 40 bytes once
        const v = reshape(sq, [2, 5]); // a view: saves nothing
        return sum(mul(v, reshape(sq, [2, 5]))); // saves two views of sq's storage: one 40-byte storage
      }),
    );
    expect(ledger.total).toBe(80);
    expect(ledger.entries.map((e) => [e.function, e.bytes, e.storages, e.tensors])).toEqual([
      ['mul', 40, 1, 2],
      ['view', 0, 0, 0],
      ['view', 0, 0, 0],
      ['mul', 40, 1, 2],
      ['sum', 0, 0, 0],
    ]);
    ledger.close();
  });

  it('reports parameters apart, and layerNorm as x + mean + rstd', () => {
    const N = 3,
      C = 5;
    const x = param(randn([N, C], { device, seed: 5 }));
    const w = param(withMemoryTag('parameter', () => fromArray(new Float32Array(C).fill(1), { device })));
    const b = param(withMemoryTag('parameter', () => fromArray(new Float32Array(C), { device })));
    const { ledger } = withLedger(() => scope(() => sum(layerNorm(x, w, b))));
    // x: N·C·4 = 60, mean and rstd: N·4 = 12 each; the weight (20 bytes) is a parameter.
    expect(ledger.total).toBe(N * C * F32 + 2 * N * F32);
    expect(ledger.parameterBytes).toBe(C * F32);
    ledger.close();
  });

  it('attributes bytes to the module path, with totals rolled up to parents', () => {
    const x = param(randn([2, 4], { device, seed: 6 }));
    const { ledger } = withLedger(() =>
      scope(() =>
        moduleScope('transformer.h.0.attn', () => {
          const s = softmax(x); // 32 bytes in transformer.h.0.attn
          return moduleScope('transformer.h.0.mlp', () => gelu(s)); // s again: counted already
        }),
      ),
    );
    const x2 = param(randn([3], { device, seed: 7 }));
    ledger.start();
    moduleScope('transformer.h.1', () => scope(() => gelu(x2))); // 12 bytes
    ledger.stop();
    expect(ledger.byModule()).toEqual([
      { module: 'transformer', bytes: 0, totalBytes: 44, calls: 0 },
      { module: 'transformer.h', bytes: 0, totalBytes: 44, calls: 0 },
      { module: 'transformer.h.0', bytes: 0, totalBytes: 32, calls: 0 },
      { module: 'transformer.h.0.attn', bytes: 32, totalBytes: 32, calls: 1 },
      { module: 'transformer.h.0.mlp', bytes: 0, totalBytes: 0, calls: 1 },
      { module: 'transformer.h.1', bytes: 12, totalBytes: 12, calls: 1 },
    ]);
    const text = ledger.report('attention');
    expect(text).toMatch(/^attention: 44 B in 2 storages \(distinct storages, parameters excluded\)/);
    expect(text).toMatch(/transformer\.h\.0\.attn\s+32 B\s+32 B\s+1/);
    expect(ledger.data().byFunction).toEqual([
      { function: 'softmax', bytes: 32, calls: 1 },
      { function: 'gelu', bytes: 12, calls: 2 },
    ]);
    ledger.close();
  });

  it('records nothing outside a recording, and nothing under noGrad-like inputs', () => {
    const ledger = new SavedBytesLedger();
    const x = param(randn([4], { device, seed: 8 }));
    scope(() => gelu(x)); // before start: not recorded
    ledger.start();
    scope(() => gelu(randn([4], { device, seed: 9 }))); // no input requires grad: nothing saved
    expect(ledger.entries).toEqual([]);
    expect(ledger.total).toBe(0);
    ledger.close();
  });

  it('follows the release of a graph through peak and live while backward runs', () => {
    const x = param(randn([8], { device, seed: 10 }));
    const ledger = new SavedBytesLedger().start();
    const losses: Tensor[] = [];
    for (let i = 0; i < 2; i++) losses.push(scope(() => sum(gelu(gelu(x))))); // 32 B (the inner gelu's output) per loss; x is saved too
    ledger.stop();
    expect(ledger.total).toBe(32 + 32 + 32);
    losses[0]!.backward();
    expect(ledger.live).toBe(32 + 32);
    losses[1]!.backward();
    expect(ledger.live).toBe(0);
    expect(ledger.peak).toBe(96);
    ledger.close();
  });
});

describe('saved-bytes ledger on the meta device', () => {
  it('predicts the CPU numbers: same saved bytes, same allocation peak for forward + backward', () => {
    const run = (dev: ReturnType<typeof createCpuDevice> | ReturnType<typeof createMetaDevice>) => {
      const x = randn([8, 16], { device: dev, seed: 1 });
      const w = param(withMemoryTag('parameter', () => randn([16, 32], { device: dev, seed: 2 })));
      dev.memory.resetPeak();
      const base = dev.memory.allocated;
      const { result: loss, ledger } = withLedger(() => scope(() => sum(softmax(gelu(matmul(x, w))))));
      loss.backward();
      const out = { saved: ledger.total, peak: dev.memory.peak - base, after: dev.memory.allocated - base };
      ledger.close();
      return out;
    };
    const cpu = run(createCpuDevice({ name: 'cpu-ledger-vs-meta' }));
    const meta = run(createMetaDevice('meta-ledger'));
    expect(meta).toEqual(cpu);
    // x (8·16·4 = 512), matmul output (8·32·4 = 1024) for gelu, softmax output (1024).
    expect(cpu.saved).toBe(512 + 2 * 1024);
    expect(cpu.after).toBe(16 * 32 * 4 + 4); // w.grad and the loss
  });
});
