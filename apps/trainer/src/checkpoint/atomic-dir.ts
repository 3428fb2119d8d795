import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Called after each file is written and synced; tests use it to simulate a crash mid-write. */
export interface WriteHooks {
  afterFile?(name: string, index: number): void;
  /** Called between the two renames of a re-write (the old folder aside, the new one not yet in place). */
  betweenRenames?(target: string): void;
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
 * window only exists when a checkpoint of the same step is written twice, and recoverTemps puts
 * the new copy in place.
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
    hooks.betweenRenames?.(target);
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

/**
 * Names of the temporaries that writeDirAtomic and writeFileAtomic create for the checkpoint folder's
 * own entries: `.tmp-step-000123-<pid>`, `.tmp-step-000123-old-<pid>`, `.tmp-latest.json-<pid>` and
 * `.tmp-metrics.jsonl-<pid>`. Anything else in the folder, whatever its name, is not the trainer's
 * and is never deleted.
 */
const OWNED_TEMP = /^\.tmp-(step-\d+|latest\.json|metrics\.jsonl)-(old-)?(\d+)$/;

/** What a crashed write left in a folder, and what recovery did with it. */
export interface TempRecovery {
  /** Folders restored under their final name (a crash between the two renames of a re-write). */
  restored: string[];
  /** Leftovers deleted: half-written copies, and old copies whose replacement is in place. */
  removed: string[];
}

/** Whether another process with this id runs now: its temporaries may be a write in progress. */
function otherProcessAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes interrupted writeDirAtomic/writeFileAtomic calls in `dir`, touching only the
 * temporaries those functions name (OWNED_TEMP) and only those of processes that are gone:
 *
 * - `.tmp-X-old-P` exists and `X` does not: the process died between the two renames, after the
 *   new copy `.tmp-X-P` was complete (step 1 ends before step 2 starts). The new copy becomes `X`;
 *   without it, the old copy goes back to `X`. Nothing complete is lost.
 * - `.tmp-X-old-P` with `X` in place: the replacement was published; the old copy is deleted.
 * - `.tmp-X-P` alone: a write that died in step 1 (half written); deleted.
 *
 * With `remove: false` (commands that only read) nothing is deleted; complete copies are still put back.
 */
export function recoverTemps(dir: string, options: { remove?: boolean } = {}): TempRecovery {
  const out: TempRecovery = { restored: [], removed: [] };
  if (!existsSync(dir)) return out;
  const owned = () =>
    readdirSync(dir)
      .map((entry) => ({ entry, m: OWNED_TEMP.exec(entry) }))
      .filter((x) => x.m && !otherProcessAlive(Number(x.m[3])))
      .map(({ entry, m }) => ({ entry, name: m![1]!, old: m![2] !== undefined, pid: m![3]! }));
  for (const t of owned()) {
    if (!t.old) continue;
    const target = join(dir, t.name);
    const fresh = join(dir, `${TEMP_PREFIX}${t.name}-${t.pid}`);
    if (!existsSync(target)) {
      renameSync(existsSync(fresh) ? fresh : join(dir, t.entry), target);
      out.restored.push(t.name);
    }
  }
  if (out.restored.length) syncDir(dir);
  if (options.remove === false) return out;
  for (const t of owned()) {
    rmSync(join(dir, t.entry), { recursive: true, force: true });
    out.removed.push(t.entry);
  }
  return out;
}

/** Removes leftovers of interrupted writes in `dir`, after recovering what they hold (recoverTemps). */
export function removeStaleTemps(dir: string): string[] {
  return recoverTemps(dir).removed;
}
