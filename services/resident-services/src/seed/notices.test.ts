import { STREETS } from '@sanshe/seed-fixtures';
import { seededNotices } from './notices';

describe('the seeded notices', () => {
  const notices = seededNotices();

  it('gives every street two policy notices that are notices, not events', () => {
    const streetPolicies = notices.filter((n) => n.scope === 'STREET' && n.kind === 'POLICY_NOTICE');
    expect(streetPolicies).toHaveLength(STREETS.length * 2);
    for (const n of streetPolicies) {
      expect(n.title).toMatch(/关于.+的通知$/);
      expect(n.body).toMatch(/请|可/);
    }
  });

  it("never doubles a street name's 街道 nor a community name's 社区", () => {
    for (const n of notices) expect(n.title).not.toMatch(/街道街道|社区社区/);
  });
});
