export { foldAccents } from './fold-accents.js';
export { isLanguage, LANGUAGES, type Language } from './language.js';
export { guessLanguage } from './guess-language.js';
export { stemWord } from './stem-word.js';
export { splitWords, tokenise, type TokeniseOptions } from './tokenise.js';
