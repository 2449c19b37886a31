/**
 * The seeded reward catalogue (积分兑换品): one item donated by each co-building member unit
 * (the party organizations beyond the communities' own), collected at that unit's
 * community, and the donations of the social organizations the report names (社会组织链接资源
 * into 润贤银行). Rewards donated by social organizations' units belong to the 润贤思齐 campaign
 * (demo data: the report names the campaign, not its items). Deterministic: the same ids,
 * titles, costs and stock on every machine. Pure.
 */
import {
  COMMUNITIES,
  communityByName,
  PARTY_ORGANIZATIONS,
  RUNXIAN_CAMPAIGN,
  SeededRandom,
  SOCIAL_ORGANIZATIONS,
} from '@sanshe/seed-fixtures';
import type { Account } from '../domain/ledger';
import type { Reward } from '../domain/redemption';
import { stockEntryId, type StockEntry } from '../domain/stock';

const ITEMS: { title: string; description: string; cost: [number, number] }[] = [
  { title: '爱心大米一袋', description: '5 kg of rice from a co-building unit.', cost: [40, 80] },
  { title: '食用油一桶', description: 'A 5 L can of cooking oil.', cost: [50, 90] },
  { title: '理发券', description: 'One haircut at a partner barber.', cost: [20, 40] },
  { title: '家政服务一次', description: 'Two hours of home cleaning.', cost: [80, 150] },
  { title: '体检券', description: 'A basic health check at the community clinic.', cost: [100, 200] },
  { title: '洗衣液', description: 'A bottle of laundry detergent.', cost: [20, 35] },
  { title: '保温杯', description: 'A vacuum flask.', cost: [30, 60] },
  { title: '图书一册', description: 'A book from the neighbourhood reading room list.', cost: [15, 30] },
  { title: '电影票', description: 'One cinema ticket.', cost: [30, 50] },
  { title: '雨伞', description: 'A folding umbrella.', cost: [20, 35] },
];

/**
 * The report's social organizations link resources into 润贤银行: each donates its own service
 * as a reward, collected in a community it serves. The items are demo data.
 */
export const SOCIAL_ORGANIZATION_DONATIONS: { organization: string; title: string; description: string; cost: number; stock: number }[] = [
  {
    organization: '欣和社工',
    title: '居家探访陪伴一次',
    description: 'A two-hour home visit and companionship for an elderly resident, by 欣和社工.',
    cost: 60,
    stock: 20,
  },
  {
    organization: '阳光社工',
    title: '四点半课堂一周',
    description: 'A week of after-school care for a child, by 阳光社工.',
    cost: 80,
    stock: 15,
  },
  {
    organization: '长乐社工',
    title: '老年书画班一期',
    description: 'A term of the calligraphy and painting class for seniors, by 长乐社工.',
    cost: 70,
    stock: 12,
  },
  {
    organization: '洛阳市心理咨询师协会',
    title: '心理咨询一次',
    description: 'One counselling session with a certified counsellor of the association.',
    cost: 100,
    stock: 10,
  },
];

export interface CataloguePlan {
  rewards: Reward[];
  stock: StockEntry[];
  donors: Account[];
}

/** The campaign a seeded reward belongs to, by the sector of the unit that donates it. */
export const campaignOf = (unit: { sector: string }): string | null => (unit.sector === 'SOCIAL_ORGANIZATION' ? RUNXIAN_CAMPAIGN.id : null);

export function planCatalogue(seededAt: Date, communityIds?: ReadonlySet<string>): CataloguePlan {
  const rng = new SeededRandom('sanshe-credits-rewards');
  const streetOf = new Map(COMMUNITIES.map((c) => [c.id, c.streetId]));
  const plan: CataloguePlan = { rewards: [], stock: [], donors: [] };
  const wuhanRoad = communityByName('武汉路社区').id;
  // The first 71 are the communities' own party organizations; the rest are member units.
  for (const unit of PARTY_ORGANIZATIONS.slice(COMMUNITIES.length)) {
    const item = rng.pick(ITEMS);
    const cost = rng.int(item.cost[0], item.cost[1]);
    const stock = rng.int(5, 40);
    if (communityIds && !communityIds.has(unit.communityId)) continue;
    const id = `reward-${unit.id}`;
    plan.rewards.push({
      _id: id,
      title: item.title,
      description: item.description,
      cost,
      donorUnitId: unit.id,
      donorKind: 'PARTY_ORGANIZATION',
      communityId: unit.communityId,
      streetId: streetOf.get(unit.communityId) ?? null,
      active: true,
      createdAt: seededAt,
      campaignId: campaignOf(unit),
    });
    plan.stock.push({
      _id: stockEntryId(id, 1),
      rewardId: id,
      seq: 1,
      key: `ADD|initial:${id}`,
      operation: 'ADD',
      delta: stock,
      refused: false,
      redemptionId: null,
      at: seededAt,
      state: { stock },
    });
    plan.donors.push({ _id: unit.id, kind: 'DONOR', ownerId: unit.id, communityId: unit.communityId, donorKind: 'PARTY_ORGANIZATION' });
  }
  for (const donation of SOCIAL_ORGANIZATION_DONATIONS) {
    const org = SOCIAL_ORGANIZATIONS.find((o) => o.name === donation.organization)!;
    // 欣和社工 is one of 武汉路社区's organizations: its donation is collected there.
    const communityId = org.communityIds.includes(wuhanRoad) ? wuhanRoad : org.communityIds[0]!;
    if (communityIds && !communityIds.has(communityId)) continue;
    const id = `reward-${org.id}`;
    plan.rewards.push({
      _id: id,
      title: donation.title,
      description: donation.description,
      cost: donation.cost,
      donorUnitId: org.id,
      donorKind: 'SOCIAL_ORGANIZATION',
      communityId,
      streetId: streetOf.get(communityId) ?? null,
      active: true,
      createdAt: seededAt,
    });
    plan.stock.push({
      _id: stockEntryId(id, 1),
      rewardId: id,
      seq: 1,
      key: `ADD|initial:${id}`,
      operation: 'ADD',
      delta: donation.stock,
      refused: false,
      redemptionId: null,
      at: seededAt,
      state: { stock: donation.stock },
    });
    plan.donors.push({ _id: org.id, kind: 'DONOR', ownerId: org.id, communityId, donorKind: 'SOCIAL_ORGANIZATION' });
  }
  return plan;
}
