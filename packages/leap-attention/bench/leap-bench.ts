/**
 * LEAP layer forward + backward: time and saved bytes (the autograd ledger) per sequence length.
 *
 *   node --conditions=source --import tsx packages/leap-attention/bench/leap-bench.ts --device webgpu
 *   node --conditions=source --import tsx packages/leap-attention/bench/leap-bench.ts --device cpu --quick
 *   node --conditions=source --import tsx packages/leap-attention/bench/leap-bench.ts --device meta   # bytes only, any size
 *
 * Options: --device cpu|webgpu|meta (default webgpu), --quick (tiny sizes), --T 1024,4096,16384,
 * --B 4, --d 768, --heads 12, --variant seed|v2|both, --windows global,16, --repeats 5, --json FILE,
 * --check (first compare the device's focus scan, forward and backward, with the CPU's at the
 * largest T: the CPU kernel sums in float64).
 * Two measurements per setting: the attention core alone (leapAttention on q, a, b, v that require
 * grad) and a whole LeapBlock (norms, projection, attention, feed-forward).
 */
import { writeFileSync } from 'node:fs';
import { backward, Generator, withLedger } from '@lightattn/autograd';
import { createWebGPUDevice } from '@lightattn/kernels-wgsl';
import { createCpuDevice, createMetaDevice, formatBytes, fromArray, full, scope, type Device, type Tensor } from '@lightattn/tensor-core';
import { focusScan, LeapBlock, leapAttention, type LeapVariant, type LeapWindow } from '../src/index.js';

interface Options {
  device: 'cpu' | 'webgpu' | 'meta';
  T: number[];
  B: number;
  d: number;
  heads: number;
  variants: LeapVariant[];
  windows: LeapWindow[];
  repeats: number;
  json: string | null;
  check: boolean;
}

function parse(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const list = (s: string | undefined, fallback: number[]) => (s ? s.split(',').map(Number) : fallback);
  const variant = get('variant') ?? 'both';
  return {
    device: (get('device') ?? 'webgpu') as Options['device'],
    T: list(get('T'), quick ? [64, 256] : [1024, 4096, 16384]),
    B: Number(get('B') ?? (quick ? 1 : 4)),
    d: Number(get('d') ?? (quick ? 32 : 768)),
    heads: Number(get('heads') ?? (quick ? 4 : 12)),
    variants: variant === 'both' ? ['seed', 'v2'] : [variant as LeapVariant],
    windows: (get('windows') ?? 'global,16').split(',').map((w) => (w === 'global' ? 'global' : Number(w))),
    repeats: Number(get('repeats') ?? (quick ? 2 : 5)),
    json: get('json') ?? null,
    check: argv.includes('--check'),
  };
}

interface Row {
  what: 'attention' | 'block';
  variant: LeapVariant;
  window: LeapWindow;
  T: number;
  /** Median of the timed repeats (after one warm-up); null on the meta device. */
  ms: number | null;
  savedBytes: number;
  /** Saved bytes per element of the [B, T, d] input. */
  savedPerElement: number;
}

async function measure(device: Device, o: Options, what: Row['what'], variant: LeapVariant, window: LeapWindow, T: number): Promise<Row> {
  const shape = [o.B, T, o.d];
  const generator = new Generator(1);
  const block =
    what === 'block'
      ? new LeapBlock(
          {
            hidden_size: o.d,
            n_heads: o.heads,
            n_layer: 1,
            n_positions: Math.max(T, 1024),
            variant,
            window_sizes: [window === 'global' ? Math.max(T, 1024) : window],
            hidden_dropout_prob: 0.1,
          },
          0,
          { device, generator },
        )
      : null;
  const once = async (): Promise<number> =>
    scope(async () => {
      const inputs = (what === 'block' ? [0] : [0, 1, 2, 3]).map((k) => {
        const t = full(shape, 0.01 * (k + 1), { device });
        t.requiresGrad = true;
        return t;
      });
      const forward = (): Tensor =>
        block
          ? block.forward(inputs[0]!)
          : leapAttention(inputs[0]!, inputs[1]!, inputs[2]!, inputs[3]!, { variant, nHeads: o.heads, window, dropout: 0.1, training: true, generator }).output;
      const { result, ledger } = withLedger(forward);
      backward(result, full(shape, 1, { device }));
      ledger.close();
      await device.sync();
      return ledger.total;
    });
  let savedBytes = await once(); // warm-up: compiles pipelines, fills the buffer pool
  const times: number[] = [];
  if (device.type !== 'meta') {
    for (let r = 0; r < o.repeats; r++) {
      const start = performance.now();
      savedBytes = await once();
      times.push(performance.now() - start);
    }
  }
  block?.dispose();
  times.sort((a, b) => a - b);
  return {
    what,
    variant,
    window,
    T,
    ms: times.length ? times[Math.floor(times.length / 2)]! : null,
    savedBytes,
    savedPerElement: savedBytes / (o.B * T * o.d),
  };
}

