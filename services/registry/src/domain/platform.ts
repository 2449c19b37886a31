/**
 * 三社联动信息平台 — the district's information platform, as a navigable grouping of the graph.
 * Each module lists the graph's entry points it groups: data, so a front end can build its
 * menus from it and a test can check that every listed field still exists in the supergraph.
 */

export type PlatformModuleKey = 'GOVERNMENT_AFFAIRS' | 'SERVICES' | 'ACTIVITIES' | 'COMMUNITY_NEWS';

export const PLATFORM_MODULE_KEYS: readonly PlatformModuleKey[] = ['GOVERNMENT_AFFAIRS', 'SERVICES', 'ACTIVITIES', 'COMMUNITY_NEWS'];

/** A root field of the supergraph (`Query.x`, `Mutation.x`) or one of its types. */
export interface PlatformEntryPoint {
  kind: 'QUERY' | 'MUTATION' | 'TYPE';
  name: string;
  description: string;
}

export interface PlatformModule {
  key: PlatformModuleKey;
  /** The module's name as the report gives it. */
  name: string;
  description: string;
  entryPoints: readonly PlatformEntryPoint[];
}

const q = (name: string, description: string): PlatformEntryPoint => ({ kind: 'QUERY', name, description });
const m = (name: string, description: string): PlatformEntryPoint => ({ kind: 'MUTATION', name, description });
const t = (name: string, description: string): PlatformEntryPoint => ({ kind: 'TYPE', name, description });

/**
 * The four modules the report names ("集政务通、服务通、活动通、社区动态等于一体"). What each
 * groups is product design: the report names the modules, not their contents.
 */
export const PLATFORM_MODULES: readonly PlatformModule[] = [
  {
    key: 'GOVERNMENT_AFFAIRS',
    name: '政务通',
    description: 'Public affairs: the territory, its party building and co-building, and policy notices.',
    entryPoints: [
      q('district', 'The territory tree.'),
      q('districtOverview', 'The district figures.'),
      q('partyBuildingProfile', "A community's party building."),
      q('regionalPartyCommittees', 'Regional party committees.'),
      q('projectNeeds', 'Co-building needs (精准对接).'),
      q('notices', 'Policy notices (政策告知).'),
      t('Notice', 'A policy notice.'),
    ],
  },
  {
    key: 'SERVICES',
    name: '服务通',
    description: 'Resident services: the 12 categories of services, ordering in one click and tracking an order.',
    entryPoints: [
      q('serviceCatalog', 'The service catalogue.'),
      q('myServiceOrders', "A resident's own orders."),
      q('trackServiceOrder', 'Tracking an order by number (call centre).'),
      m('submitServiceOrder', 'Ordering a service (一键下单).'),
      q('serviceCentres', 'Social-organization service centres.'),
      q('rewards', '润贤银行 rewards.'),
      t('ServiceOrder', 'A service order.'),
    ],
  },
  {
    key: 'ACTIVITIES',
    name: '活动通',
    description: 'Community activities: finding, registering, checking in and volunteering.',
    entryPoints: [
      q('activities', 'Upcoming and past activities.'),
      q('activity', 'One activity.'),
      m('registerForActivity', 'Registering for an activity.'),
      m('checkInToActivity', 'Checking in.'),
      q('activityStats', 'Activity figures.'),
      t('Activity', 'An activity.'),
    ],
  },
  {
    key: 'COMMUNITY_NEWS',
    name: '社区动态',
    description: 'What is happening in a community: its brand, notices, published activities and centres.',
    entryPoints: [
      q('community', 'One community and what it offers.'),
      q('communityBrands', 'Signature brands (一社区一特色).'),
      q('notices', 'Notices.'),
      q('activities', 'Published activities.'),
      t('CommunityCentre', 'Centres of a community, e.g. a neighbourhood centre.'),
    ],
  },
];

export const platformModule = (key: PlatformModuleKey): PlatformModule => PLATFORM_MODULES.find((mod) => mod.key === key)!;

/** The channels the platform is reached through, as the report lists them. */
export const PLATFORM_CHANNELS = ['WEB', 'APP', 'CALL_CENTER', 'DOOR_TO_DOOR'] as const;

export const INFORMATION_PLATFORM = {
  name: '三社联动信息平台',
  description:
    'The district platform that brings 政务通, 服务通, 活动通 and 社区动态 together, on the web, a mobile app, the call centre and door-to-door visits.',
} as const;

/** 信息中心 — the district's information centre, behind the community terminals. */
export const INFORMATION_CENTRE = {
  name: '涧西区信息中心',
  description: 'Runs the platform and the dedicated front-end terminals it equipped communities with, toward 智慧社区.',
} as const;
