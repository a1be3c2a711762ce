import type { Language } from '../core/model/index.js';

/** What simulated customers say on the demo lines: an opening question, follow-ups, a goodbye. */
export interface DemoScript {
  lineId: string;
  language: Language;
  topicId?: string;
  context?: { page: string; selfServiceSteps: string[] };
  lines: string[];
}

export const DEMO_SCRIPTS: DemoScript[] = [
  {
    lineId: 'ln_bankzuid', language: 'nl', topicId: 'kaart',
    context: { page: '/help/kaart-blokkeren', selfServiceSteps: ['FAQ: kaart blokkeren gelezen', 'Kaart blokkeren in de app: mislukt'] },
    lines: ['Goedendag, ik ben mijn bankkaart kwijt en de app lukt niet.', 'Ik had hem gisteren nog in de supermarkt.', 'Top, dank je wel voor de hulp!'],
  },
  {
    lineId: 'ln_bankzuid', language: 'fr',
    context: { page: '/aide/hospitalisation', selfServiceSteps: ['FAQ assurance hospitalisation lue'] },
    lines: ['Bonjour, ma mère est hospitalisée, comment déclarer cela ?', "Elle est à l'hôpital depuis lundi.", 'Merci beaucoup, bonne journée.'],
  },
  {
    lineId: 'ln_bankzuid', language: 'en',
    lines: ['Hi, I cannot log in to online banking since the update.', 'I use the app on Android.', 'That worked, thanks a lot!'],
  },
  {
    lineId: 'ln_kinderlijn', language: 'nl',
    lines: ['hoi ik word gepest op school', 'ze zeggen elke dag gemene dingen in de groepsapp', 'oke ik ga het proberen. dankje'],
  },
  {
    lineId: 'ln_kinderlijn', language: 'nl',
    lines: ['mijn ouders gaan scheiden en ik weet niet bij wie ik moet wonen', 'ik durf het niet te zeggen tegen mijn mama', 'bedankt dat je luisterde'],
  },
  {
    lineId: 'ln_energienoord', language: 'nl', topicId: 'verhuizing',
    lines: ['Ik verhuis volgende maand, hoe geef ik mijn meterstanden door?', 'Het nieuwe adres is in dezelfde gemeente.', 'Helemaal duidelijk, bedankt.'],
  },
];
