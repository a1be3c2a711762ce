export * from './article-diff.js';