/** Largest |a − e| over the largest |e|: the device's scan against the CPU's (float64 sums). */
async function checkScan(device: Device, o: Options, window: LeapWindow): Promise<Record<string, number>> {
  const T = Math.max(...o.T);
  const [N, C] = [o.B * o.heads, o.d / o.heads];
  let seed = 1;
  const rand = (n: number, scale: number) => Array.from({ length: n }, () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 2 * scale);
  const data = { l: rand(N * T, 15), x: rand(N * T * C, 1), gm: rand(N * T * C, 1), gl: rand(N * T, 1) };
  const run = (dev: Device) =>
    scope(async () => {
      const l = fromArray(data.l, { shape: [N, T], device: dev });
      const x = fromArray(data.x, { shape: [N, T, C], device: dev });
      l.requiresGrad = x.requiresGrad = true;
      const { mean, lse } = focusScan(l, x, 1, window);
      backward([mean, lse], [fromArray(data.gm, { shape: [N, T, C], device: dev }), fromArray(data.gl, { shape: [N, T], device: dev })]);
      return Promise.all([mean, lse, x.grad!, l.grad!].map((t) => t.toArray()));
    });
  const [got, want] = [await run(device), await run(createCpuDevice())];
  const err = (a: ArrayLike<number>, e: ArrayLike<number>) => {
    let [worst, scale] = [0, 0];
    for (let i = 0; i < e.length; i++)
      [worst, scale] = [Math.max(worst, Number.isFinite(a[i]!) ? Math.abs(a[i]! - e[i]!) : Infinity), Math.max(scale, Math.abs(e[i]!))];
    return worst / scale;
  };
  return Object.fromEntries(['mean', 'lse', 'dx', 'dlogits'].map((k, i) => [k, err(got[i]!, want[i]!)]));
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const device: Device =
    o.device === 'cpu'
      ? createCpuDevice()
      : o.device === 'meta'
        ? createMetaDevice()
        : await createWebGPUDevice({ dawnToggles: ['disable-dawn-features=timestamp_quantization'] });
  console.log(`LEAP forward+backward on ${device.name}: B ${o.B}, d ${o.d}, ${o.heads} heads, T ${o.T.join('/')}, dropout 0.1, median of ${o.repeats}`);
  const checks: Record<string, Record<string, number>> = {};
  if (o.check) {
    for (const window of o.windows) {
      checks[String(window)] = await checkScan(device, o, window);
      console.log(
        `check: focus scan at T ${Math.max(...o.T)}, window ${window}, error relative to the largest value, against the CPU: ${JSON.stringify(checks[String(window)])}`,
      );
    }
  }
  const rows: Row[] = [];
  for (const what of ['attention', 'block'] as const) {
    for (const variant of o.variants) {
      for (const window of o.windows) {
        for (const T of o.T) {
          const row = await measure(device, o, what, variant, window, T);
          rows.push(row);
          const time = row.ms === null ? '       -' : `${row.ms.toFixed(1).padStart(8)} ms`;
          console.log(
            `${what.padEnd(9)} ${variant.padEnd(4)} window ${String(window).padEnd(6)} T ${String(T).padStart(6)}  ${time}  saved ${formatBytes(row.savedBytes).padStart(10)} (${row.savedPerElement.toFixed(1)} B per input element)`,
          );
        }
      }
    }
  }
  if (o.json) writeFileSync(o.json, JSON.stringify({ device: device.name, options: o, checks, rows }, null, 2));
  if ('destroy' in device && typeof device.destroy === 'function') (device.destroy as () => void)();
}

await main();
