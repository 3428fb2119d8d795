import type { Plugin } from 'vite';

/**
 * The WebAssembly CPU device starts its threads from a source text that embeds its task loop with
 * `${runTasks.toString()}` and then calls `runTasks(…)` by name. A minifier renames the function
 * (`function Ff(…)`), so in a minified build the thread's first job throws a ReferenceError, the
 * thread dies inside the job, and the calling thread waits for it forever: training on two or more
 * threads hangs at its first step. Binding the embedded text to the name it is called by makes the
 * thread's program independent of what the minifier calls the function. A package whose source
 * already binds the name is left as it is.
 */
export function workerSourceNames(): Plugin {
  const embedded = '${runTasks.toString()}';
  return {
    name: 'lightattn-worker-source-names',
    enforce: 'pre',
    transform(code, id) {
      if (!/kernels-wasm[\\/](src|dist)[\\/]/.test(id) || !code.includes(embedded) || code.includes(`const runTasks = ${embedded}`)) return null;
      return { code: code.replace(embedded, `const runTasks = ${embedded};`), map: null };
    },
  };
}
