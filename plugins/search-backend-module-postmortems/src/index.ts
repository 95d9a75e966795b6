/**
 * Postmortems in the portal's search: a collator module for the search
 * backend.
 *
 * @packageDocumentation
 */

export { searchModulePostmortemsCollator as default } from './module';
// The document types and their fields are in
// @postmortems/backstage-plugin-postmortems-common (the frontend shows them).
