import { name, uleb, vec } from './encoding.js';
import { FunctionBuilder, VALTYPE } from './function-builder.js';

/** wasm32 addresses 2³² bytes: 65 536 pages of 64 KiB. */
export const WASM_PAGE = 65536;
export const MAX_PAGES = 65536;

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

/**
 * A WebAssembly module whose only import is a memory (`env.memory`, shared when `shared`) and
 * whose exports are its functions. It has no data segments and no start function, so every
 * thread can instantiate it on the same shared memory without writing to it.
 */
export function buildModule(functions: readonly FunctionBuilder[], options: { shared: boolean; maxPages?: number }): Uint8Array<ArrayBuffer> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  const types = functions.map((f) => [0x60, ...vec(f.paramTypes.map((t) => [VALTYPE[t]])), ...vec(f.results.map((t) => [VALTYPE[t]]))]);
  // Limits flag 0x03: maximum present, shared (threads proposal); 0x01: maximum present.
  const memoryImport = [...name('env'), ...name('memory'), 0x02, options.shared ? 0x03 : 0x01, ...uleb(1), ...uleb(maxPages)];
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(functions.map((_f, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(functions.map((f) => f.encode()))),
  ];
  return new Uint8Array(bytes);
}
