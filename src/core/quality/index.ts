export * from './complaints.js';
export * from './ideas.js';
