/**
 * Waits until the example backend is up and the catalog has ingested the
 * example entities, so the journeys start from a portal a person would see.
 */
export default async function globalSetup() {
  const backend = 'http://localhost:7007';
  const deadline = Date.now() + 300_000;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const health = await fetch(`${backend}/api/postmortems/health`);
      if (health.ok) {
        const refresh = await fetch(
          `${backend}/api/auth/guest/refresh?env=development`,
          { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
        );
        const token = (await refresh.json())?.backstageIdentity?.token;
        const entity = await fetch(
          `${backend}/api/catalog/entities/by-name/component/default/seikyu-kanri-robo`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        const postmortems = await fetch(
          `${backend}/api/postmortems/postmortems?limit=1`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (
          entity.ok &&
          postmortems.ok &&
          (await postmortems.json()).totalCount > 0
        ) {
          return;
        }
        lastError = `catalog ${entity.status}, postmortems ${postmortems.status}`;
      }
    } catch (e) {
      lastError = String(e);
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`The example app did not come up: ${lastError}`);
}
