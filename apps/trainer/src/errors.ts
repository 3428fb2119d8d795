import { DeviceError, LightattnError } from '@lightattn/tensor-core';

/**
 * Exit codes of the `lightattn` command. 130 is the shell's code for a process ended by Ctrl-C
 * (128 + SIGINT), so scripts can tell an interrupted run from a failed one.
 */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  nanLoss: 3,
  outOfMemory: 4,
  interrupted: 130,
} as const;

/** An error meant for the person at the terminal: `message` says what happened, `hint` what to do. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A wrong command line: unknown flag, bad value, missing argument. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** The model or a tensor does not fit in the device's memory. */
export class OutOfMemoryError extends CliError {
  override name = 'OutOfMemoryError';
  constructor(message: string, hint?: string) {
    super(message, EXIT.outOfMemory, hint);
  }
}

/** The training loss became NaN or infinite. */
export class NanLossError extends CliError {
  override name = 'NanLossError';
  constructor(message: string, hint?: string) {
    super(message, EXIT.nanLoss, hint);
  }
}

/**
 * Whether `e` is an allocation failure: V8's `RangeError: Array buffer allocation failed` (CPU
 * device), a WebGPU out-of-memory error, or a tensor larger than a binding can hold.
 */
export function isOutOfMemory(e: unknown): boolean {
  if (e instanceof OutOfMemoryError) return true;
  if (!(e instanceof Error)) return false;
  if (e instanceof RangeError) return /allocation failed|Invalid typed array length|Array buffer|out of memory/i.test(e.message);
  // The CPU device wraps V8's RangeError, and the WebGPU device a failed buffer creation, as "could not allocate".
  if (e instanceof DeviceError) return /out-of-memory|out of memory|could not allocate|exceeds the device's maxStorageBufferBindingSize/i.test(e.message);
  return false;
}

/** Errors whose message is already written for users (a library's validation errors, file errors). */
function isExpected(e: unknown): e is Error {
  if (e instanceof CliError || e instanceof LightattnError) return true;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** A file-system error in words: `ENOENT` → "no such file". */
function describeFsError(e: NodeJS.ErrnoException): string {
  const what: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'no space left on the disk',
    EROFS: 'the file system is read-only',
  };
  const path = e.path ?? '';
  return `${path ? `${path}: ` : ''}${what[e.code ?? ''] ?? e.message}`;
}

/**
 * The text printed for an error: `error: message`, an optional hint line, and the stack only with
 * --debug or for an error nobody anticipated (a bug), where it is what a report needs.
 */
export function formatError(e: unknown, debug: boolean): string {
  const lines: string[] = [];
  if (e instanceof CliError) {
    lines.push(`error: ${e.message}`);
    if (e.hint) lines.push(`hint: ${e.hint}`);
  } else if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!)) {
    lines.push(`error: ${describeFsError(e as NodeJS.ErrnoException)}`);
  } else if (e instanceof Error) {
    lines.push(`error: ${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`);
  } else lines.push(`error: ${String(e)}`);
  if (e instanceof Error && (debug || !isExpected(e))) {
    if (e.stack) lines.push(e.stack.split('\n').slice(1).join('\n'));
    if (!debug) lines.push('(this looks like a bug in lightattn; please report it with the command you ran)');
  } else if (!debug && !(e instanceof CliError)) lines.push('(run with --debug for the stack trace)');
  return lines.join('\n');
}

/** The exit code for an error. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof CliError) return e.exitCode;
  if (isOutOfMemory(e)) return EXIT.outOfMemory;
  return EXIT.error;
}
