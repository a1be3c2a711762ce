export { classifyMessage } from './classify-message.js';
export { FLAG_THRESHOLD } from './score-classification.js';
export * from './safety.types.js';
