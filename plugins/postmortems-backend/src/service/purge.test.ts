import { ConfigReader } from '@backstage/config';
import { PURGE_CONFIG_KEY, purgeRetentionOf } from './purge';

const DAY = 86_400_000;

const configWith = (retention?: unknown) =>
  new ConfigReader(
    retention === undefined
      ? {}
      : { postmortems: { retention: { purgeDeletedAfter: retention } } },
  );

describe('purgeRetentionOf', () => {
  it('keeps deleted postmortems for good unless a retention is configured', () => {
    expect(purgeRetentionOf(configWith())).toBeUndefined();
  });

  it('reads a duration as an object or in ISO 8601', () => {
    expect(purgeRetentionOf(configWith({ days: 90 }))).toBe(90 * DAY);
    expect(purgeRetentionOf(configWith({ weeks: 2 }))).toBe(14 * DAY);
    expect(purgeRetentionOf(configWith('P30D'))).toBe(30 * DAY);
  });

  it('refuses a retention that is not a positive duration, naming the key', () => {
    expect(() => purgeRetentionOf(configWith({ days: 0 }))).toThrow(
      PURGE_CONFIG_KEY,
    );
    expect(() => purgeRetentionOf(configWith('soon'))).toThrow(
      PURGE_CONFIG_KEY,
    );
  });
});
