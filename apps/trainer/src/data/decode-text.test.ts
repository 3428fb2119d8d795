import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const text = 'naïve café, déjà vu — the quick brown fox. ';

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from(text))).toEqual({ kind: 'text', text, encoding: 'utf-8', bom: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ kind: 'text', text, encoding: 'utf-8', bom: true });
  });

  it('reads Latin-1 as Windows-1252, keeping é and ï apart', () => {
    const d = decodeText(Buffer.from(text.replace('—', '-'), 'latin1'));
    expect(d).toEqual({ kind: 'text', text: text.replace('—', '-'), encoding: 'windows-1252', bom: false });
  });

  it('reads UTF-16 in both byte orders, with a byte-order mark or recognised by its zero bytes', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toMatchObject({ text, encoding: 'utf-16le', bom: true });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text, encoding: 'utf-16be', bom: true });
    expect(decodeText(le)).toMatchObject({ text, encoding: 'utf-16le', bom: false });
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be', bom: false });
  });

  it('keeps mostly-UTF-8 text UTF-8, counting the damaged sequences', () => {
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xff]), Buffer.from(text)]);
    expect(decodeText(bytes)).toEqual({ kind: 'text', text: `${text}\uFFFD${text}`, encoding: 'utf-8', bom: false, replaced: 1 });
  });

  it('calls NUL bytes and many control bytes binary, not a few form feeds or escapes', () => {
    expect(decodeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]))).toEqual({ kind: 'binary', reason: '2 NUL bytes' });
    expect(decodeText(new Uint8Array(200).map((_, i) => (i % 2 ? 0x01 : 0x41)))).toEqual({ kind: 'binary', reason: '100 control bytes' });
    expect(decodeText(Buffer.from(`page one\fpage two \x1b[1mbold\x1b[0m\r\n`))).toMatchObject({ kind: 'text', encoding: 'utf-8' });
  });
});
