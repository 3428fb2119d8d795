import { describe, expect, it } from 'vitest';
import { workerSource } from './task-runner.js';

describe('the worker program', () => {
  it('calls its task loop by a name it binds itself, so a minifier renaming the function does not break it', () => {
    // What a minified build embeds: the same function under another name.
    const minified = workerSource().replace(/function runTasks\(/, 'function Ff(');
    expect(minified).not.toMatch(/function runTasks\(/);
    // The definitions only: the program's last lines start it as a worker.
    const definitions = minified.slice(0, minified.indexOf('if (typeof require'));
    const defines = new Function(`${definitions}\nreturn typeof runTasks === 'function' && typeof start === 'function';`) as () => boolean;
    expect(defines()).toBe(true);
  });
});
