/**
 * Serialises work on one device: a training step, a generation and a checkpoint export each take
 * the lock, so they never interleave on the same model. The training loop releases it between
 * steps, which is what lets the other pages run while a model trains.
 */
export class DeviceLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Waits for the next macrotask. On the CPU device every await of a step resolves as a microtask,
 * so a loop of steps would never let the worker read its next message (pause, stop); yielding a
 * task between steps does.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
