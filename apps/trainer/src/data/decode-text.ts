/**
 * Text files as they come: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
 * mark or without one (then recognised by its zero high bytes), and Latin-1 (Windows-1252) when the
 * bytes are not valid UTF-8. A file with NUL or other control bytes that is none of these is
 * binary. Reading Latin-1 as UTF-8 would turn every é and ï into U+FFFD, the same token.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { kind: 'text'; text: string; encoding: TextEncodingName; bom: boolean; /** Invalid UTF-8 sequences read as U+FFFD. */ replaced?: number }
  | { kind: 'binary'; reason: string };

/** Control bytes that do not occur in text: all below 0x20 except tab, LF, FF, CR (and ESC, for ANSI colours). */
const isControl = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b;

/** UTF-16 without a mark: most code units of ASCII-range text have a zero high byte. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4) return null;
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero > 0.6 * units && evenZero < 0.05 * units) return 'utf-16le';
  if (evenZero > 0.6 * units && oddZero < 0.05 * units) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const sixteen = utf16Guess(bytes);
  if (sixteen) return { kind: 'text', text: new TextDecoder(sixteen).decode(bytes), encoding: sixteen, bom: false };
  let nul = 0;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) nul++;
    else if (isControl(b)) control++;
  }
  if (nul) return { kind: 'binary', reason: `${nul} NUL byte${nul === 1 ? '' : 's'}` };
  // A few stray control bytes occur in real text (form feeds, old editors); many mean binary data.
  if (control > Math.max(8, bytes.length / 1000)) return { kind: 'binary', reason: `${control} control bytes` };
  return utf8(bytes, false);
}

/**
 * UTF-8 when it is; otherwise the bytes are UTF-8 with a few damaged sequences (more characters
 * decode as valid multi-byte UTF-8 than fail: the damaged ones become U+FFFD, counted) or
 * Windows-1252 (where é is one byte, E9, which is never valid UTF-8 before an ASCII byte).
 */
function utf8(bytes: Uint8Array, bom: boolean): Decoded {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    let replaced = 0;
    let multiByte = 0;
    for (const c of loose) {
      if (c === '\uFFFD') replaced++;
      else if (c.codePointAt(0)! >= 0x80) multiByte++;
    }
    if (multiByte > replaced) return { kind: 'text', text: loose, encoding: 'utf-8', bom, replaced };
    return { kind: 'text', text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  }
}
