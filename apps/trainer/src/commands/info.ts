import { availableParallelism, cpus, totalmem } from 'node:os';
import { engineFeatures, WASM32_MAX_BYTES } from '@lightattn/kernels-wasm';
import { createCpuDevice, createMetaDevice } from '@lightattn/tensor-core';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { probeWebGPU } from '../device-select.js';
import { EXIT } from '../errors.js';
import { formatBytes, formatTable } from '../format.js';
import type { CommandIo } from '../io.js';
import { DEBUG_FLAG } from './model-flags.js';

export const INFO_FLAGS = {
  json: { type: 'boolean', help: 'print the findings as JSON' },
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const INFO_HELP = formatHelp(
  'lightattn info [--json]',
  'The devices found: the CPU and meta devices, the WebGPU adapter with its limits and features, and which one --device auto uses.',
  INFO_FLAGS,
);

/** Limits worth knowing when sizing a model: the largest tensor, workgroup memory and size. */
const KEY_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
];
const BYTE_LIMITS = new Set(['maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupStorageSize', 'maxUniformBufferBindingSize']);

/** `lightattn info`. */
export async function infoCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const a = parseArgs(argv, INFO_FLAGS, 'info', { positionals: 0 });
  if (a.flags.help) {
    io.stdout.write(`${INFO_HELP}\n`);
    return EXIT.ok;
  }
  const cpu = createCpuDevice().info();
  const meta = createMetaDevice().info();
  const probe = await probeWebGPU();
  const engine = engineFeatures();
  const wasm = engine.simd
    ? {
        description: `WebAssembly SIMD (f32x4${engine.relaxedSimd ? ', relaxed FMA' : ''}) on ${availableParallelism()} threads${engine.threads ? '' : ' (no shared memory here: 1 thread)'}`,
        maxMemoryBytes: WASM32_MAX_BYTES,
      }
    : null;
  const auto = probe.device && !probe.software ? 'webgpu' : wasm ? 'wasm' : 'cpu';
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: totalmem(),
  };
  if (a.flags.json) {
    io.stdout.write(
      `${JSON.stringify({ machine, cpu, meta, wasm: wasm ?? { error: 'no WebAssembly SIMD in this engine' }, webgpu: probe.info ? { ...probe.info, software: probe.software } : { error: probe.error }, auto }, null, 2)}\n`,
    );
    probe.device?.destroy();
    return EXIT.ok;
  }
  const out: string[] = [];
  out.push(
    formatTable(
      ['machine', ''],
      [
        ['node', machine.node],
        ['platform', machine.platform],
        ['cpu', `${machine.cpu} (${machine.cores} cores available)`],
        ['memory', formatBytes(machine.memory)],
      ],
      ['left', 'left'],
    ),
  );
  out.push('');
  const devices: [string, string, string][] = [
    ['cpu', cpu.description ?? '', 'always available; the reference for every kernel'],
    [
      'wasm',
      wasm?.description ?? 'none',
      wasm ? `the CPU device for work; at most ${formatBytes(wasm.maxMemoryBytes)} (wasm32)` : 'this engine has no WebAssembly SIMD',
    ],
    ['meta', meta.description ?? 'shapes and bytes only', 'predicts memory without computing'],
    [
      'webgpu',
      probe.info ? (probe.info.description ?? 'WebGPU adapter') : 'none',
      probe.info ? (probe.software ? 'software adapter: correct but far slower than the CPU devices' : 'GPU') : (probe.error ?? ''),
    ],
  ];
  out.push(formatTable(['device', 'description', 'note'], devices, ['left', 'left', 'left']));
  out.push('');
  out.push(`--device auto uses: ${auto}${probe.software ? ' (the WebGPU adapter renders in software)' : ''}`);
  if (probe.info) {
    const info = probe.info;
    out.push('');
    out.push(
      formatTable(
        ['adapter', ''],
        [
          ['vendor', info.adapter.vendor || '—'],
          ['architecture', info.adapter.architecture || '—'],
          ['device', info.adapter.device || '—'],
          ['description', info.adapter.description || '—'],
          ['software', probe.software ? 'yes' : 'no'],
        ],
        ['left', 'left'],
      ),
    );
    out.push('');
    const rank = (k: string) => (KEY_LIMITS.includes(k) ? KEY_LIMITS.indexOf(k) : KEY_LIMITS.length);
    const limits = Object.entries(info.limits).sort(([x], [y]) => rank(x) - rank(y) || x.localeCompare(y));
    out.push(
      formatTable(
        ['limit', 'value'],
        limits.map(([k, v]) => [k, BYTE_LIMITS.has(k) ? `${formatBytes(v)} (${v})` : String(v)]),
      ),
    );
    out.push('');
    out.push(`features: ${info.features.join(', ') || 'none'}`);
    const missing = ['shader-f16', 'subgroups', 'timestamp-query'].filter((x) => !info.features.includes(x));
    if (missing.length) out.push(`not offered: ${missing.join(', ')}`);
  }
  io.stdout.write(`${out.join('\n')}\n`);
  probe.device?.destroy();
  return EXIT.ok;
}
