import {
  COMMUNITIES,
  CONTRACT_YEARS,
  OTHER_SOCIAL_WORKERS,
  SERVICE_CONTRACTS,
  SERVICE_ITEM_CODES,
  SOCIAL_ORGANIZATIONS,
  SOCIAL_WORKERS,
} from './index';

describe('the social-work programme of the seeded district', () => {
  it('has 166 social workers under evaluation: 141 born 2000 or later, 153 with college or above, 33 certified', () => {
    expect(SOCIAL_WORKERS).toHaveLength(166);
    expect(SOCIAL_WORKERS.filter((w) => w.birthDate >= '2000-01-01')).toHaveLength(141);
    expect(SOCIAL_WORKERS.filter((w) => w.birthDate <= '1988-12-31')).toHaveLength(25);
    expect(SOCIAL_WORKERS.filter((w) => ['JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'].includes(w.education))).toHaveLength(153);
    expect(SOCIAL_WORKERS.filter((w) => w.certificate)).toHaveLength(33);
    const orgs = new Map(SOCIAL_ORGANIZATIONS.map((o) => [o.id, o]));
    for (const w of SOCIAL_WORKERS) expect(orgs.get(w.organizationId)?.communityIds).toContain(w.communityId);
  });

  it('has 100多名社工师 district-wide: 72 certified workers besides the 33 of the 166, none under evaluation', () => {
    const all = [...SOCIAL_WORKERS, ...OTHER_SOCIAL_WORKERS];
    expect(all.filter((w) => w.certificate).length).toBe(105);
    expect(OTHER_SOCIAL_WORKERS.every((w) => w.certificate && !w.underTargetEvaluation)).toBe(true);
    expect(SOCIAL_WORKERS.every((w) => w.underTargetEvaluation)).toBe(true);
    expect(new Set(all.map((w) => w.id)).size).toBe(all.length);
    const orgs = new Map(SOCIAL_ORGANIZATIONS.map((o) => [o.id, o]));
    for (const w of OTHER_SOCIAL_WORKERS) expect(orgs.get(w.organizationId)?.communityIds).toContain(w.communityId);
  });

  it('has no senior social worker (高级社工师) under 35, and one over 35 among the certified', () => {
    const seniors = [...SOCIAL_WORKERS, ...OTHER_SOCIAL_WORKERS].filter((w) => w.certificate?.level === 'SENIOR_SOCIAL_WORKER');
    expect(seniors).toHaveLength(1);
    for (const w of seniors) expect(w.birthDate <= '1988-12-31').toBe(true);
  });

  it('posts three certified workers of 欣和社工 in 武汉路社区 and no one else there', () => {
    const wuhanRoad = COMMUNITIES.find((c) => c.name === '武汉路社区')!.id;
    const xinhe = SOCIAL_ORGANIZATIONS.find((o) => o.name === '欣和社工')!.id;
    const there = [...SOCIAL_WORKERS, ...OTHER_SOCIAL_WORKERS].filter((w) => w.communityId === wuhanRoad);
    expect(there).toHaveLength(3);
    for (const w of there) expect(w).toMatchObject({ organizationId: xinhe, certificate: expect.anything() });
  });

  it('buys every service item for every community once in each contract year, from organizations of the field', () => {
    for (const year of CONTRACT_YEARS) {
      const contracts = SERVICE_CONTRACTS.filter((c) => c.startsOn === `${year}-01-01`);
      expect(contracts.length).toBeGreaterThanOrEqual(20);
      expect(contracts.length).toBeLessThanOrEqual(40);
      const pairs = contracts.flatMap((c) => c.itemCodes.flatMap((i) => c.communityIds.map((k) => `${i}@${k}`)));
      expect(new Set(pairs).size).toBe(SERVICE_ITEM_CODES.length * COMMUNITIES.length);
      expect(pairs).toHaveLength(SERVICE_ITEM_CODES.length * COMMUNITIES.length);
    }
    expect(new Set(SERVICE_CONTRACTS.map((c) => c.id)).size).toBe(SERVICE_CONTRACTS.length);
  });
});
