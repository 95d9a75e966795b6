import { ConflictError } from '@backstage/errors';
import {
  ALICE,
  BOB,
  databases,
  postmortem,
  EVERY_CANDIDATE,
  useTestStores,
} from '../__testUtils__/stores';

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'DatabaseReadingSessions on %p',
  databaseId => {
    const { stores } = useTestStores(databaseId);

    it('keeps reading sessions and counts readings of held ones', async () => {
      const pick = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      const held = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-10-15T06:00:00.000Z',
          postmortemId: pick.id,
          status: 'held',
          participants: [ALICE, BOB],
          notes: 'アラートの重要度を話し合った',
        },
        ALICE,
      );
      const planned = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-11-25T06:00:00.000Z',
          postmortemId: pick.id,
        },
        ALICE,
      );
      await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/billing-team',
          scheduledAt: '2026-11-01T06:00:00.000Z',
        },
        ALICE,
      );
      expect(planned).toMatchObject({
        status: 'planned',
        durationMinutes: 30,
        participants: [],
        version: 1,
      });
      expect(
        (await stores.postmortems.getPostmortem(pick.id))!.readings,
      ).toEqual({
        count: 1,
        lastReadAt: '2026-10-15T06:00:00.000Z',
      });

      const sre = await stores.readingSessions.listReadingSessions({
        ownerGroup: 'group:default/sre',
      });
      expect(sre.items.map(s => s.id)).toEqual([planned.id, held.id]);
      expect(
        (
          await stores.readingSessions.listReadingSessions({
            from: '2026-11-01T00:00:00.000Z',
            to: '2026-12-01T00:00:00.000Z',
          })
        ).totalCount,
      ).toBe(2);
      const paged = await stores.readingSessions.listReadingSessions({
        limit: 2,
      });
      expect(paged.nextCursor).toBeDefined();
      expect(
        (
          await stores.readingSessions.listReadingSessions({
            limit: 2,
            cursor: paged.nextCursor,
          })
        ).items,
      ).toHaveLength(1);

      const updated = await stores.readingSessions.updateReadingSession(
        planned.id,
        1,
        { facilitator: ALICE, postmortemId: null, durationMinutes: 45 },
        BOB,
      );
      expect(updated).toMatchObject({
        version: 2,
        facilitator: ALICE,
        durationMinutes: 45,
      });
      expect(updated.postmortemId).toBeUndefined();
      await expect(
        stores.readingSessions.updateReadingSession(
          planned.id,
          1,
          { notes: 'x' },
          BOB,
        ),
      ).rejects.toThrow(ConflictError);

      const candidates = await stores.readingSessions.suggestionCandidates(
        'group:default/sre',
        EVERY_CANDIDATE,
      );
      expect(candidates.postmortems.map(p => p.id)).toEqual([pick.id]);
      expect(candidates.pickedForUpcoming).toEqual([]);
      expect(candidates.lastCoveredAt).toEqual({
        'component:default/seikyu-kanri-robo': '2026-10-15T06:00:00.000Z',
      });
      await stores.readingSessions.updateReadingSession(
        planned.id,
        2,
        { postmortemId: pick.id },
        BOB,
      );
      expect(
        (
          await stores.readingSessions.suggestionCandidates(
            'group:default/sre',
            EVERY_CANDIDATE,
          )
        ).pickedForUpcoming,
      ).toEqual([pick.id]);
      expect(
        (
          await stores.readingSessions.suggestionCandidates(
            'group:default/billing-team',
            EVERY_CANDIDATE,
          )
        ).pickedForUpcoming,
      ).toEqual([]);
    });
  },
);
