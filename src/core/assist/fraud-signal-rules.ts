import type { LocalizedText } from '../model/index.js';

export type FraudSignalId = 'caller_posing_as_bank' | 'code_shared' | 'asked_for_code' | 'link_in_message' | 'safe_account' | 'remote_access';
export type FraudSeverity = 'high' | 'medium';

export interface FraudSignalRule {
  readonly id: FraudSignalId;
  readonly severity: FraudSeverity;
  /** Matched against lower-case text without accents, curly apostrophes straightened. */
  readonly patterns: readonly RegExp[];
  /** What the agent should do, in the agent's language. */
  readonly advice: Required<Pick<LocalizedText, 'nl' | 'fr' | 'en'>>;
}

const SECRET_NL = '(pincode|pin|code|zuid-?code|wachtwoord|verificatiecode|beveiligingscode)';
const SECRET_FR = '(code pin|code secret|code zuid|code|pin|mot de passe)';
const SECRET_EN = '(pin code|card code|security code|zuid code|pin|code|password|passcode)';
const MINE_NL = '(mijn|m\'n|de|uw|je)';
const MINE_FR = '(mon|ma|mes|le|votre|vos)';
const MINE_EN = '(my|the|our|me my)';
const SAME_SENTENCE = '[^.!?]{0,40}';

/**
 * Phishing and spoofing signals in what a customer writes (NL/FR/EN). Small and explicit on
 * purpose: each pattern is a phrase a fraud desk would recognise; a negation just before or
 * inside a match ("ik heb mijn code niet gegeven") cancels it.
 */
