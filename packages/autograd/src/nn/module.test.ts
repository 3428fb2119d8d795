import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, Generator, randn, scope, type Tensor } from '@lightattn/tensor-core';
import { withLedger } from '../ledger.js';
import { gelu } from '../ops-elementwise.js';
import { sum } from '../ops-reduce.js';
import { ModuleList, Sequential } from './containers.js';
import { Dropout, Embedding, GELU, LayerNorm, Linear } from './layers.js';
import { Module, StateDictError } from './module.js';

const device = createCpuDevice({ name: 'cpu-nn' });

class Block extends Module {
  readonly ln = this.module('ln', new LayerNorm(4, { device }));
  readonly fc = this.module('fc', new Linear(4, 4, { device, generator: new Generator(1), layout: 'in-out' }));
  override forward(x: Tensor): Tensor {
    return scope(() => gelu(this.fc.forward(this.ln.forward(x))));
  }
}

class TinyLm extends Module {
  readonly wte = this.module('wte', new Embedding(10, 4, { device, std: 0.02, generator: new Generator(2) }));
  readonly h = this.module('h', new ModuleList([new Block(), new Block()]));
  readonly lmHead = this.module('lm_head', new Linear(4, 10, { device, bias: false }));
  constructor() {
    super();
    this.buffer('mask', fromArray([1, 0], { device }));
    this.buffer('scratch', fromArray([0], { device }), { persistent: false });
    this.lmHead.setParameter('weight', this.wte.weight); // weight tying, as GPT-2
  }
  override forward(ids: Tensor): Tensor {
    return scope(() => {
      let x = this.wte.forward(ids);
      for (const block of this.h) x = block.forward(x);
      return this.lmHead.forward(x);
    });
  }
}

describe('Module', () => {
  it('names parameters with dotted PyTorch paths, tied ones once', () => {
    const m = new TinyLm();
    expect(m.namedParameters().map(([n]) => n)).toEqual([
      'wte.weight',
      'h.0.ln.weight',
      'h.0.ln.bias',
      'h.0.fc.weight',
      'h.0.fc.bias',
      'h.1.ln.weight',
      'h.1.ln.bias',
      'h.1.fc.weight',
      'h.1.fc.bias',
    ]);
    expect(m.lmHead.weight).toBe(m.wte.weight);
    expect(m.numParameters()).toBe(40 + 2 * (4 + 4 + 16 + 4));
    expect(m.h.at(1).fc.path).toBe('h.1.fc');
    expect(m.wte.weight.memoryTag).toBe('parameter');
    expect(m.wte.weight.requiresGrad).toBe(true);
  });

  it('lists tied parameters under both names in the state dict, with persistent buffers', () => {
    const sd = new TinyLm().stateDict();
    expect(Object.keys(sd)).toEqual([
      'mask',
      'wte.weight',
      'h.0.ln.weight',
      'h.0.ln.bias',
      'h.0.fc.weight',
      'h.0.fc.bias',
      'h.1.ln.weight',
      'h.1.ln.bias',
      'h.1.fc.weight',
      'h.1.fc.bias',
      'lm_head.weight',
    ]);
    expect(sd['lm_head.weight']).toBe(sd['wte.weight']);
  });

  it('round-trips a state dict in place, keeping ties', () => {
    const a = new TinyLm();
    const b = new TinyLm();
    const bWeight = b.wte.weight;
    b.loadStateDict(a.stateDict());
    for (const [name, t] of Object.entries(a.stateDict())) expect(Array.from(b.stateDict()[name]!.toArraySync())).toEqual(Array.from(t.toArraySync()));
    expect(b.wte.weight).toBe(bWeight);
    expect(b.lmHead.weight).toBe(b.wte.weight);
  });

  it('loads across devices through a host copy', () => {
    const other = createCpuDevice({ name: 'cpu-nn-2' });
    const lin = new Linear(2, 1, { device });
    lin.loadStateDict({ weight: fromArray([[3, 4]], { device: other }), bias: fromArray([5], { device: other }) });
    expect(Array.from(lin.weight.toArraySync())).toEqual([3, 4]);
  });

  it('reports missing and unexpected keys in strict mode, returns them otherwise', () => {
    const m = new TinyLm();
    const sd = { ...m.stateDict(), 'h.2.fc.weight': fromArray([1]) } as Record<string, Tensor>;
    delete sd['h.1.ln.bias'];
    expect(() => m.loadStateDict(sd)).toThrow(StateDictError);
    expect(() => m.loadStateDict(sd)).toThrow(/missing key h\.1\.ln\.bias[\s\S]*unexpected key h\.2\.fc\.weight[\s\S]*strict: false/);
    expect(m.loadStateDict(sd, { strict: false })).toEqual({ missingKeys: ['h.1.ln.bias'], unexpectedKeys: ['h.2.fc.weight'] });
  });

  it('always refuses shape mismatches, naming both shapes', () => {
    const m = new TinyLm();
    const sd = { ...m.stateDict(), 'h.0.fc.weight': randn([2, 8], { device }) };
    expect(() => m.loadStateDict(sd, { strict: false })).toThrow(/shape mismatch h\.0\.fc\.weight: checkpoint has \[2, 8\] f32, the model has \[4, 4\] f32/);
  });

  it('switches train/eval recursively, which Dropout follows', () => {
    const seq = new Sequential(new Linear(3, 3, { device }), new GELU(), new Dropout(0.9, { generator: new Generator(1) }));
    seq.eval();
    expect(seq.at(2).training).toBe(false);
    const x = fromArray([[1, 2, 3]], { device });
    const y1 = Array.from((seq.forward(x) as Tensor).toArraySync());
    const y2 = Array.from((seq.forward(x) as Tensor).toArraySync());
    expect(y1).toEqual(y2);
    seq.train();
    expect(seq.at(2).training).toBe(true);
  });

  it("GELU('none') is PyTorch's exact nn.GELU(), x·Φ(x); the default stays the tanh form", () => {
    const x = fromArray([1, -1, 2], { device });
    const exact = Array.from(new GELU('none').forward(x).toArraySync());
    // x·Φ(x) with Φ(1) = 0.8413447460685429, Φ(2) = 0.9772498680518208
    [0.8413447460685429, -0.15865525393145707, 1.9544997361036416].forEach((w, i) => expect(exact[i]).toBeCloseTo(w, 6));
    const tanhForm = Array.from(new GELU().forward(x).toArraySync());
    expect(tanhForm[0]).toBeCloseTo(0.8411919906082768, 6);
  });

  it('pushes the module path for the ledger', () => {
    const m = new TinyLm();
    const ids = fromArray([1, 2, 3], { dtype: 'i32', device });
    const { ledger } = withLedger(() => scope(() => sum(m.forward(ids))));
    const modules = ledger.byModule().map((r) => r.module);
    expect(modules).toEqual(expect.arrayContaining(['h.0.ln', 'h.0.fc', 'h.1', 'lm_head', 'wte']));
    const h0 = ledger.byModule().find((r) => r.module === 'h.0')!;
    // Block 0 saves: ln input x, mean, rstd (3·4·4 + 2·3·4 = 72), fc input (48), gelu input (48).
    expect(h0.totalBytes).toBe(72 + 48 + 48);
    ledger.close();
  });

  it('zeroGrad and dispose free what the module holds', () => {
    const d = createCpuDevice({ name: 'cpu-nn-free' });
    const lin = new Linear(3, 2, { device: d });
    sum(lin.forward(fromArray([[1, 2, 3]], { device: d }))).backward();
    expect(lin.weight.grad).not.toBeNull();
    lin.zeroGrad();
    expect(lin.weight.grad).toBeNull();
    lin.dispose();
    expect(d.memory.snapshot().byTag.find((t) => t.tag === 'parameter')).toBeUndefined();
  });

  it('refuses bad names and a forward on a container', () => {
    class Bad extends Module {
      constructor() {
        super();
        this.module('a.b', new GELU());
      }
    }
    expect(() => new Bad()).toThrow(/not a valid name/);
    expect(() => new ModuleList([new GELU()]).forward()).toThrow(/has no forward\(\)/);
    expect(() => new ModuleList().at(0)).toThrow(/out of range/);
  });
});

