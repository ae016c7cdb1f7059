import { describe, expect, it } from '@jest/globals';
import { campaignFixture } from '../../support/campaign-fixtures';
import { COUNT_SHARDS, countShardOf, withShardCounts } from '../../../shared/domain/campaigns/count-shards';

const campaign = campaignFixture();

describe("a campaign's count shards", () => {
  it('give a recipient the same shard every time, and spread recipients evenly', () => {
    const ids = Array.from({ length: 3200 }, (_, i) => `reg_${i.toString(36).padStart(8, '0')}`);
    const perShard = new Array<number>(COUNT_SHARDS).fill(0);
    for (const id of ids) {
      const shard = countShardOf(id);
      expect(countShardOf(id)).toBe(shard);
      perShard[shard] = (perShard[shard] ?? 0) + 1;
    }
    // 200 a shard if even; a hash within a quarter of that on every shard.
    expect(Math.min(...perShard)).toBeGreaterThan(150);
    expect(Math.max(...perShard)).toBeLessThan(250);
  });

  it("add every shard's counts to the campaign's own, which campaigns from before the shards kept", () => {
    const counted = withShardCounts({ ...campaign, sent: 3, failed: 1 }, [
      { sent: 2, skipped: 1 },
      { sent: 4, suppressed: 2, failed: -1 },
      {},
    ]);
    expect(counted).toMatchObject({ sent: 9, suppressed: 2, failed: 0, skipped: 1 });
  });
});
