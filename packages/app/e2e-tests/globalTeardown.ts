import fs from 'node:fs';

/** Removes the SQLite folder the journeys' app ran on (see playwright.config.ts). */
export default async function globalTeardown() {
  const dir = process.env.POSTMORTEMS_E2E_SQLITE_DIR_CREATED;
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
