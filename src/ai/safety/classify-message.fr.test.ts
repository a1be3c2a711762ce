import { describe, it } from 'vitest';
import { expectCase, type LabelCase } from './classify-message.test-kit.js';

const positives: LabelCase[] = [
  { text: 'putain de service de merde', label: 'swearing', why: 'expletives' },
  { text: 'm3rde', label: 'swearing', why: 'leetspeak' },
  { text: 'M E R D E', label: 'swearing', why: 'spaced letters' },
  { text: 'merdeeeee', label: 'swearing', why: 'repeated letters' },
  { text: 'espèce de connard', label: 'swearing', why: 'insult with accents' },
  { text: 'espece de connard', label: 'swearing', why: 'insult without accents' },
  { text: 'ferme ta gueule', label: 'swearing', why: 'ta gueule' },
  { text: 'va te faire foutre', label: 'swearing', why: 'insult phrase' },
  { text: 'fils de pute', label: 'swearing', why: 'insult phrase' },
  { text: 'fdp', label: 'swearing', why: 'abbreviation' },
  { text: 'ntm', label: 'swearing', why: 'abbreviation' },
  { text: 'vous êtes des enculés', label: 'swearing', why: 'enculé' },
  { text: 'quel con celui-là', label: 'swearing', why: 'con in French' },
  { text: 'sale pute', label: 'swearing', why: 'pute' },
  { text: 'ça me fait chier', label: 'swearing', why: 'fait chier' },
  { text: 'je vous emmerde', label: 'swearing', why: 'emmerder at someone' },
  { text: 'je vais te tuer', label: 'threat', why: 'kill threat' },
  { text: 'je vais vous buter', label: 'threat', why: 'kill threat, slang' },
  { text: "je sais où tu habites", label: 'threat', why: 'address threat' },
  { text: 'je vais venir à votre bureau avec un couteau', label: 'threat', why: 'armed visit' },
  { text: 'il y a une bombe dans votre agence', label: 'threat', why: 'bomb threat' },
  { text: "t'es mort, connard", label: 'threat', why: 'threat outranks swearing' },
  { text: 'je vais te casser la gueule', label: 'threat', why: 'beating threat' },
  { text: 'sale arabe', label: 'discrimination', why: 'group insult' },
  { text: 'espèce de pédé', label: 'discrimination', why: 'homophobic slur' },
  { text: 'retourne dans ton pays', label: 'discrimination', why: 'go home' },
  { text: 'les femmes à la cuisine', label: 'discrimination', why: 'sexist' },
  { text: 'bougnoule', label: 'discrimination', why: 'racist slur' },
  { text: 'passez-moi un vrai Français', label: 'discrimination', why: 'asks for a native' },
  { text: 'tu portes quoi là ?', label: 'sexual', why: 'sex caller' },
  { text: 'je me branle en te parlant', label: 'sexual', why: 'sex caller' },
  { text: 'suce ma bite', label: 'sexual', why: 'explicit' },
  { text: 'montre-moi tes seins', label: 'sexual', why: 'explicit request' },
  { text: 'je voudrais commander une pizza', label: 'spam', why: 'pizza prank' },
  { text: 'cliquez ici http://gagner.xyz et www.promo.fr', label: 'spam', why: 'links' },
];

const negatives: LabelCase[] = [
  { text: "je ne suis pas fâché, juste déçu", label: 'ok', why: 'negation, no abuse' },
  { text: "ce n'est pas une menace", label: 'ok', why: 'negated threat word' },
  { text: "tu n'es pas un connard, c'est le système", label: 'ok', why: 'negated insult' },
  { text: "il m'a traité de pédé devant toute la classe", label: 'ok', care: 'abuse_disclosure', why: 'reported slur' },
  { text: 'on me traite de salope au collège, est-ce normal ?', label: 'ok', care: 'abuse_disclosure', why: 'reported insult with question' },
  { text: "elle m'a dit « je vais te tuer »", label: 'ok', care: 'abuse_disclosure', why: 'quoted threat reported' },
  { text: 'ils disent que je suis un mongol, ils ont le droit ?', label: 'ok', why: 'question about a slur' },
  { text: 'que veut dire connard ?', label: 'ok', why: 'meaning question' },
  { text: 'arrête de dire merde', label: 'ok', why: 'counter-speech' },
  { text: "j'ai des questions sur le sexe", label: 'ok', why: 'sex education' },
  { text: 'suis-je enceinte ?', label: 'ok', why: 'pregnancy question' },
  { text: "est-ce normal d'avoir une petite bite ?", label: 'ok', why: 'education question with vulgar word' },
  { text: 'je veux mourir', label: 'ok', care: 'self_harm', why: 'self-harm disclosure' },
  { text: "je me scarifie et tout est de la merde", label: 'ok', care: 'self_harm', why: 'venting inside a disclosure' },
  { text: 'je suis harcelée sur les réseaux', label: 'ok', care: 'abuse_disclosure', why: 'harassment disclosure' },
  { text: 'je voudrais changer mon adresse', label: 'ok', why: 'ordinary request' },
  { text: "j'ai la gueule de bois et je suis bourré de travail", label: 'ok', why: 'base-list words that are ordinary' },
  { text: "il y a une file d'attente, j'attends mon tour", label: 'ok', why: 'ordinary' },
  { text: 'mon chat a mangé la facture', label: 'ok', why: 'chat is a cat' },
  { text: 'je veux le contenu du contrat', label: 'ok', why: 'con inside a word' },
  { text: 'Je suis allé à Condé, la ville de ma tante', label: 'ok', why: 'place name' },
  { text: 'une tapette à mouches', label: 'ok', why: 'fly swatter' },
  { text: 'le vélo a une pédale cassée', label: 'ok', why: 'bike pedal' },
  { text: "j'ai mal aux couilles, c'est grave ?", label: 'ok', why: 'medical question' },
  { text: "mdr", label: 'ok', why: 'laughing' },
];

describe('classifyMessage in French', () => {
  describe('flags abuse', () => {
    it.each(positives)('labels "$text" as $label ($why)', (row) => expectCase(row, 'fr'));
  });
  describe('leaves hard negatives alone', () => {
    it.each(negatives)('labels "$text" as $label ($why)', (row) => expectCase(row, 'fr'));
  });
});
