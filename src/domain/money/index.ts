export * from './decimal.js';
export * from './fen.js';
export * from './percent.js';
export * from './rounding.js';
export * from './phrase.js';