describe('layers', () => {
  it('Linear computes x·Wᵀ + b (out-in) and x·W + b (in-out)', () => {
    const x = fromArray([[1, 2]], { device });
    const a = new Linear(2, 3, { device });
    a.loadStateDict({
      weight: fromArray(
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        { device },
      ),
      bias: fromArray([0, 0, 10], { device }),
    });
    expect(Array.from(a.forward(x).toArraySync())).toEqual([1, 2, 13]);
    const b = new Linear(2, 3, { device, layout: 'in-out', bias: false, init: { std: 0.02 } });
    expect(b.weight.shape).toEqual([2, 3]);
    b.loadStateDict({
      weight: fromArray(
        [
          [1, 0, 1],
          [0, 1, 1],
        ],
        { device },
      ),
    });
    expect(Array.from(b.forward(x).toArraySync())).toEqual([1, 2, 3]);
  });

  it("Linear's default init is U(±1/√in), identical for the same generator state", () => {
    const a = new Linear(16, 8, { device, generator: new Generator(5) });
    const w = Array.from(a.weight.toArraySync());
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.2);
    const b = new Linear(16, 8, { device, generator: new Generator(5) });
    expect(Array.from(b.weight.toArraySync())).toEqual(w);
  });

  it("init 'none' allocates zeros and draws nothing from the generator (weights to be loaded)", () => {
    const generator = new Generator(5);
    const linear = new Linear(16, 8, { device, generator, init: 'none' });
    const embedding = new Embedding(10, 4, { device, generator, std: 0.02, init: 'none' });
    expect(generator.getState()).toEqual({ seed: 5, offset: 0 });
    for (const t of [linear.weight, linear.bias!, embedding.weight]) expect(Array.from(t.toArraySync()).every((v) => v === 0)).toBe(true);
    expect(linear.weight.shape).toEqual([8, 16]);
    expect(embedding.weight.shape).toEqual([10, 4]);
    // The random initialisations do draw (one Philox state per tensor), so the check above means something.
    new Embedding(10, 4, { device, generator });
    expect(generator.getState().offset).toBeGreaterThan(0);
  });
});
