import type { Language } from './language.js';

/**
 * Function words per language, accent-folded and lower-case, that carry no topic: left out when
 * judging how much of a question an article covers and when comparing sentences for a summary.
 */
const WORDS: Record<Language, string> = {
  nl: 'de het een en of maar dat die dit deze wat wie waar wanneer hoe waarom ik je jij u uw hij zij ze wij we mijn me mij jouw zijn haar ons onze hun is ben bent was waren wordt worden werd kan kun kunt kunnen moet moeten wil wilt willen heb hebt heeft hebben had zou zouden zal zullen niet geen wel ook al nog er hier daar in op aan van voor met bij naar uit om over door tot te als dan toch dus nu even graag gewoon alsjeblieft aub dank bedankt hallo goedemiddag goedemorgen mag men iets niets veel meer zo ja nee',
  fr: 'le la les l un une des du de d et ou mais que qui quoi ou quand comment pourquoi je j tu vous il elle ils elles nous me m te t se s mon ma mes ton ta tes votre vos son sa ses notre nos leur leurs est suis es sont etait etre ai as a avons avez ont avoir peux peut pouvez pouvons veux veut voulez dois doit devez ne n pas plus aussi encore y en dans sur au aux pour par avec chez sans sous ce cet cette ces ca cela si alors donc merci bonjour bonsoir svp oui non tres bien',
  en: 'the a an and or but that this these those what who where when how why i you he she it we they me my your his her its our their is am are was were be been being do does did have has had can could will would shall should may might must not no yes also still there here in on at of for with by to from about into over as than then so just please thanks thank hello hi good very some any',
};

const SETS: Record<Language, ReadonlySet<string>> = {
  nl: new Set(WORDS.nl.split(' ')),
  fr: new Set(WORDS.fr.split(' ')),
  en: new Set(WORDS.en.split(' ')),
};

/** Whether a lower-case, accent-folded surface word is a function word of the language. */
export function isStopword(word: string, language: Language): boolean {
  return SETS[language].has(word);
}
