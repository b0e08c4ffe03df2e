// The records store's one entry module: code outside lib/db imports from here only (ESLint's
// no-restricted-imports keeps it so), so what the store offers is this list and nothing else.
export * from './database';
export * from './errors';
export * from './field-keys';
export * from './filters';
export * from './merge';
export * from './queries';
export * from './record-details';
export * from './records';
export * from './search-tokens';
