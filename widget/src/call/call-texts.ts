import type { UiLanguage } from '../i18n/messages.js';

const nl = {
  title: 'Oproep',
  connecting: 'Oproep wordt gestart…',
  ivr: 'Kies met de toetsen hieronder.',
  queued: 'Je bent nummer {position} in de wachtrij — verwachte wachttijd ongeveer {minutes} min',
  queuedSpoken: 'Je bent nummer {position} in de wachtrij. De wachttijd is ongeveer {minutes} minuten.',
  queuedNoPosition: 'Je staat in de wachtrij.',
  ringing: 'Het gaat over…',
  connected: 'Verbonden met {name}',
  connectedNoName: 'Verbonden',
  onHold: 'Je staat even in de wacht.',
  transferring: 'Je wordt doorverbonden…',
  ended: 'Oproep beëindigd',
  keypad: 'Toetsenbord',
  mute: 'Microfoon uit',
  unmute: 'Microfoon aan',
  hangup: 'Ophangen',
  noMicrophone: 'We kunnen je microfoon niet gebruiken. Geef toegang of gebruik de chat.',
};

type CallTexts = Record<keyof typeof nl, string>;

const fr: CallTexts = {
  title: 'Appel',
  connecting: "L'appel démarre…",
  ivr: 'Choisissez avec les touches ci-dessous.',
  queued: "Vous êtes numéro {position} dans la file — attente prévue d'environ {minutes} min",
  queuedSpoken: "Vous êtes numéro {position} dans la file. L'attente est d'environ {minutes} minutes.",
  queuedNoPosition: "Vous êtes dans la file d'attente.",
  ringing: 'Ça sonne…',
  connected: 'En ligne avec {name}',
  connectedNoName: 'En ligne',
  onHold: 'Vous êtes en attente.',
  transferring: 'Nous vous transférons…',
  ended: 'Appel terminé',
  keypad: 'Clavier',
  mute: 'Couper le micro',
  unmute: 'Activer le micro',
  hangup: 'Raccrocher',
  noMicrophone: "Nous ne pouvons pas utiliser votre micro. Autorisez l'accès ou utilisez le chat.",
};

const en: CallTexts = {
  title: 'Call',
  connecting: 'Starting the call…',
  ivr: 'Choose with the keys below.',
  queued: 'You are number {position} in the queue — expected wait about {minutes} min',
  queuedSpoken: 'You are number {position} in the queue. The wait is about {minutes} minutes.',
  queuedNoPosition: 'You are in the queue.',
  ringing: 'Ringing…',
  connected: 'Connected with {name}',
  connectedNoName: 'Connected',
  onHold: 'You are on hold.',
  transferring: 'Transferring you…',
  ended: 'Call ended',
  keypad: 'Keypad',
  mute: 'Mute microphone',
  unmute: 'Unmute microphone',
  hangup: 'Hang up',
  noMicrophone: 'We cannot use your microphone. Allow access or use the chat.',
};

export type CallTextKey = keyof CallTexts;
export const CALL_TEXTS: Record<UiLanguage, CallTexts> = { nl, fr, en };

export function callText(language: UiLanguage, key: CallTextKey, params: Record<string, string | number> = {}): string {
  return CALL_TEXTS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
