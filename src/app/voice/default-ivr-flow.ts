import type { Line } from '../../core/model/index.js';
import { parseIvrFlow, type IvrFlow } from '../../core/ivr/index.js';

const WELCOME = { nl: 'Welkom bij {name}. Een ogenblik, we verbinden u met een medewerker.', fr: 'Bienvenue chez {name}. Un instant, nous vous mettons en relation avec un conseiller.', en: 'Welcome to {name}. One moment, we are connecting you to an agent.' } as const;

/** A line without a saved flow: a welcome in its languages, then straight to its default queue. */
export function defaultIvrFlow(line: Line): IvrFlow {
  const languages = line.languages.length > 0 ? line.languages : (['nl'] as const);
  const prompt = Object.fromEntries(languages.map((l) => [l, WELCOME[l].replace('{name}', line.name)]));
  return parseIvrFlow({
    languages,
    defaultLanguage: languages[0],
    start: 'welcome',
    nodes: { welcome: { type: 'message', prompt, next: 'queue' }, queue: { type: 'enqueue' } },
  });
}
