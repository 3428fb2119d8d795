import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Called after each file is written and synced; tests use it to simulate a crash mid-write. */
export interface WriteHooks {
  afterFile?(name: string, index: number): void;
}

export interface FileEntry {
  name: string;
  data: Uint8Array | string;
}

/** Prefix of folders being written; they are never read as checkpoints and are removed on the next save. */
export const TEMP_PREFIX = '.tmp-';

/** Writes all of `data` to a new file and fsyncs it, so a rename after this publishes complete bytes. */
function writeFileSynced(path: string, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(path, 'w');
  try {
    let at = 0;
    while (at < bytes.byteLength) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync of a folder makes the renames and new names in it durable (POSIX; a no-op where unsupported). */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes `files` into the folder `target` so that `target` is either absent, its previous complete
 * contents, or the new complete contents — never a mix, whatever moment the process dies:
 *
 * 1. write every file into `.tmp-<name>-<pid>` next to it, fsync each file and the folder;
 * 2. if `target` exists, rename it aside (`.tmp-<name>-old-<pid>`);
 * 3. rename the temporary folder to `target` (atomic on POSIX) and fsync the parent;
 * 4. delete the old folder.
 *
 * A crash in 1 leaves only a `.tmp-` folder, ignored by readers and removed by the next save. A
 * crash between 2 and 3 leaves no `target` but both complete folders under `.tmp-` names; that
 * window only exists when a checkpoint of the same step is written twice.
 */
export function writeDirAtomic(target: string, files: readonly FileEntry[], hooks: WriteHooks = {}): void {
  const parent = dirname(target);
  const name = basename(target);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `${TEMP_PREFIX}${name}-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  files.forEach((f, i) => {
    writeFileSynced(join(temp, f.name), f.data);
    hooks.afterFile?.(f.name, i);
  });
  syncDir(temp);
  let old: string | null = null;
  if (existsSync(target)) {
    old = join(parent, `${TEMP_PREFIX}${name}-old-${process.pid}`);
    rmSync(old, { recursive: true, force: true });
    renameSync(target, old);
  }
  renameSync(temp, target);
  syncDir(parent);
  if (old) rmSync(old, { recursive: true, force: true });
}

/** Replaces one file atomically: a synced temporary file renamed over it. */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${process.pid}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSynced(temp, data);
  renameSync(temp, path);
  syncDir(dirname(path));
}

/** Removes leftovers of interrupted writes in `dir` (this process's own are removed as it goes). */
export function removeStaleTemps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
