import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { engineFeatures, kernelModuleBytes } from './kernel-module.js';
import { sleb, uleb } from './wasm/encoding.js';

describe('the kernel module', () => {
  it('LEB128 encodes as the WebAssembly spec says', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(() => uleb(-1)).toThrow(/not a non-negative integer/);
  });

  it('validates (plain SIMD, with and without a shared memory) in this engine', () => {
    expect(WebAssembly.validate(kernelModuleBytes({ relaxed: false, shared: false }))).toBe(true);
    expect(WebAssembly.validate(kernelModuleBytes({ relaxed: false, shared: true }))).toBe(true);
    const f = engineFeatures();
    expect(f.simd).toBe(true);
    expect(f.threads).toBe(true);
  });

  it('the relaxed-SIMD build validates where the engine has relaxed SIMD (V8 behind a flag in Node 20)', () => {
    const bytes = Buffer.from(kernelModuleBytes({ relaxed: true, shared: true })).toString('base64');
    const script = `process.stdout.write(String(WebAssembly.validate(Buffer.from('${bytes}', 'base64'))))`;
    const flags = engineFeatures().relaxedSimd ? [] : ['--experimental-wasm-relaxed-simd'];
    const r = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true');
    // And it differs from the plain build (it uses f32x4.relaxed_madd).
    expect(Buffer.from(kernelModuleBytes({ relaxed: true, shared: true })).equals(Buffer.from(kernelModuleBytes({ relaxed: false, shared: true })))).toBe(
      false,
    );
  });
});
