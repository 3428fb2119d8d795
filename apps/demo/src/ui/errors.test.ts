import { describe, expect, it } from 'vitest';
import { withoutPrefix } from './errors.js';

describe('error messages', () => {
  it('drops a prefix that repeats the place the error is shown under', () => {
    expect(withoutPrefix('Generate', 'generate: the prompt is empty')).toBe('the prompt is empty');
    expect(withoutPrefix('Train', 'train: the text is empty')).toBe('the text is empty');
    expect(withoutPrefix('Train', 'train settings: lr must be in (0, 1)')).toBe('lr must be in (0, 1)');
    expect(withoutPrefix('Memory explorer', 'memory: batch must be an integer')).toBe('batch must be an integer');
    expect(withoutPrefix('Generate (load checkpoint)', 'CharTokenizer.encode: "Z" …')).toBe('CharTokenizer.encode: "Z" …');
    expect(withoutPrefix('Kernels', 'pick at least one device')).toBe('pick at least one device');
  });
});
