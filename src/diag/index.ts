export * from './codes.js';
export * from './errors.js';
export * from './line-index.js';
export * from './span.js';
