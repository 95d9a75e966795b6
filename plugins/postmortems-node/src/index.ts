/**
 * What backend modules of the postmortems plugin build on: its extension
 * point and the types of its stores.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './stores';
