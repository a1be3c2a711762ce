import { describe, expect, it } from 'vitest';
import { isPersonRequest } from './detect-person-request.js';

describe('isPersonRequest', () => {
  it.each([
    'ik wil een medewerker spreken',
    'Mag ik iemand spreken?',
    'kan ik met een mens praten',
    'verbind me door met een medewerker aub',
    'medewerker graag',
    "je veux parler à quelqu'un",
    'Je veux parler à quelqu’un svp',
    'un conseiller svp',
    'mettez-moi en relation avec un conseiller',
    'human please',
    'can I talk to an agent',
    'agent',
    'Agent!',
    'I want a human',
  ])('does see a request for a person in "%s"', (text) => {
    expect(isPersonRequest(text)).toBe(true);
  });

  it.each([
    'ik ben zelf medewerker van een bedrijf',
    'mijn kaart is gestolen, hoe blokkeer ik die?',
    'iemand heeft mijn kaart gestolen',
    'ik heb al met iemand gesproken over mijn limiet',
    'ik wil geen medewerker spreken, gewoon het antwoord',
    "je suis agent immobilier et j'ai une question",
    "I don't want to talk to an agent",
    'I am an insurance agent, how do I change my address?',
    'my travel agent booked with my card',
  ])('does not see a request for a person in "%s"', (text) => {
    expect(isPersonRequest(text)).toBe(false);
  });
});
