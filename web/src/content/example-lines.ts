/** Example questions are edited as one per line: empty lines and repeats (case-insensitive) are dropped. */
export function linesToExamples(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const key = line.toLowerCase();
    if (!line || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

export function examplesToLines(examples: readonly string[] | undefined): string {
  return (examples ?? []).join('\n');
}

/** Comma-separated tags to a clean list. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** A confidence as a whole percentage for display. */
export function percent(confidence: number): number {
  return Math.round(confidence * 100);
}
