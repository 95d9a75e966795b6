/**
 * The postmortems backend plugin: postmortems, action items and reading
 * sessions for Backstage.
 *
 * @packageDocumentation
 */

export { postmortemsPlugin as default } from './plugin';
