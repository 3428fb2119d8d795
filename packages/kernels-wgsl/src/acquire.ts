/// <reference types="@webgpu/types" />
import { DeviceError } from '@lightattn/tensor-core';

/**
 * Finding a GPU: `navigator.gpu` in browsers; in Node the npm package `webgpu` (Dawn), imported
 * dynamically so that browser bundles never need it. Without a GPU, Dawn finds SwiftShader (the
 * software Vulkan driver in Debian's chromium package) through VK_ICD_FILENAMES.
 */

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** How the WebGPU adapter and device are requested: power preference and, in Node, Dawn toggles. */
export interface AcquireOptions {
  powerPreference?: GPUPowerPreference;
  /** Dawn options for `create()` in Node, e.g. `enable-dawn-features=allow_unsafe_apis`. */
  dawnToggles?: readonly string[];
}

const nodeGpus = new Map<string, GPU>();

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/**
 * Points Vulkan at SwiftShader when the machine has no GPU device node (/dev/dri render nodes,
 * /dev/nvidia*), has SwiftShader, and no Vulkan driver was chosen (VK_ICD_FILENAMES /
 * VK_DRIVER_FILES); a machine with a GPU keeps its own driver. Dawn wants XDG_RUNTIME_DIR set.
 */
async function prepareNodeEnvironment(): Promise<void> {
  const env = process.env;
  if (env.VK_ICD_FILENAMES === undefined && env.VK_DRIVER_FILES === undefined) {
    // A variable specifier, so browser bundlers (Vite) do not try to resolve node:fs for this Node-only path.
    const fsModule = 'node:fs';
    const { existsSync, readdirSync } = (await import(/* @vite-ignore */ fsModule)) as typeof import('node:fs');
    const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
    const hasGpuNode = list('/dev/dri').some((f) => f.startsWith('renderD')) || list('/dev').some((f) => /^nvidia\d+$/.test(f));
    if (!hasGpuNode && existsSync(SWIFTSHADER_ICD)) env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  if (env.XDG_RUNTIME_DIR === undefined) env.XDG_RUNTIME_DIR = '/tmp';
}

/** The GPU entry point: navigator.gpu, or Dawn's `create(toggles)` in Node (one instance per toggle set). */
export async function getGpu(dawnToggles: readonly string[] = []): Promise<GPU> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (!isNode()) {
    if (nav?.gpu) return nav.gpu;
    throw new DeviceError(
      'webgpu: this browser exposes no navigator.gpu; use a WebGPU-enabled browser (Chromium with --enable-unsafe-webgpu headless) or the CPU device',
    );
  }
  const key = dawnToggles.join('\n');
  const cached = nodeGpus.get(key);
  if (cached) return cached;
  await prepareNodeEnvironment();
  // A variable specifier keeps bundlers from following the import into browser builds.
  const specifier = 'webgpu';
  let dawn: { create(options: string[]): GPU; globals: object };
  try {
    dawn = (await import(/* @vite-ignore */ specifier)) as typeof dawn;
  } catch (e) {
    throw new DeviceError(`webgpu: could not load the Dawn bindings (npm package "webgpu"): ${(e as Error).message}`);
  }
  // Dawn's GPUBufferUsage, GPUMapMode, … constants live in `globals`.
  for (const [name, value] of Object.entries(dawn.globals)) {
    if (!(name in globalThis)) (globalThis as Record<string, unknown>)[name] = value;
  }
  const gpu = dawn.create([...dawnToggles]);
  nodeGpus.set(key, gpu);
  return gpu;
}

export async function requestAdapter(options: AcquireOptions): Promise<GPUAdapter> {
  const gpu = await getGpu(options.dawnToggles);
  const adapter = await gpu.requestAdapter(options.powerPreference ? { powerPreference: options.powerPreference } : undefined);
  if (!adapter) {
    throw new DeviceError(
      `webgpu: no GPU adapter found${isNode() ? ` (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? 'unset'}; install Debian's chromium package for SwiftShader, or run on a machine with a Vulkan driver)` : ''}`,
    );
  }
  return adapter;
}

/** Limits requested at the adapter's maximum: the defaults (128 MiB bindings, 16 KiB workgroup memory) are far below what GPUs have. */
export const REQUESTED_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
  'maxUniformBufferBindingSize',
] as const;

