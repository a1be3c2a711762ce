/**
 * Sentences of a plain text: split after . ! ? … (and line breaks), keeping the punctuation;
 * a full stop inside a number or after a one-letter abbreviation ("3.5", "p. 4") does not split.
 *
 * @example splitSentences('Kaart kwijt? Blokkeer ze in de app. Bel 02 555 01 00.') // ['Kaart kwijt?', 'Blokkeer ze in de app.', 'Bel 02 555 01 00.']
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n|\r?\n/)) {
    let start = 0;
    const pattern = /[.!?…]+["')\]]?(?=\s+|$)/g;
    for (let match = pattern.exec(block); match; match = pattern.exec(block)) {
      const end = match.index + match[0].length;
      const before = block.slice(Math.max(0, match.index - 2), match.index);
      // "p. 4" or "e.g. this": a single letter before the stop is an abbreviation, not an end.
      if (match[0] === '.' && /(^|\s)\p{L}$/u.test(before)) continue;
      push(out, block.slice(start, end));
      start = end;
    }
    push(out, block.slice(start));
  }
  return out;
}

function push(out: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed) out.push(trimmed);
}
