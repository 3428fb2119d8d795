import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CharTokenizer, GPT2Tokenizer, type Tokenizer } from '@lightattn/gpt2-model';
import { CliError } from '../errors.js';
import { BROWN_CORPUS, loadBrownCorpus } from './brown-corpus.js';
import { decodeText } from './decode-text.js';

export type TokenizerName = 'gpt2' | 'char';

/** How a tokenizer is stored in a checkpoint (tokenizer.json), so eval and sample use the same one. */
export type TokenizerSpec = { type: 'gpt2' } | { type: 'char'; chars: string[]; eos: boolean };

/** Where the text comes from; stored in checkpoints so `--resume` and `eval` read the same data. */
export interface DataSpec {
  /** Text files (absolute paths), or ['brown'] for the default corpus. */
  sources: string[];
  /** Held-out text files; when absent the last `valFraction` of the tokens is the validation split. */
  valSources: string[] | null;
  valFraction: number;
  /** Read at most this many characters of each source list (null: all). */
  maxChars: number | null;
}

export interface TokenData {
  train: Int32Array;
  val: Int32Array;
  tokenizer: Tokenizer;
  tokenizerSpec: TokenizerSpec;
  /** Characters of text read. */
  chars: number;
}

/** Largest file read whole: V8's strings end at 2²⁹ − 24 UTF-16 units, and UTF-8 text has at least one byte per unit. */
const MAX_TEXT_BYTES = 2 ** 29 - 24;

/**
 * The first `maxBytes` bytes of a file (a --max-chars run needs at most 4 bytes per character), cut
 * before a UTF-8 sequence the cut would split, so the prefix
 * decodes as the whole file would.
 */
function readPrefix(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(maxBytes);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    let end = at;
    for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
      if (buf[i]! >= 0xc0) end = i; // a lead byte: drop it and what follows (maybe incomplete)
      if (buf[i]! < 0x80 || buf[i]! >= 0xc0) break;
    }
    return buf.subarray(0, end);
  } finally {
    closeSync(fd);
  }
}

/** A text file's contents, decoded (see decodeText); binary files are refused, other encodings noted. */
function readTextFile(path: string, flag: string, say?: (text: string) => void, maxBytes: number | null = null): string {
  const decoded = decodeText(maxBytes === null || statSync(path).size <= maxBytes ? readFileSync(path) : readPrefix(path, maxBytes));
  if (decoded.kind === 'binary') {
    throw new CliError(`${flag}: ${path} is not a text file (${decoded.reason})`, undefined, 'pass plain text files (UTF-8, UTF-16 or Latin-1)');
  }
  if (decoded.replaced) {
    say?.(
      `note: ${flag}: ${path} is UTF-8 with ${decoded.replaced} invalid byte sequence${decoded.replaced === 1 ? '' : 's'}, read as U+FFFD; fix the file if that text matters`,
    );
  } else if (decoded.encoding !== 'utf-8') {
    const name =
      decoded.encoding === 'windows-1252'
        ? 'Latin-1 (Windows-1252), as it is not valid UTF-8'
        : `${decoded.encoding.toUpperCase()}${decoded.bom ? '' : ' (no byte-order mark; recognised by its zero bytes)'}`;
    say?.(`note: ${flag}: ${path} is read as ${name}; convert it to UTF-8 if that is wrong`);
  }
  return decoded.text;
}

/**
 * Reads the sources as one text; missing, binary and folder paths are named with `flag` (the
 * option they came from). Files that are not UTF-8 are decoded by their encoding, with a note to `say`.
 */
export function readSources(sources: readonly string[], maxChars: number | null, flag = '--data', say?: (text: string) => void): string {
  const limit = maxChars ?? Infinity;
  if (!sources.length) throw new CliError(`${flag}: no file names given`, undefined, `name at least one text file, e.g. ${flag} corpus.txt`);
  if (sources.length === 1 && sources[0] === BROWN_CORPUS) return loadBrownCorpus(limit);
  const parts: string[] = [];
  let total = 0;
  for (const path of sources) {
    if (path === BROWN_CORPUS) {
      parts.push(loadBrownCorpus(limit - total));
    } else {
      if (!existsSync(path))
        throw new CliError(
          `${flag}: ${path}: no such file`,
          undefined,
          flag === '--data'
            ? 'pass text files that exist, or leave --data out for the default corpus (Brown)'
            : `pass text files that exist, or leave ${flag} out`,
        );
      const stat = statSync(path);
      if (stat.isDirectory()) throw new CliError(`${flag}: ${path} is a folder; pass the text files in it`);
      // A device or pipe (/dev/zero, /dev/stdin) may never end; a string holds at most 2²⁹ − 24 characters.
      if (!stat.isFile())
        throw new CliError(`${flag}: ${path} is not a regular file (a device, pipe or socket)`, undefined, 'save the text to a file and pass that');
      if (stat.size > MAX_TEXT_BYTES && maxChars === null) {
        throw new CliError(
          `${flag}: ${path} has ${stat.size} bytes, more than the ${MAX_TEXT_BYTES} that one text can hold here`,
          undefined,
          'read a part of it with --max-chars N, or split it into files of under 512 MB',
        );
      }
      parts.push(readTextFile(path, flag, say, maxChars === null ? null : (limit - total) * 4 + 4));
    }
    total += parts[parts.length - 1]!.length;
    if (total >= limit) break;
  }
  const text = parts.join('\n');
  if (!text.length) throw new CliError(`${flag}: ${sources.join(', ')} holds no text`);
  return text.length > limit ? text.slice(0, limit) : text;
}

/** Absolute paths for file sources ('brown' stays as it is). */
export function resolveSources(sources: readonly string[]): string[] {
  return sources.map((s) => (s === BROWN_CORPUS ? s : resolve(s)));
}

export function tokenizerFromSpec(spec: TokenizerSpec): Tokenizer {
  return spec.type === 'gpt2' ? new GPT2Tokenizer() : CharTokenizer.fromJSON(spec);
}

export function specOfTokenizer(tokenizer: Tokenizer): TokenizerSpec {
  if (tokenizer instanceof CharTokenizer) return tokenizer.toJSON();
  return { type: 'gpt2' };
}

/**
 * Reads and tokenizes the data. A character tokenizer's vocabulary is every character of the train
 * and validation text (so encoding never fails), unless `tokenizer` fixes it (a resumed run).
 */
export function loadTokenData(spec: DataSpec, tokenizer: TokenizerName | TokenizerSpec, say?: (text: string) => void): TokenData {
  const text = readSources(spec.sources, spec.maxChars, '--data', say);
  const valText = spec.valSources ? readSources(spec.valSources, spec.maxChars, '--val-data', say) : null;
  const tok =
    typeof tokenizer === 'object'
      ? tokenizerFromSpec(tokenizer)
      : tokenizer === 'gpt2'
        ? new GPT2Tokenizer()
        : CharTokenizer.fromText(valText ? text + valText : text);
  const ids = Int32Array.from(tok.encode(text));
  let train = ids;
  let val: Int32Array;
  if (valText !== null) val = Int32Array.from(tok.encode(valText));
  else {
    if (!(spec.valFraction >= 0 && spec.valFraction < 1)) throw new CliError(`--val-fraction must be in [0, 1), got ${spec.valFraction}`);
    const cut = ids.length - Math.floor(ids.length * spec.valFraction);
    train = ids.subarray(0, cut);
    val = ids.subarray(cut);
  }
  return { train, val, tokenizer: tok, tokenizerSpec: specOfTokenizer(tok), chars: text.length + (valText?.length ?? 0) };
}
