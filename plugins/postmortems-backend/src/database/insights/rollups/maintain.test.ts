import { random } from '../../../__testUtils__/random';
import {
  ALICE,
  BOB,
  NOW,
  databases,
  postmortem,
  useTestStores,
} from '../../../__testUtils__/stores';
import { DatabaseInsights } from '../../DatabaseInsights';
import { migrationsDir, migrationsTableName } from '../../migrations';
import { StoreContext } from '../../StoreContext';
import { buildInsightsRollups, readRollupState } from './maintain';
import { ROLLUP_TABLES } from './tally';

jest.setTimeout(180_000);

const ROBO = 'component:default/seikyu-kanri-robo';
const WORKER = 'component:default/billing-batch-worker';
const QUEUE = 'resource:default/billing-job-queue';
const DAY = 86_400_000;
const ZONE = 'Asia/Tokyo';

describe.each(databases.eachSupportedId())(
  'insights rollups on %p',
  databaseId => {
    const { stores, db } = useTestStores(databaseId);

    const insights = (ignoreRollups: boolean, entityRefs: string[]) =>
      new DatabaseInsights(new StoreContext(db(), () => NOW, ZONE), {
        ignoreRollups,
      }).getInsights({ entityRefs, from: '2026-01', to: '2026-12' });

    it('builds beside writes, a few postmortems at a time, and agrees with the statements', async () => {
      const r = random(21);
      const refs = [ROBO, WORKER, QUEUE];
      const create = async (i: number) => {
        const pm = await stores.postmortems.createPostmortem(
          postmortem({
            title: `Incident ${i}`,
            entityRefs: refs.filter(() => r.next() < 0.6).concat(r.pick(refs)),
            startedAt: new Date(
              Date.parse('2026-02-01T00:00:00Z') + r.int(280) * DAY,
            ).toISOString(),
            detectedAt: null,
            severity: r.pick(['sev1', 'sev2', 'sev3'] as const),
          }),
          ALICE,
        );
        for (let j = 0; j < 3; j++) {
          await stores.actionItems.createActionItem(
            pm.id,
            {
              title: `Item ${i}.${j}`,
              owner: r.pick([ALICE, BOB, undefined]),
              dueDate: `2026-11-0${1 + r.int(9)}`,
              status: r.pick(['open', 'done'] as const),
            },
            ALICE,
          );
        }
        return pm;
      };
      const before = [];
      for (let i = 0; i < 24; i++) before.push(await create(i));

      // The build and the writes race; each batch holds the state's lock.
      const writes = (async () => {
        for (let i = 0; i < 12; i++) {
          const target = before[r.int(before.length)];
          const { items } = await stores.actionItems.listActionItems({
            postmortemId: target.id,
          });
          if (items[0]) {
            await stores.actionItems.updateActionItem(
              items[0].id,
              items[0].version,
              { status: items[0].status === 'done' ? 'open' : 'done' },
              BOB,
            );
          }
          await create(100 + i);
        }
        await stores.postmortems.deletePostmortem(before[0].id, ALICE);
      })();
      const [counted] = await Promise.all([
        buildInsightsRollups(db(), ZONE, { batchSize: 3 }),
        writes,
      ]);
      expect(counted).toBeGreaterThanOrEqual(24);
      expect(await readRollupState(db())).toMatchObject({
        timezone: ZONE,
        complete: true,
      });
      for (const scope of [[ROBO], refs, []]) {
        expect(await insights(false, scope)).toEqual(
          await insights(true, scope),
        );
      }
    });

    it('starts over in another zone, and counts nothing twice when built again', async () => {
      await stores.postmortems.createPostmortem(
        postmortem({ startedAt: '2026-10-31T15:30:00.000Z' }),
        ALICE,
      );
      expect(await buildInsightsRollups(db(), 'UTC')).toBe(1);
      expect(await buildInsightsRollups(db(), 'UTC')).toBe(0);
      const months = async () => [
        ...new Set(
          (await db()('insights_incidents').where({ scope: ROBO })).map(
            row => row.month,
          ),
        ),
      ];
      expect(await months()).toEqual(['2026-10']);
      expect(await buildInsightsRollups(db(), ZONE)).toBe(1);
      expect(await months()).toEqual(['2026-11']);
    });

    it('migrates its tables down and up again', async () => {
      const config = {
        directory: migrationsDir,
        tableName: migrationsTableName,
      };
      await stores.postmortems.createPostmortem(
        postmortem({ startedAt: '2026-10-31T15:30:00.000Z' }),
        ALICE,
      );
      expect(await buildInsightsRollups(db(), ZONE)).toBe(1);
      // The later migrations of insights first, newest first.
      for (const name of [
        '20261204000001_insights_incident_dimensions.js',
        '20261204000000_insights_versions.js',
        '20261203000001_insights_rollups.js',
      ]) {
        await db().migrate.down({ ...config, name });
      }
      expect(await db().schema.hasTable('insights_versions')).toBe(false);
      for (const table of [...ROLLUP_TABLES, 'insights_rollup_state']) {
        expect([table, await db().schema.hasTable(table)]).toEqual([
          table,
          false,
        ]);
      }
      await db().migrate.latest(config);
      for (const table of [
        ...ROLLUP_TABLES,
        'insights_rollup_state',
        'insights_versions',
      ]) {
        expect([table, await db().schema.hasTable(table)]).toEqual([
          table,
          true,
        ]);
      }
      expect(
        await db().schema.hasColumn('insights_incidents', 'dimension'),
      ).toBe(true);
      // The state was reset on the way down and up: counted anew.
      expect(await readRollupState(db())).toMatchObject({ complete: false });
      expect(await buildInsightsRollups(db(), ZONE)).toBe(1);
      expect(
        await db()('insights_incidents')
          .where({ scope: ROBO })
          .orderBy('dimension')
          .select('month', 'dimension'),
      ).toEqual([
        { month: '2026-11', dimension: 'detection' },
        { month: '2026-11', dimension: 'severity' },
      ]);
    });
  },
);
