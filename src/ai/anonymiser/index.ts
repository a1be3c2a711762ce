export { anonymise } from './anonymise.js';
export type { AnonymiseOptions, AnonymiseResult, PiiKind, Replacement } from './anonymiser.types.js';
export { isValidBelgianNationalNumber, isValidBsn, isValidCard, isValidIban } from './checksums.js';
export { PLACEHOLDERS } from './placeholders.js';