export const WANTED_FEATURES: readonly GPUFeatureName[] = ['subgroups', 'timestamp-query', 'shader-f16'] as GPUFeatureName[];

/**
 * `tensorCores`: the subgroup-matrix feature is required (an error where missing); `tensorCoresIfPresent`:
 * requested only where the adapter has everything tensorCoresMissing checks.
 */
export async function requestDevice(adapter: GPUAdapter, options: { tensorCores?: boolean; tensorCoresIfPresent?: boolean } = {}): Promise<GPUDevice> {
  const requiredLimits: Record<string, number> = {};
  for (const name of REQUESTED_LIMITS) {
    const v = (adapter.limits as unknown as Record<string, number | undefined>)[name];
    if (typeof v === 'number') requiredLimits[name] = v;
  }
  const requiredFeatures = WANTED_FEATURES.filter((f) => adapter.features.has(f));
  if (options.tensorCores) {
    checkTensorCores(adapter.features, adapter.info ?? null);
    requiredFeatures.push(SUBGROUP_MATRIX_FEATURE);
  } else if (options.tensorCoresIfPresent && tensorCoresMissing(adapter.features, adapter.info ?? null) === null) {
    requiredFeatures.push(SUBGROUP_MATRIX_FEATURE);
  }
  return adapter.requestDevice({ requiredLimits, requiredFeatures, label: 'lightattn' });
}

/**
 * Tensor cores through WebGPU: Dawn's experimental subgroup matrices. In Node, Dawn offers them
 * (and, on NVIDIA/Vulkan, shader-f16) only with these toggles; Chromium needs
 * --enable-unsafe-webgpu and its experimental-features flag.
 */
export const TENSOR_CORE_DAWN_TOGGLES: readonly string[] = ['enable-dawn-features=allow_unsafe_apis,vulkan_enable_f16_on_nvidia'];
export const SUBGROUP_MATRIX_FEATURE = 'chromium-experimental-subgroup-matrix' as GPUFeatureName;

interface SubgroupMatrixConfig {
  componentType: string;
  resultComponentType: string;
  M: number;
  N: number;
  K: number;
}

/**
 * Null when these features and adapter info give f16 → f32 16×16×16 subgroup matrices with
 * subgroups of 32 (what the tensor-core kernels are written for), else what is missing.
 */
export function tensorCoresMissing(features: ReadonlySet<string>, info: GPUAdapterInfo | null): string | null {
  const i = info as (GPUAdapterInfo & { subgroupMatrixConfigs?: readonly SubgroupMatrixConfig[]; subgroupMinSize?: number; subgroupMaxSize?: number }) | null;
  const missing = ['shader-f16', 'subgroups', SUBGROUP_MATRIX_FEATURE].filter((f) => !features.has(f));
  const configs = [...(i?.subgroupMatrixConfigs ?? [])];
  const f16x16 = configs.some((c) => c.componentType === 'f16' && c.resultComponentType === 'f32' && c.M === 16 && c.N === 16 && c.K === 16);
  const sizes = `${i?.subgroupMinSize ?? '?'}–${i?.subgroupMaxSize ?? '?'}`;
  if (!missing.length && f16x16 && i?.subgroupMinSize === 32 && i?.subgroupMaxSize === 32) return null;
  return `this adapter (${i?.description || i?.vendor || 'unknown'}) ${missing.length ? `lacks ${missing.join(', ')}` : !f16x16 ? `offers no such configuration (${configs.map((c) => `${c.componentType}→${c.resultComponentType} ${c.M}×${c.N}×${c.K}`).join(', ') || 'none'})` : `has subgroups of ${sizes}`}`;
}

/** Throws unless these features and adapter info give what the tensor-core kernels need (tensorCoresMissing). */
export function checkTensorCores(features: ReadonlySet<string>, info: GPUAdapterInfo | null): void {
  const missing = tensorCoresMissing(features, info);
  if (missing !== null) {
    throw new DeviceError(
      `webgpu: tensorCores needs f16 → f32 16×16×16 subgroup matrices with subgroups of 32; ${missing}; create the device without tensorCores (the f32 kernels run everywhere)`,
    );
  }
}