export const FRAUD_SIGNAL_RULES: readonly FraudSignalRule[] = [
  {
    id: 'code_shared',
    severity: 'high',
    patterns: [
      new RegExp(`\\b${MINE_NL} ${SECRET_NL}\\b[^.!?]{0,30}\\b(gegeven|doorgegeven|gezegd|verteld|gestuurd|voorgelezen)\\b`),
      new RegExp(`\\b(gaf|gegeven|doorgegeven|gezegd|verteld)\\b( hem| haar| hen| ze)? ${MINE_NL} ${SECRET_NL}\\b`),
      new RegExp(`\\b(donne|communique|transmis|dit|envoye|lu)\\b( au telephone)? ${MINE_FR} ${SECRET_FR}\\b`),
      new RegExp(`\\b(gave|given|told|shared|sent|read out|passed on)\\b( (him|her|them|the caller|someone|it))?( away)? ${MINE_EN} ${SECRET_EN}\\b`),
      new RegExp(`\\b(my|the) ${SECRET_EN}\\b[^.!?]{0,20}\\b(given|shared|gave away|given away)\\b`),
    ],
    advice: {
      nl: 'De klant gaf een code door: blokkeer meteen kaart en app-toegang, controleer de recente verrichtingen en verwijs naar de fraudedienst.',
      fr: "Le client a donné un code : bloquez tout de suite la carte et l'accès à l'app, vérifiez les opérations récentes et renvoyez vers le service fraude.",
      en: 'The customer gave a code away: block the card and app access at once, check recent transactions and refer to the fraud desk.',
    },
  },
  {
    id: 'safe_account',
    severity: 'high',
    patterns: [/\bveilige (rekening|bankrekening)\b/, /\bcompte (sur|securise|protege)\b/, /\bsafe (account|bank account)\b/],
    advice: {
      nl: "Geld naar een 'veilige rekening' overschrijven is altijd oplichting: laat geen betaling meer uitvoeren en verwijs naar de fraudedienst.",
      fr: "Un virement vers un « compte sûr » est toujours une escroquerie : plus aucun paiement, renvoyez vers le service fraude.",
      en: "Moving money to a 'safe account' is always a scam: stop any further payment and refer to the fraud desk.",
    },
  },
  {
    id: 'remote_access',
    severity: 'high',
    patterns: [
      /\b(app|programma|software)\b[^.!?]{0,30}\b(installeren|geinstalleerd|downloaden|gedownload)\b[^.!?]{0,30}\b(meekijken|op afstand|overnemen)\b/,
      /\b(scherm (delen|gedeeld)|meekijken op (mijn|m'n) (scherm|gsm|telefoon)|overname op afstand)\b/,
      /\b(prise en main a distance|partage d'ecran|partager? (mon|l') ecran|controle a distance)\b/,
      /\b(remote access|screen sharing|share my screen|shared my screen|remote control)\b/,
    ],
    advice: {
      nl: 'Iemand kreeg toegang tot het toestel van de klant: laat de app verwijderen, het toestel loskoppelen in de Zuid App en blokkeer de toegang.',
      fr: "Quelqu'un a eu accès à l'appareil du client : faites supprimer l'app, délier l'appareil dans la Zuid App et bloquez l'accès.",
      en: 'Someone got access to the customer\'s device: have the app removed, the device unlinked in the Zuid App and block access.',
    },
  },
  {
    id: 'caller_posing_as_bank',
    severity: 'medium',
    patterns: [
      new RegExp(`\\b(belde|gebeld|belt|sms'?te|mailde|appte|telefoon)\\b${SAME_SENTENCE}\\bnamens (de |uw |jullie )?bank\\b`),
      new RegExp(`\\bnamens (de |uw |jullie )?bank\\b${SAME_SENTENCE}\\b(gebeld|belde|ge-sms't|gemaild)\\b`),
      /\b(zei|zegt|zeiden) (dat )?(hij|zij|ze|die) van (de|uw|jullie) bank\b/,
      /\b(zogezegd|zogenaamd) van (de|uw|jullie) bank\b/,
      /\bvalse (bankmedewerker|medewerker van de bank)\b/,
      new RegExp(`\\b(appele|appelle|telephone|contacte|sms)\\b${SAME_SENTENCE}\\b(de la part de|au nom de) (la |ma |votre )?banque\\b`),
      /\bse (faisait|fait|faisaient) passer pour (la |ma |votre )?(banque|un (employe|conseiller))/,
      /\bfaux conseiller\b/,
      new RegExp(`\\b(called|phoned|rang|texted|messaged)\\b${SAME_SENTENCE}\\b(on behalf of|from) (the |my |your )?bank\\b`),
      /\bpretend(ed|ing|s)? to be (from )?(the |my |your )?bank\b/,
      /\bsaid (he|she|they) (was|were) from (the|my|your) bank\b/,
    ],
    advice: {
      nl: 'Bank Zuid belt nooit om codes of overschrijvingen te vragen. Vraag wat er werd doorgegeven en blokkeer kaart en app-toegang als dat nodig is.',
      fr: "Bank Zuid n'appelle jamais pour demander un code ou un virement. Demandez ce qui a été communiqué et bloquez carte et accès à l'app si nécessaire.",
      en: 'Bank Zuid never calls to ask for codes or transfers. Ask what was shared and block the card and app access if needed.',
    },
  },
  {
    id: 'asked_for_code',
    severity: 'medium',
    patterns: [
      new RegExp(`\\b(vroeg|vroegen|vraagt|vragen|gevraagd)\\b( me| mij)?( naar| om)? ${MINE_NL} ${SECRET_NL}\\b`),
      new RegExp(`\\b(demande|demandait|demandaient|voulait|reclame|reclamait)\\b( a)? ${MINE_FR} ${SECRET_FR}\\b`),
      new RegExp(`\\b(asked|asking|wanted|requested)\\b( me)?( for)? ${MINE_EN} ${SECRET_EN}\\b`),
    ],
    advice: {
      nl: 'Iemand vroeg de klant om een code: dat is phishing. Zeg dat Bank Zuid nooit een code vraagt en ga na of er iets werd doorgegeven.',
      fr: "Quelqu'un a demandé un code au client : c'est de l'hameçonnage. Dites que Bank Zuid ne demande jamais de code et vérifiez si quelque chose a été communiqué.",
      en: 'Someone asked the customer for a code: that is phishing. Say Bank Zuid never asks for codes and check whether anything was shared.',
    },
  },
  {
    id: 'link_in_message',
    severity: 'medium',
    patterns: [
      /\blink\b[^.!?]{0,30}\b(sms|sms'je|mail|e-mail|whatsapp|bericht|berichtje|text|message|email)\b/,
      /\b(sms|sms'je|mail|e-mail|whatsapp|bericht|berichtje|text|email)\b[^.!?]{0,40}\b(link|lien)\b/,
      /\blien\b[^.!?]{0,30}\b(sms|mail|e-mail|courriel|message|whatsapp)\b/,
      /\b(geklikt op|klikte op|clique sur|clicked( on)?) (een|de|la|le|un|a|the) (link|lien)\b/,
    ],
    advice: {
      nl: 'Een link in een sms of mail is waarschijnlijk phishing. Vraag of de klant er gegevens invulde; zo ja, blokkeer de toegang.',
      fr: "Un lien dans un SMS ou un e-mail est probablement de l'hameçonnage. Demandez si le client y a saisi des données ; si oui, bloquez l'accès.",
      en: 'A link in a text or email is probably phishing. Ask whether the customer entered any details there; if so, block access.',
    },
  },
];
