import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CpuDevice } from './cpu/cpu-device.js';
import { fromArray, zeros } from './creation.js';
import { DisposedError } from './errors.js';
import { keep, scope, setDebug } from './lifetime.js';
import { add } from './ops/elementwise.js';
import { reshape } from './ops/layout.js';
import type { Tensor } from './tensor.js';

const device = new CpuDevice({ name: 'cpu-lifetime' });
const make = (n = 1) => zeros([n], { device });
const alive = (...ts: Tensor[]) => ts.map((t) => !t.isDisposed);

afterEach(() => setDebug(false));

describe('scope', () => {
  it('disposes everything created inside except what it returns', () => {
    let a!: Tensor, b!: Tensor, view!: Tensor;
    const before = device.memory.allocated;
    const r = scope(() => {
      a = make(2);
      b = make(3);
      view = b.view([3, 1]);
      return add(a, a);
    });
    expect(alive(a, b, view, r)).toEqual([false, false, false, true]);
    expect(device.memory.allocated - before).toBe(8);
    r.dispose();
    expect(device.memory.allocated).toBe(before);
  });

  it('keeps tensors returned in arrays, plain objects and Map values, however nested', () => {
    let dropped!: Tensor;
    const out = scope(() => {
      dropped = make();
      return { list: [make(), [make()]], map: new Map([['k', make()]]), nested: { deeper: { t: make() } }, n: 3 };
    });
    expect(dropped.isDisposed).toBe(true);
    const kept = [out.list[0] as Tensor, (out.list[1] as Tensor[])[0]!, out.map.get('k')!, out.nested.deeper.t];
    expect(alive(...kept)).toEqual([true, true, true, true]);
    for (const t of kept) t.dispose();
  });

  it('async scopes close when the promise settles', async () => {
    let a!: Tensor, b!: Tensor;
    const p = scope(async () => {
      a = make();
      await new Promise((r) => setTimeout(r, 1));
      b = make();
      expect(a.isDisposed).toBe(false);
      return b;
    });
    const r = await p;
    expect(alive(a, r)).toEqual([false, true]);
    r.dispose();
  });

  it('nested scopes hand returned tensors to the parent, which disposes them unless it returns them too', () => {
    let inner!: Tensor, innerDropped!: Tensor, outerOnly!: Tensor;
    const kept = scope(() => {
      inner = scope(() => {
        innerDropped = make();
        return make();
      });
      expect(alive(inner, innerDropped)).toEqual([true, false]);
      outerOnly = scope(() => make());
      return inner;
    });
    expect(kept).toBe(inner);
    expect(alive(inner, outerOnly)).toEqual([true, false]);
    inner.dispose();
  });

  it('keep() exempts a tensor from every enclosing scope', () => {
    let k!: Tensor;
    scope(() =>
      scope(() => {
        k = keep(make());
        return keep({ ignored: 1 });
      }),
    );
    expect(k.isDisposed).toBe(false);
    k.dispose();
  });

  it('disposes on exceptions, sync and async, and rethrows', async () => {
    let a!: Tensor, b!: Tensor;
    const before = device.memory.liveTensors;
    expect(() =>
      scope(() => {
        a = make();
        throw new Error('sync boom');
      }),
    ).toThrow('sync boom');
    await expect(
      scope(async () => {
        b = make();
        await Promise.resolve();
        throw new Error('async boom');
      }),
    ).rejects.toThrow('async boom');
    expect(alive(a, b)).toEqual([false, false]);
    expect(device.memory.liveTensors).toBe(before);
  });

  it('leaves tensors made outside it alone, and tolerates tensors disposed inside it', () => {
    const outside = make();
    scope(() => {
      const t = make();
      t.dispose();
      return add(outside, outside);
    }).dispose();
    expect(outside.isDisposed).toBe(false);
    outside.dispose();
  });
});

describe('dispose', () => {
  it('use after dispose throws a DisposedError describing the tensor', () => {
    const t = fromArray([[1, 2, 3]], { device });
    t.name = 'w';
    t.dispose();
    expect(() => t.storage).toThrow(DisposedError);
    expect(() => t.storage).toThrow(/tensor "w" \[1, 3\] f32 on cpu-lifetime was used after dispose\(\)/);
    expect(() => t.storage).toThrow(/set LIGHTATTN_DEBUG=1 to see where it was created/);
    expect(() => add(t, t)).toThrow(DisposedError);
    expect(() => t.toArraySync()).toThrow(DisposedError);
    expect(() => t.view([3])).toThrow(DisposedError);
    expect(t.toString()).toBe('Tensor([1, 3], f32, cpu-lifetime, disposed)');
  });

  it('in debug mode the error names the creation site', () => {
    setDebug(true);
    const t = make();
    t.dispose();
    expect(() => t.storage).toThrow(/was used after dispose\(\); it was created at\n[^]*lifetime\.test\.ts/);
  });

  it('double dispose is harmless: counts and bytes move once', () => {
    const before = [device.memory.allocated, device.memory.liveTensors];
    const t = make(4);
    const v = reshape(t, [2, 2]);
    t.dispose();
    t.dispose();
    expect([device.memory.allocated - before[0]!, device.memory.liveTensors - before[1]!]).toEqual([16, 1]);
    v.dispose();
    v.dispose();
    expect([device.memory.allocated, device.memory.liveTensors]).toEqual(before);
  });
});

describe('the garbage-collection safety net', () => {
  it('frees and counts tensors collected without dispose() (in a child `node --expose-gc`)', () => {
    const src = (file: string) => pathToFileURL(fileURLToPath(new URL(file, import.meta.url))).href;
    const script = `
      import { CpuDevice } from ${JSON.stringify(src('./cpu/cpu-device.ts'))};
      import { fromArray } from ${JSON.stringify(src('./creation.ts'))};
      import { leakReport, setDebug } from ${JSON.stringify(src('./lifetime.ts'))};
      setDebug(true);
      const device = new CpuDevice();
      function leakSome() {
        for (let i = 0; i < 10; i++) fromArray(new Float32Array(1000), { device }).view([10, 100]);
      }
      leakSome();
      const disposed = fromArray(new Float32Array(5), { device });
      disposed.dispose();
      const held = fromArray(new Float32Array(25), { device });
      const before = device.memory.allocated;
      for (let i = 0; i < 50 && leakReport().leaked < 20; i++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 5));
      }
      const report = leakReport();
      console.log(JSON.stringify({ before, after: device.memory.allocated, live: device.memory.liveTensors, leaked: report.leaked, sites: report.sites, held: held.numel }));
    `;
    const dir = mkdtempSync(join(tmpdir(), 'lightattn-gc-'));
    try {
      const file = join(dir, 'leak.mts');
      writeFileSync(file, script);
      const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
      const out = execFileSync(process.execPath, ['--expose-gc', '--conditions=source', '--import', 'tsx', file], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const r = JSON.parse(out.trim().split('\n').at(-1)!);
      // 10 tensors of 4000 B and their 10 views leak; the disposed one does not count; the held one stays.
      expect(r.before).toBe(10 * 4000 + 100);
      expect(r.leaked).toBe(20);
      expect(r.after).toBe(100);
      expect(r.live).toBe(1);
      expect(r.sites.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(20);
      expect(r.sites.map((x: { site: string }) => x.site).join('\n')).toMatch(/\[1000\] f32\n[^]*leak\.mts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
