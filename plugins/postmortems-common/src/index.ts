/**
 * Schemas, types, errors, permissions and templates shared by the
 * postmortems frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './enums';
export * from './errors';
export * from './months';
export * from './permissions';
export * from './schemas';
export * from './search';
export * from './templates';
