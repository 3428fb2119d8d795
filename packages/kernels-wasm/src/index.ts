// @lightattn/kernels-wasm: the WebAssembly CPU device (128-bit SIMD kernels on every core).
export type { WasmDeviceOptions } from './wasm-device.js';
export { WasmDevice, createWasmDevice, WASM_OPS } from './wasm-device.js';
export { WASM32_MAX_BYTES } from './heap.js';
export { engineFeatures, kernelModuleBytes } from './kernel-module.js';
