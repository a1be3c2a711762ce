import { describe, it } from 'vitest';
import { expectCase, type LabelCase } from './classify-message.test-kit.js';

const positives: LabelCase[] = [
  { text: 'this is fucking ridiculous', label: 'swearing', why: 'expletive' },
  { text: 'fck this bank', label: 'swearing', why: 'abbreviation' },
  { text: 'f.u.c.k you', label: 'swearing', why: 'dotted letters' },
  { text: 'f u c k', label: 'swearing', why: 'spaced letters' },
  { text: 'fuuuuuck', label: 'swearing', why: 'repeated letters' },
  { text: 'f*ck off', label: 'swearing', why: 'wildcard' },
  { text: 'sh!t service', label: 'swearing', why: 'leetspeak' },
  { text: 'you are an asshole', label: 'swearing', why: 'insult' },
  { text: 'motherfucker', label: 'swearing', why: 'compound' },
  { text: 'what a load of bullshit', label: 'swearing', why: 'compound' },
  { text: 'stupid cunt', label: 'swearing', why: 'insult' },
  { text: 'piss off', label: 'swearing', why: 'phrase' },
  { text: 'wtf is this', label: 'swearing', why: 'abbreviation' },
  { text: "I'll kill you", label: 'threat', why: 'kill threat' },
  { text: "I'm going to kill you all", label: 'threat', why: 'kill threat' },
  { text: 'I know where you live', label: 'threat', why: 'address threat' },
  { text: "I'm coming to your office with a gun", label: 'threat', why: 'armed visit' },
  { text: "there's a bomb in your building", label: 'threat', why: 'bomb threat' },
  { text: "I'll burn your office down", label: 'threat', why: 'arson' },
  { text: "you're dead, bitch", label: 'threat', why: 'threat outranks swearing' },
  { text: 'go back to your country', label: 'discrimination', why: 'go home' },
  { text: 'dirty immigrant', label: 'discrimination', why: 'group insult' },
  { text: 'you people are retards', label: 'discrimination', why: 'ableist slur' },
  { text: 'faggot', label: 'discrimination', why: 'homophobic slur' },
  { text: 'n1gger', label: 'discrimination', why: 'leet slur' },
  { text: 'women belong in the kitchen', label: 'discrimination', why: 'sexist' },
  { text: 'put me through to someone who speaks proper english', label: 'discrimination', why: 'asks for a native' },
  { text: 'what are you wearing?', label: 'sexual', why: 'sex caller' },
  { text: "I'm so horny", label: 'sexual', why: 'sex caller' },
  { text: 'suck my dick', label: 'sexual', why: 'explicit, outranks swearing' },
  { text: 'send nudes', label: 'sexual', why: 'explicit request' },
  { text: 'blowjob', label: 'sexual', why: 'explicit' },
  { text: "hi I'd like to order a pizza", label: 'spam', why: 'pizza prank' },
  { text: 'buy now http://cheap.ru http://pills.xyz', label: 'spam', why: 'links' },
  { text: 'asdfasdf qwerty zxcvbnm', label: 'spam', why: 'keyboard mash' },
  { text: '🖕', label: 'swearing', why: 'middle finger emoji from the base list' },
];

const negatives: LabelCase[] = [
  { text: "that's not a threat, I just want my money", label: 'ok', why: 'negation, no abuse' },
  { text: "I'm not going to kill you, relax", label: 'ok', why: 'negated threat' },
  { text: "you're not an idiot, the form is confusing", label: 'ok', why: 'negated insult' },
  { text: 'he called me a faggot, is that allowed?', label: 'ok', care: 'abuse_disclosure', why: 'reported slur' },
  { text: 'they keep calling me a retard at school', label: 'ok', care: 'abuse_disclosure', why: 'reported slur' },
  { text: 'my boss said "I will kill you" to me', label: 'ok', care: 'abuse_disclosure', why: 'quoted threat reported' },
  { text: 'what does cunt mean?', label: 'ok', why: 'meaning question' },
  { text: "please don't call me a bitch", label: 'ok', why: 'counter-speech' },
  { text: 'stop saying fuck all the time', label: 'ok', why: 'counter-speech' },
  { text: 'I have a question about sex', label: 'ok', why: 'sex education' },
  { text: 'can I get pregnant the first time?', label: 'ok', why: 'pregnancy question' },
  { text: 'is it normal to be horny all the time?', label: 'ok', why: 'education question with vulgar word' },
  { text: 'I want to die', label: 'ok', care: 'self_harm', why: 'self-harm disclosure' },
  { text: 'I cut myself, everything is shit', label: 'ok', care: 'self_harm', why: 'venting inside a disclosure' },
  { text: 'I was raped last year', label: 'ok', care: 'abuse_disclosure', why: 'rape disclosure is not sexual abuse' },
  { text: 'my stepdad hits me', label: 'ok', care: 'abuse_disclosure', why: 'abuse disclosure' },
  { text: 'I am reading Dickens', label: 'ok', why: 'Scunthorpe: Dickens' },
  { text: 'My assistant lives in Sussex', label: 'ok', why: 'Scunthorpe: assistant, Sussex' },
  { text: 'the analyse step failed in Pennistone', label: 'ok', why: 'Scunthorpe: analyse, Pennistone' },
  { text: 'a cocktail at the Scunthorpe branch', label: 'ok', why: 'Scunthorpe: cocktail, Scunthorpe' },
  { text: 'please pass this to Dick in billing', label: 'ok', why: 'a name' },
  { text: 'I am gay and scared to tell my parents', label: 'ok', why: 'coming out' },
  { text: 'I would kill for a coffee right now', label: 'ok', why: 'idiom' },
  { text: 'the pros and cons of the savings account', label: 'ok', why: 'cons in English' },
  { text: 'where is the queue for billing?', label: 'ok', why: 'queue' },
  { text: 'I will bite the bullet and pay', label: 'ok', why: 'bite in English' },
  { text: 'my email is jane@example.com', label: 'ok', why: 'an e-mail address is not a link' },
  { text: 'a blue tit is nesting in the meter box', label: 'ok', why: 'a bird' },
];

describe('classifyMessage in English', () => {
  describe('flags abuse', () => {
    it.each(positives)('labels "$text" as $label ($why)', (row) => expectCase(row, 'en'));
  });
  describe('leaves hard negatives alone', () => {
    it.each(negatives)('labels "$text" as $label ($why)', (row) => expectCase(row, 'en'));
  });
});
