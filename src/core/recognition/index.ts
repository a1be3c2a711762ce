export { foldText, readsAsCompliment, surveyBecomesCompliment, type ComplimentReading } from './recognise-compliment.js';
export { NEGATIVE_PHRASES, NEGATORS, POSITIVE_PHRASES } from './compliment-rules.js';
