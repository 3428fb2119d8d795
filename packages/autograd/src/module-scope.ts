/**
 * The module path stack: `Module.forward` pushes its dotted name (`transformer.h.0.attn`) so the
 * saved-bytes ledger can attribute what each function saves to the module that called it.
 */

const stack: string[] = [];

/** The innermost module path, or '' outside every module. */
export function currentModulePath(): string {
  return stack.length ? stack[stack.length - 1]! : '';
}

/**
 * Runs `fn` with `path` as the current module path. Modules do this themselves; call it directly
 * to label code that is not a Module (a path is absolute: pass the full dotted name).
 */
export function moduleScope<T>(path: string, fn: () => T): T {
  stack.push(path);
  let popNow = true;
  try {
    const out = fn();
    if (out instanceof Promise) {
      popNow = false;
      return out.finally(() => pop(path)) as T;
    }
    return out;
  } finally {
    if (popNow) pop(path);
  }
}

function pop(path: string): void {
  const i = stack.lastIndexOf(path);
  if (i >= 0) stack.splice(i, 1);
}
