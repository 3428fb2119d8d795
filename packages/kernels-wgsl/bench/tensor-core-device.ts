/// <reference types="@webgpu/types" />
import { getGpu } from '../src/acquire.js';
import { createWebGPUDevice, type WebGPUDevice } from '../src/index.js';

/**
 * A device with subgroup matrices where the GPU has them (Dawn offers the experimental feature, and
 * on NVIDIA/Vulkan shader-f16, only with these toggles), created without the `tensorCores` option so
 * that the benches choose every kernel themselves; on other GPUs the kernels run emulated.
 */
export async function tensorCoreDevice(): Promise<{ device: WebGPUDevice; subgroupMatrices: boolean }> {
  const gpu = await getGpu(['enable-dawn-features=allow_unsafe_apis,vulkan_enable_f16_on_nvidia', 'disable-dawn-features=timestamp_quantization']);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter');
  const features = (['subgroups', 'shader-f16', 'chromium-experimental-subgroup-matrix', 'timestamp-query'] as GPUFeatureName[]).filter((f) => adapter.features.has(f));
  const limits = adapter.limits as unknown as Record<string, number>;
  const requiredLimits = Object.fromEntries(['maxComputeWorkgroupStorageSize', 'maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeInvocationsPerWorkgroup', 'maxStorageBuffersPerShaderStage'].map((k) => [k, limits[k]!]));
  const gpuDevice = await adapter.requestDevice({ requiredFeatures: features, requiredLimits });
  const info = adapter.info as GPUAdapterInfo & { subgroupMatrixConfigs?: { componentType: string; resultComponentType: string; M: number; N: number; K: number }[]; subgroupMinSize?: number; subgroupMaxSize?: number };
  const f16x16 = [...(info.subgroupMatrixConfigs ?? [])].some((c) => c.componentType === 'f16' && c.resultComponentType === 'f32' && c.M === 16 && c.N === 16 && c.K === 16);
  const subgroupMatrices = features.includes('chromium-experimental-subgroup-matrix' as GPUFeatureName) && features.includes('shader-f16') && f16x16 && info.subgroupMinSize === 32 && info.subgroupMaxSize === 32;
  return { device: await createWebGPUDevice({ device: gpuDevice, adapter }), subgroupMatrices };
}
