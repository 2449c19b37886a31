/**
 * The seeded reward catalogue (积分兑换品): one item donated by each co-building member unit
 * (the party organizations beyond the communities' own), collected at that unit's
 * community. Rewards donated by social organizations' units belong to the 润贤思齐 campaign
 * (demo data: the report has social organizations link resources into 润贤银行, not which
 * items). Deterministic: the same ids, titles, costs and stock on every machine. Pure.
 */
import { COMMUNITIES, PARTY_ORGANIZATIONS, RUNXIAN_CAMPAIGN, SeededRandom } from '@sanshe/seed-fixtures';
import type { Account } from './domain/ledger';
import type { Reward } from './domain/redemption';
import { stockEntryId, type StockEntry } from './domain/stock';

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
  // The first 71 are the communities' own party organizations; the rest are member units.
  for (const unit of PARTY_ORGANIZATIONS.slice(COMMUNITIES.length)) {
    const item = rng.pick(ITEMS);
    const cost = rng.int(item.cost[0], item.cost[1]);
    const stock = rng.int(5, 40);
    if (communityIds && !communityIds.has(unit.communityId)) continue;
    const id = `reward-${unit.id}`;
    plan.rewards.push({ _id: id, title: item.title, description: item.description, cost, donorUnitId: unit.id, communityId: unit.communityId, streetId: streetOf.get(unit.communityId) ?? null, active: true, createdAt: seededAt, campaignId: campaignOf(unit) });
    plan.stock.push({ _id: stockEntryId(id, 1), rewardId: id, seq: 1, key: `ADD|initial:${id}`, operation: 'ADD', delta: stock, refused: false, redemptionId: null, at: seededAt, state: { stock } });
    plan.donors.push({ _id: unit.id, kind: 'DONOR', ownerId: unit.id, communityId: unit.communityId });
  }
  return plan;
}
