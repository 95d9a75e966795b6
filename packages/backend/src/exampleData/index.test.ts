import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import postmortemsPlugin from '@postmortems/backstage-plugin-postmortems-backend';
import { postmortemsExampleDataModule } from '.';
import { examplePostmortems } from './postmortems';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('postmortemsExampleDataModule', () => {
  it('seeds an empty database through the plugin, and only once', async () => {
    const knex = await databases.init('SQLITE_3');
    const start = () =>
      startTestBackend({
        features: [
          postmortemsPlugin,
          postmortemsExampleDataModule,
          mockServices.database.factory({ knex }),
        ],
      });
    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);

    const first = await start();
    const seeded = await count('postmortems');
    expect(seeded).toBe(examplePostmortems(new Date()).length);
    expect(await count('action_items')).toBeGreaterThan(0);
    expect(await count('reading_sessions')).toBeGreaterThan(0);
    await first.stop();

    const second = await start();
    expect(await count('postmortems')).toBe(seeded);
    await second.stop();
  });
});
