import {
  AlreadyExistsError,
  authorize,
  BadInputError,
  ConflictError,
  NotFoundError,
  type Connection,
  type PageRequest,
  type Role,
} from '@sanshe/domain-kit';
import { randomUUID } from 'node:crypto';
import { communityScope, type Caller } from './access';
import type { Activity } from './activity-model';
import { optionalText, requiredText } from './validation';

/**
 * 党建创新提升活动 — a party-building campaign (under the "党建+" mechanism) that activities
 * and, in credits, rewards belong to. Activities owns it because its members are activities:
 * a campaign's list of activities is one indexed query here, not a copy fed by events.
 */
export interface Campaign {
  _id: string;
  name: string;
  theme: string | null;
  mechanism: string | null;
  description: string | null;
  /** The report's sentence it comes from; null for campaigns created in the service. */
  citation: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface CampaignStore {
  campaign(id: string): Promise<Campaign | null>;
  insertCampaign(campaign: Campaign): Promise<Campaign>;
  /** A live activity, or null; imported history is read-only. */
  liveActivity(id: string): Promise<Activity | null>;
  isArchived(id: string): Promise<boolean>;
  /** One write on the activity; null when it vanished meanwhile. */
  setActivityCampaign(activityId: string, campaignId: string | null): Promise<Activity | null>;
}

/** One page of one campaign's activities. */
export interface CampaignPageKey {
  campaignId: string;
  page: PageRequest;
}

/** The reads of campaigns and their public activities (live and imported history). */
export interface CampaignReader {
  /** Every campaign, by id. */
  campaigns(): Promise<Campaign[]>;
  campaignsByIds(ids: readonly string[]): Promise<Campaign[]>;
  /** Pages of many campaigns' public activities, in the order asked, in a few queries whatever their number. */
  activityPages(keys: readonly CampaignPageKey[]): Promise<Connection<Activity>[]>;
}

/** Campaigns are public: anyone may list them and their activities. */
export const listCampaigns = (reader: CampaignReader): Promise<Campaign[]> => reader.campaigns();
export const campaignsByIds = (ids: readonly string[], reader: CampaignReader): Promise<Campaign[]> => reader.campaignsByIds(ids);
export const campaignActivityPages = (keys: readonly CampaignPageKey[], reader: CampaignReader): Promise<Connection<Activity>[]> =>
  reader.activityPages(keys);

const CAMPAIGN_ADMINS: readonly Role[] = ['DISTRICT_ADMIN'];
/** Staff with territory over an activity may put it in a campaign or take it out. */
const ACTIVITY_LINKERS: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'];

export interface NewCampaignInput {
  id?: string | null;
  name: string;
  theme?: string | null;
  mechanism?: string | null;
  description?: string | null;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

export async function createCampaign(
  input: NewCampaignInput,
  caller: Caller,
  store: CampaignStore,
  now: Date = new Date(),
): Promise<Campaign> {
  authorize(caller.identity, { action: 'create a campaign', roles: CAMPAIGN_ADMINS });
  const given = input.id?.trim();
  if (given && !ID.test(given))
    throw new BadInputError('id', 'id may hold letters, digits, ".", "_" and "-" only (at most 80 characters).');
  const campaign: Campaign = {
    _id: given || `campaign-${randomUUID()}`,
    name: requiredText('name', input.name, 80),
    theme: optionalText('theme', input.theme, 120),
    mechanism: optionalText('mechanism', input.mechanism, 40),
    description: optionalText('description', input.description, 1000),
    citation: null,
    createdBy: caller.identity.userId ?? 'unknown',
    createdAt: now,
  };
  return store.insertCampaign(campaign).catch((err: unknown) => {
    if (err instanceof AlreadyExistsError)
      throw new ConflictError(`A campaign named ${campaign.name} (or with id ${campaign._id}) already exists; link to it instead.`, {
        field: 'name',
      });
    throw err;
  });
}

/** Puts an activity in a campaign, or takes it out with `campaignId` null. */
export async function linkActivityToCampaign(
  activityId: string,
  campaignId: string | null,
  caller: Caller,
  store: CampaignStore,
): Promise<Activity> {
  authorize(caller.identity, { action: `link activity ${activityId} to a campaign`, roles: ACTIVITY_LINKERS });
  const activity = await store.liveActivity(activityId);
  if (!activity) {
    if (await store.isArchived(activityId))
      throw new BadInputError(
        'activityId',
        `Activity ${activityId} is imported history and read-only; link activities that are still run here.`,
      );
    throw new NotFoundError('Activity', activityId);
  }
  authorize(caller.identity, {
    action: `link activity ${activityId} to a campaign`,
    roles: ACTIVITY_LINKERS,
    scope: communityScope(activity),
  });
  if (campaignId !== null && !(await store.campaign(campaignId))) throw new NotFoundError('Campaign', campaignId);
  const updated = await store.setActivityCampaign(activityId, campaignId);
  if (!updated) throw new NotFoundError('Activity', activityId);
  return updated;
}
