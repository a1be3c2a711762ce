/** One option of a clarifying question as the customer saw it. */
export interface OfferedOption {
  intent: string;
  label: string;
}

/**
 * The option the customer picked, when the reply names exactly one offered option (a tapped
 * button sends the label; a typed "de eerste" / "the second" / "A" picks by position).
 */
export function matchClarificationChoice(text: string, options: readonly OfferedOption[]): string | null {
  const reply = normalise(text);
  if (!reply) return null;
  const byLabel = options.filter((o) => normalise(o.label) === reply || normalise(o.intent) === reply);
  if (byLabel.length === 1) return byLabel[0]!.intent;
  const position = POSITIONS.findIndex((words) => words.includes(reply));
  return position >= 0 ? (options[position]?.intent ?? null) : null;
}

const POSITIONS: readonly (readonly string[])[] = [
  ['a', '1', 'de eerste', 'eerste', 'het eerste', 'le premier', 'la premiere', 'premier', 'premiere', 'the first', 'first', 'the first one'],
  ['b', '2', 'de tweede', 'tweede', 'het tweede', 'le deuxieme', 'la deuxieme', 'le second', 'la seconde', 'deuxieme', 'second', 'the second', 'the second one'],
];

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
