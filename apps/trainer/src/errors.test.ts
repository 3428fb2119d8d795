import { DeviceError, ShapeError } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { CliError, exitCodeOf, EXIT, formatError, isOutOfMemory, NanLossError, OutOfMemoryError, UsageError } from './errors.js';

describe('errors', () => {
  it('recognises allocation failures of each device', () => {
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Invalid typed array length: 4294967296'))).toBe(true);
    expect(isOutOfMemory(new DeviceError('webgpu:0: out-of-memory error in a batch of 3 dispatches'))).toBe(true);
    expect(isOutOfMemory(new DeviceError("webgpu:0: a f32 tensor of 3 GiB exceeds the device's maxStorageBufferBindingSize of 2 GiB"))).toBe(true);
    expect(isOutOfMemory(new OutOfMemoryError('x'))).toBe(true);
    expect(isOutOfMemory(new RangeError('index 5 out of range'))).toBe(false);
    expect(isOutOfMemory(new DeviceError('webgpu:0: validation error'))).toBe(false);
    expect(isOutOfMemory('out of memory')).toBe(false);
  });

  it('maps errors to exit codes', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(EXIT.usage);
    expect(exitCodeOf(new NanLossError('x'))).toBe(EXIT.nanLoss);
    expect(exitCodeOf(new RangeError('Array buffer allocation failed'))).toBe(EXIT.outOfMemory);
    expect(exitCodeOf(new Error('boom'))).toBe(EXIT.error);
  });

  it('prints expected errors without a stack, and unexpected ones (bugs) with it', () => {
    const usage = formatError(new CliError('no such file', 1, 'pass another'), false);
    expect(usage).toBe('error: no such file\nhint: pass another');
    const lib = formatError(new ShapeError('matmul: [2, 3] · [4, 5]'), false);
    expect(lib).toMatch(/^error: ShapeError: matmul/);
    expect(lib).not.toMatch(/\n\s+at /);
    const fs = Object.assign(new Error("ENOENT: no such file or directory, open 'x.txt'"), { code: 'ENOENT', path: 'x.txt' });
    expect(formatError(fs, false)).toMatch(/^error: x\.txt: no such file or folder/);
    const bug = formatError(new TypeError('undefined is not a function'), false);
    expect(bug).toMatch(/\n\s+at /);
    expect(bug).toMatch(/bug/);
    expect(formatError(new CliError('x'), true)).toMatch(/\n\s+at /);
  });
});
