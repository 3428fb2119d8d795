import type { Output } from './train/progress.js';

export type { Output };

/** What a command talks to: process streams in the CLI, buffers in tests. */
export interface CommandIo {
  stdout: Output;
  stderr: Output;
  /** Set when the user presses Ctrl-C; long commands finish their step, save, and return. */
  interrupt: { requested: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** An Output that collects text (tests, and commands that build a report before printing it). */
export class BufferOutput implements Output {
  text = '';
  isTTY = false;
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

/** A command: its argv after the command name → exit code. */
export type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;
