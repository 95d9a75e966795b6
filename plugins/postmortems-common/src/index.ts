/**
 * Types, schemas, permissions and templates shared by the postmortems
 * frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './schemas';
export * from './templates';
export * from './types';
