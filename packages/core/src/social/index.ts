export * from './comment-text.js';
