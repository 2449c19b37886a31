import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type AccountKind =
  /** A donor of rewards (a co-building unit or a social organization); redeemed points go to its account. */
  | 'DONOR'
  /** The district's issuing account: earning debits it, so the whole ledger sums to zero. */
  | 'ISSUING'
  /** A resident who deposits good deeds. */
  | 'RESIDENT';

/** 活动 — an activity held in a community (a neighbourhood-school class, a teahouse afternoon…). */
export type Activity = {
  attendedCount: Scalars['Int']['output'];
  /** The party-building campaign it belongs to, if any. */
  campaign?: Maybe<Campaign>;
  capacity: Scalars['Int']['output'];
  /** A category code: NEIGHBOURHOOD_SCHOOL, MY_VEGETABLE_GARDEN, PEOPLES_TEAHOUSE, PARTY_BUILDING, ENVIRONMENTAL_CLASS… */
  category: Scalars['String']['output'];
  community: Community;
  description?: Maybe<Scalars['String']['output']>;
  endsAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organizer: ActivityOrganizer;
  /** Seats, waiting places, attendances and no-shows in registration order. Staff of the activity only. Imported history keeps its attendances in residents' records instead. */
  registrations: Array<ActivityRegistration>;
  seatsLeft: Scalars['Int']['output'];
  seatsTaken: Scalars['Int']['output'];
  startsAt: Scalars['String']['output'];
  status: ActivityStatus;
  title: Scalars['String']['output'];
  /** The venue booked for the activity, if any. */
  venue?: Maybe<Venue>;
  /** Staff of the activity only. */
  volunteerShifts: Array<VolunteerShift>;
  waitlistLength: Scalars['Int']['output'];
};

export type ActivityConnection = {
  edges: Array<ActivityEdge>;
  pageInfo: ActivityPageInfo;
};

export type ActivityEdge = {
  cursor: Scalars['String']['output'];
  node: Activity;
};

export type ActivityFilter = {
  category?: InputMaybe<Scalars['String']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** Activities starting before this ISO 8601 date-time. */
  startsBefore?: InputMaybe<Scalars['String']['input']>;
  /** Activities starting at or after this ISO 8601 date-time. */
  startsFrom?: InputMaybe<Scalars['String']['input']>;
  /** Public statuses only (PUBLISHED, CANCELLED, COMPLETED); default PUBLISHED and COMPLETED. */
  statuses?: InputMaybe<Array<ActivityStatus>>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

/** 文体团队 — residents who meet regularly at a venue (a square-dance team, a choir…). */
export type ActivityGroup = {
  community: Community;
  id: Scalars['ID']['output'];
  /** A code such as SQUARE_DANCE or CHOIR. */
  kind: Scalars['String']['output'];
  memberCount: Scalars['Int']['output'];
  /** Staff serving the community only. */
  members: Array<Resident>;
  name: Scalars['String']['output'];
};

export type ActivityOrganizer = Community | PartyOrganization | SocialOrganization;

export type ActivityOrganizerInput = {
  id: Scalars['ID']['input'];
  kind: ActivityOrganizerKind;
};

export type ActivityOrganizerKind =
  | 'COMMUNITY'
  | 'PARTY_ORGANIZATION'
  | 'SOCIAL_ORGANIZATION';

export type ActivityPageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** 活动报名 — a resident's seat, or waiting place, at an activity. */
export type ActivityRegistration = {
  activity: Activity;
  /** The one-time check-in code of a seat. Only for the resident themself and staff of the activity. */
  checkInCode?: Maybe<Scalars['String']['output']>;
  checkedInAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  registeredAt?: Maybe<Scalars['String']['output']>;
  resident: Resident;
  status: ActivityRegistrationStatus;
  /** 1 for the first resident waiting; null unless WAITLISTED. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
};

export type ActivityRegistrationStatus =
  | 'ATTENDED'
  | 'CANCELLED'
  | 'NO_SHOW'
  | 'REGISTERED'
  | 'WAITLISTED';

export type ActivityStats = {
  /** Activities held (published or completed; cancelled ones are taken back). */
  activities: Scalars['Int']['output'];
  byCategory: Array<ActivityStatsLine>;
  byCommunity: Array<ActivityStatsLine>;
  byMonth: Array<ActivityStatsLine>;
  /** Confirmed attendances. */
  participations: Scalars['Int']['output'];
  /** District-wide over all time (no argument): which figures come from the report, and from which sentence. Empty otherwise; breakdowns are demo data. */
  sources: Array<FigureSource>;
};

export type ActivityStatsLine = {
  activities: Scalars['Int']['output'];
  /** The category code, month (YYYY-MM) or community id the line counts. */
  key: Scalars['String']['output'];
  participations: Scalars['Int']['output'];
};

/** Inclusive months YYYY-MM; either end may be left open. */
export type ActivityStatsPeriod = {
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

export type ActivityStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'PUBLISHED';

export type AddRewardInput = {
  /** Omit for a district-wide reward (district admins only). */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  cost: Scalars['Int']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  donorKind?: InputMaybe<RewardDonorKind>;
  /** The donor's id: a party organization's (co-building unit) or, with donorKind SOCIAL_ORGANIZATION, a social organization's. */
  donorUnitId: Scalars['ID']['input'];
  stock: Scalars['Int']['input'];
  title: Scalars['String']['input'];
};

export type AmendServiceContractInput = {
  budgetYuan?: InputMaybe<Scalars['Float']['input']>;
  /** A new end date: later extends the claim (refused with CONFLICT when that overlaps), earlier shortens it. */
  endsOn?: InputMaybe<Scalars['String']['input']>;
  kpiTargets?: InputMaybe<KpiTargetsInput>;
  note?: InputMaybe<Scalars['String']['input']>;
};

/**
 * 年检与党建体检 — the yearly record that holds the annual inspection (工作年检) and the
 * party-building checkup (党建体检) together, one per organization and year.
 */
export type AnnualReview = {
  inspection: Inspection;
  organization: SocialOrganization;
  partyCheckup: PartyCheckup;
  recordedAt: Scalars['String']['output'];
  year: Scalars['Int']['output'];
};

export type AssignServiceOrderWorkersInput = {
  id: Scalars['ID']['input'];
  /** One social worker, or a team (at most 10), all of the organization the order is dispatched to. Replaces those assigned before. */
  socialWorkerIds: Array<Scalars['ID']['input']>;
};

export type AssignServicePostInput = {
  closesAt: Scalars['String']['input'];
  communityId: Scalars['ID']['input'];
  endsOn?: InputMaybe<Scalars['String']['input']>;
  holderId: Scalars['ID']['input'];
  opensAt: Scalars['String']['input'];
  place: Scalars['String']['input'];
  /** ISO date (YYYY-MM-DD). */
  startsOn: Scalars['String']['input'];
  title: Scalars['String']['input'];
  weekdays: Array<Weekday>;
};

/** A social worker of the provider serving the order. */
export type AssignedSocialWorker = {
  /** The surname and asterisks (张**): what the resident is shown. */
  maskedName: Scalars['String']['output'];
  /** The worker's record, for those social-orgs lets read it. */
  socialWorker: SocialWorker;
};

/** Who took an order on the resident's behalf (call centre, door to door), and the resident's consent. */
export type AssistedIntake = {
  consentMethod: ConsentMethod;
  /** The user who entered it. */
  enteredBy: Scalars['ID']['output'];
  staffMemberId: Scalars['ID']['output'];
  staffMemberName: Scalars['String']['output'];
};

export type AttendeeKind =
  /** A key staff member: one of the organization's social workers. */
  | 'KEY_STAFF'
  /** A party member of the organization's branch (registry's PartyMember). */
  | 'PARTY_MEMBER';

export type AttributeAnswer = {
  code: Scalars['String']['output'];
  value?: Maybe<Scalars['String']['output']>;
  values: Array<Scalars['String']['output']>;
};

export type AttributeAnswerInput = {
  code: Scalars['String']['input'];
  /** The answer of a single-valued attribute. */
  value?: InputMaybe<Scalars['String']['input']>;
  /** The answers of a MULTI_VALUE_LIST attribute. */
  values?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The Open311 datatypes of an intake attribute. */
export type AttributeDatatype =
  | 'DATETIME'
  | 'MULTI_VALUE_LIST'
  | 'NUMBER'
  | 'SINGLE_VALUE_LIST'
  | 'STRING'
  | 'TEXT';

export type AttributeValue = {
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type BalanceCorrection = {
  accountId: Scalars['ID']['output'];
  cachedBalance: Scalars['Int']['output'];
  postedBalance: Scalars['Int']['output'];
};

export type BookVenueInput = {
  endsAt: Scalars['String']['input'];
  /** The group that holds the booking; or give holderName. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  holderName?: InputMaybe<Scalars['String']['input']>;
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** On the hour or half hour, within the venue's opening hours. */
  startsAt: Scalars['String']['input'];
  venueId: Scalars['ID']['input'];
};

/** 党建创新提升活动 — a party-building campaign under the "党建+" mechanism that activities (here) and rewards (in credits) belong to. */
export type Campaign = {
  /** Its public activities, live and imported history, by id. */
  activities: ActivityConnection;
  /** The report's sentence it comes from; null for campaigns created in the service. */
  citation?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The working mechanism it belongs to, e.g. 党建+. */
  mechanism?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Rewards of the 润贤银行 catalogue that belong to the campaign, by id. */
  rewards: Array<Reward>;
  /** The campaign's motto, e.g. 传承红色基因、凝聚发展合力. */
  theme?: Maybe<Scalars['String']['output']>;
};


/** 党建创新提升活动 — a party-building campaign under the "党建+" mechanism that activities (here) and rewards (in credits) belong to. */
export type CampaignActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CategoryCount = {
  category: ServiceCategory;
  count: Scalars['Int']['output'];
};

export type CentreCounts = {
  community: Scalars['Int']['output'];
  district: Scalars['Int']['output'];
  street: Scalars['Int']['output'];
};

export type CentreOffering = {
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type CentreOfferingInput = {
  description: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type Certificate = {
  certifiedOn: Scalars['String']['output'];
  level: CertificateLevel;
  number?: Maybe<Scalars['String']['output']>;
};

export type CertificateLevel =
  | 'ASSISTANT_SOCIAL_WORKER'
  | 'SENIOR_SOCIAL_WORKER'
  | 'SOCIAL_WORKER';

export type CertificationInput = {
  certifiedOn: Scalars['String']['input'];
  level: CertificateLevel;
  number?: InputMaybe<Scalars['String']['input']>;
};

export type ChannelCount = {
  channel: ServiceChannel;
  count: Scalars['Int']['output'];
};

export type CloseServiceOrderInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** 1 (very unsatisfied) … 5 (very satisfied) */
  satisfaction: Scalars['Int']['input'];
};

export type CoBuildingMembership = {
  committee: RegionalPartyCommittee;
  /** ISO date (YYYY-MM-DD). */
  joinedOn: Scalars['String']['output'];
};

export type CoBuildingResourceCategory =
  | 'EXPERTISE'
  | 'FUNDING'
  | 'MATERIALS'
  | 'OTHER'
  | 'VENUE'
  | 'VOLUNTEERS';

/** 社区 — a neighbourhood community (the residents' committee and its territory). */
export type Community = {
  /** Published activities of the community, soonest first. */
  activities: Array<Activity>;
  /** Residents' groups that meet at the community's venues. */
  activityGroups: Array<ActivityGroup>;
  brand?: Maybe<CommunityBrand>;
  /** The community's centres: its party-mass service centre, its neighbourhood centre. */
  centres: Array<CommunityCentre>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Notices that reach the community — its own, its street's and the district's — newest first. Public. */
  notices: Array<Notice>;
  partyBuilding: PartyBuildingProfile;
  /** Activities published in this community, as learned from the activities subgraph's events. */
  publishedActivityCount: Scalars['Int']['output'];
  /** Every community has exactly one regional party committee. */
  regionalPartyCommittee: RegionalPartyCommittee;
  /** Registered residents, from a counter the registry maintains (no personal data). */
  residentCount: Scalars['Int']['output'];
  serviceHall?: Maybe<ServiceHall>;
  /**
   * Service orders submitted in the community, newest first; the open ones unless `statuses` is given.
   * For staff of the community, its street or the district, and the community's social workers.
   */
  serviceOrders: Array<ServiceOrder>;
  /** The community-level social-organization service station. Public. */
  socialOrgServiceCentre?: Maybe<ServiceCentre>;
  /** Social organizations serving the community. Public. */
  socialOrganizations: Array<SocialOrganization>;
  /**
   * Social workers posted in the community. Needs DISTRICT_ADMIN, STREET_STAFF of its
   * street or COMMUNITY_STAFF of the community; otherwise null with FORBIDDEN / UNAUTHENTICATED.
   */
  socialWorkers?: Maybe<Array<SocialWorker>>;
  street: Street;
  streetId: Scalars['ID']['output'];
  /** The platform's front-end terminals in this community. */
  terminals: Array<CommunityTerminal>;
  /** Published activities that have not ended yet, soonest first. */
  upcomingActivities: Array<Activity>;
  /** Urban communities have a service hall; rural ones are village-style. */
  urban: Scalars['Boolean']['output'];
  /** Rooms and open spaces the community lends out. */
  venues: Array<Venue>;
  /**
   * Residents of the community with the most points earned (spending does not lower it), best
   * first. Visible to staff and social workers of the community and to its residents.
   */
  virtueRanking: Array<VirtueRank>;
};


/** 社区 — a neighbourhood community (the residents' committee and its territory). */
export type CommunityNoticesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<NoticeKind>;
};


/** 社区 — a neighbourhood community (the residents' committee and its territory). */
export type CommunityServiceOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<ServiceOrderStatus>>;
};


/** 社区 — a neighbourhood community (the residents' committee and its territory). */
export type CommunityUpcomingActivitiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 社区 — a neighbourhood community (the residents' committee and its territory). */
export type CommunityVirtueRankingArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 一社区一特色 — the one signature brand a community is known for. */
export type CommunityBrand = {
  community: Community;
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type CommunityBrandInput = {
  description: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

/** 邻里中心 / 党群服务中心 — a centre a community runs for its residents, with its rooms and what it offers. */
export type CommunityCentre = {
  /** The report's sentence this centre comes from; null for demo centres. */
  citation?: Maybe<Scalars['String']['output']>;
  community: Community;
  id: Scalars['ID']['output'];
  investments: Array<Investment>;
  kind: CommunityCentreKind;
  name: Scalars['String']['output'];
  offerings: Array<CentreOffering>;
  rooms: Array<Scalars['String']['output']>;
};

export type CommunityCentreKind =
  | 'NEIGHBOURHOOD_CENTRE'
  | 'PARTY_MASS_SERVICE_CENTRE';

export type CommunityCount = {
  community: Community;
  count: Scalars['Int']['output'];
};

/** 信息平台前端专用设备 — a dedicated front-end terminal of the platform in a community. */
export type CommunityTerminal = {
  community: Community;
  id: Scalars['ID']['output'];
  kind: TerminalKind;
  /** Where in the community it stands. */
  location: Scalars['String']['output'];
  /** The platform modules it serves. */
  modules: Array<PlatformModule>;
  name: Scalars['String']['output'];
  registeredAt: Scalars['String']['output'];
  status: TerminalStatus;
  /** ISO date-time of the last status change. */
  statusChangedAt: Scalars['String']['output'];
  /** Why it is in its status (required for MAINTENANCE). */
  statusNote?: Maybe<Scalars['String']['output']>;
};

export type ConsentInput = {
  given: Scalars['Boolean']['input'];
  method: ConsentMethod;
};

export type ConsentMethod =
  | 'SIGNED'
  | 'THUMBPRINT'
  | 'VERBAL';

export type ContractAmendment = {
  amendedAt: Scalars['String']['output'];
  budgetYuan?: Maybe<Scalars['Float']['output']>;
  endsOn?: Maybe<Scalars['String']['output']>;
  note?: Maybe<Scalars['String']['output']>;
};

export type ContractPerformance = {
  /** Mean satisfaction 1–5, two decimals; null before the first order. */
  averageSatisfaction?: Maybe<Scalars['Float']['output']>;
  lastClosedAt?: Maybe<Scalars['String']['output']>;
  /** Whether every set target is met; null before the first order. */
  meetsTargets?: Maybe<Scalars['Boolean']['output']>;
  /** ordersOnTime / ordersCompleted, two decimals; null before the first order. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  ordersCompleted: Scalars['Int']['output'];
  ordersOnTime: Scalars['Int']['output'];
};

export type ContractStatus =
  /** Signed and not past its end date. */
  | 'ACTIVE'
  /** Ended early. */
  | 'ENDED'
  /** Ran to its end date. */
  | 'EXPIRED';

/** One person's attendance of one course. */
export type CourseAttendance = {
  course: PartyTrainingCourse;
  hoursCredited: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  kind: AttendeeKind;
  organization: SocialOrganization;
  partyMember?: Maybe<PartyMember>;
  socialWorker?: Maybe<SocialWorker>;
};

export type CourseTopic =
  | 'ORGANIZATION_MANAGEMENT'
  | 'PARTY_AFFAIRS'
  | 'PARTY_THEORY'
  | 'PROFESSIONAL_SKILLS';

export type CreateActivityGroupInput = {
  communityId: Scalars['ID']['input'];
  kind: Scalars['String']['input'];
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name: Scalars['String']['input'];
};

export type CreateActivityInput = {
  capacity: Scalars['Int']['input'];
  category: Scalars['String']['input'];
  communityId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt: Scalars['String']['input'];
  /** Defaults to the community. */
  organizer?: InputMaybe<ActivityOrganizerInput>;
  startsAt: Scalars['String']['input'];
  title: Scalars['String']['input'];
  /** Books this venue of the community for the activity's time; refused with CONFLICT when it is taken. */
  venueId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateCampaignInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  mechanism?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  theme?: InputMaybe<Scalars['String']['input']>;
};

export type CreateCommunityInput = {
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  serviceHall?: InputMaybe<ServiceHallInput>;
  streetId: Scalars['ID']['input'];
  urban: Scalars['Boolean']['input'];
};

export type CreatePartyOrganizationInput = {
  /** Omitted for a street-level organization. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  kind: PartyOrganizationKind;
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
  sector: PartyOrganizationSector;
  streetId: Scalars['ID']['input'];
  unitName?: InputMaybe<Scalars['String']['input']>;
};

export type CreateStreetInput = {
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
};

export type CreateVenueInput = {
  allowsOverlap?: InputMaybe<Scalars['Boolean']['input']>;
  capacity: Scalars['Int']['input'];
  communityId: Scalars['ID']['input'];
  kind: VenueKind;
  name: Scalars['String']['input'];
  openingHours: Array<VenueOpeningHoursInput>;
};

export type DispatchServiceOrderInput = {
  /** Let the community's own staff handle it, without a provider. */
  handleInCommunity?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  /** A provider holding a contract for the item in the community; omitted, the least loaded one is chosen. */
  providerOrgId?: InputMaybe<Scalars['ID']['input']>;
};

/** 区 — the district, root of the territory tree. */
export type District = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The district tier of 区-街道-社区三级联动: the party-building committee above the streets' working committees. Public. */
  partyCommittee: DistrictPartyCommittee;
  population: Scalars['Int']['output'];
  streets: Array<Street>;
};

/** A district-wide linkage meeting: committees of several streets (and their communities) brought together by the district. */
export type DistrictLinkageMeeting = {
  /** The street and community committees that took part. */
  committees: Array<RegionalPartyCommittee>;
  decisions: Array<Scalars['String']['output']>;
  /** YYYY-MM-DD. */
  heldOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The streets those committees lie in. */
  streets: Array<Street>;
  topic: Scalars['String']['output'];
};

export type DistrictLinkageMeetingConnection = {
  edges: Array<DistrictLinkageMeetingEdge>;
  pageInfo: PageInfo;
};

export type DistrictLinkageMeetingEdge = {
  cursor: Scalars['String']['output'];
  node: DistrictLinkageMeeting;
};

export type DistrictOverview = {
  activeServicePosts: Scalars['Int']['output'];
  coBuildingPartyOrganizations: Scalars['Int']['output'];
  communities: Scalars['Int']['output'];
  communityBrands: Scalars['Int']['output'];
  partyMembers: Scalars['Int']['output'];
  partyOrganizations: Scalars['Int']['output'];
  regionalPartyCommittees: Scalars['Int']['output'];
  residents: Scalars['Int']['output'];
  ruralCommunities: Scalars['Int']['output'];
  /** Which of these figures come from the report, and from which sentence; the others (party members, residents, service posts, brands) are demo data. */
  sources: Array<FigureSource>;
  /** Service halls meeting the "三个统一" standard. */
  standardisedServiceHalls: Scalars['Int']['output'];
  streets: Scalars['Int']['output'];
  urbanCommunities: Scalars['Int']['output'];
};

/**
 * 区域化党建工作委员会 — the district's party-building committee, top tier of the three-level linkage
 * (区-街道-社区三级联动): its members are the streets' regional party working committees, and it convenes
 * district-wide linkage meetings of street and community committees.
 */
export type DistrictPartyCommittee = {
  district: District;
  id: Scalars['ID']['output'];
  /** District-wide linkage meetings, ordered by id; streetId keeps those a street's committees took part in. `first` 1–100 (default 20). */
  linkageMeetings: DistrictLinkageMeetingConnection;
  /** The streets' regional party working committees: the middle tier, one per street. */
  memberCommittees: Array<RegionalPartyCommittee>;
  name: Scalars['String']['output'];
};


/**
 * 区域化党建工作委员会 — the district's party-building committee, top tier of the three-level linkage
 * (区-街道-社区三级联动): its members are the streets' regional party working committees, and it convenes
 * district-wide linkage meetings of street and community committees.
 */
export type DistrictPartyCommitteeLinkageMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

export type EarningReason =
  | 'ATTENDANCE'
  /** Seeded history, aggregated per resident and month. */
  | 'HISTORY'
  | 'ORDER_HELP'
  | 'VOLUNTEER_HOURS';

/**
 * 积分规则 — how good deeds turn into points. Every change makes a new version; postings keep
 * the version they used.
 */
export type EarningRules = {
  attendancePoints: Scalars['Int']['output'];
  dailyCap: Scalars['Int']['output'];
  /** Points expire this many whole months after the month they were earned in; null: never. */
  expiryMonths?: Maybe<Scalars['Int']['output']>;
  monthlyCap: Scalars['Int']['output'];
  orderHelpPoints: Scalars['Int']['output'];
  pointsPerVolunteerHour: Scalars['Int']['output'];
  updatedAt: Scalars['String']['output'];
  updatedBy?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type EarningRulesInput = {
  attendancePoints: Scalars['Int']['input'];
  dailyCap: Scalars['Int']['input'];
  expiryMonths?: InputMaybe<Scalars['Int']['input']>;
  monthlyCap: Scalars['Int']['input'];
  orderHelpPoints: Scalars['Int']['input'];
  pointsPerVolunteerHour: Scalars['Int']['input'];
};

export type Education =
  | 'BACHELOR'
  /** 大专: counts as college. */
  | 'JUNIOR_COLLEGE'
  | 'JUNIOR_HIGH_OR_BELOW'
  | 'POSTGRADUATE'
  | 'SENIOR_HIGH';

export type EscalationReason =
  | 'RESOLUTION_OVERDUE'
  | 'RESPONSE_OVERDUE';

/** 目标考评 — a social worker's annual target evaluation; one per worker and year. */
export type Evaluation = {
  /** EXCELLENT makes a worker an award candidate. */
  awardCandidate: Scalars['Boolean']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  /** Workers evaluated that year. */
  evaluatedCount: Scalars['Int']['output'];
  grade: EvaluationGrade;
  /** Closed service orders the worker served that year, counted into the evaluation from resident-services' closed orders. */
  ordersServed: Scalars['Int']['output'];
  /** 1 + the number of workers evaluated higher the same year, district-wide. */
  rank: Scalars['Int']['output'];
  /** 0–100. */
  score: Scalars['Float']['output'];
  /** EXCELLENT while certified and posted in a community makes a worker a candidate for the community two committees (两委). */
  twoCommitteesCandidate: Scalars['Boolean']['output'];
  year: Scalars['Int']['output'];
};

export type EvaluationGrade =
  /** Score 90 or more. */
  | 'EXCELLENT'
  /** Below 60. */
  | 'FAIL'
  /** 80 to 89.9. */
  | 'GOOD'
  /** 60 to 79.9. */
  | 'PASS';

export type EvaluationInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  score: Scalars['Float']['input'];
  year: Scalars['Int']['input'];
};

export type EvaluationTarget = {
  name: Scalars['String']['output'];
  score: Scalars['Float']['output'];
  /** Weights of an evaluation's targets add up to 100. */
  weight: Scalars['Int']['output'];
};

export type EvaluationTargetInput = {
  name: Scalars['String']['input'];
  score: Scalars['Float']['input'];
  weight: Scalars['Int']['input'];
};

export type ExpiryReport = {
  accountsExpired: Scalars['Int']['output'];
  asOf: Scalars['String']['output'];
  /** Points earned in this month or before were due. */
  earnedUpTo?: Maybe<Scalars['String']['output']>;
  expiredPoints: Scalars['Int']['output'];
  /** More accounts are due; run again. */
  hasMore: Scalars['Boolean']['output'];
};

/**
 * A figure that reproduces the source report (东方今报: 洛阳市涧西区：“三社联动”打通服务群众“最后一公里”),
 * with the report's sentence. Figures of the same object that no source names are demo data.
 */
export type FigureSource = {
  /** The report's sentence, shortened. */
  citation: Scalars['String']['output'];
  /** The field that serves the figure, e.g. "communities". */
  field: Scalars['String']['output'];
  /** The figure as the report states it, e.g. "71" or "15万人次". */
  reported: Scalars['String']['output'];
};

export type FundedKind =
  | 'COMMUNITY_CENTRE'
  | 'INFORMATION_CENTRE'
  | 'INFORMATION_PLATFORM'
  | 'SOCIAL_ORG_SERVICE_CENTRES';

export type GenerateRotaInput = {
  cycleIndex?: InputMaybe<Scalars['Int']['input']>;
  cycleWeeks?: InputMaybe<Scalars['Int']['input']>;
  eveningStartsAt?: InputMaybe<Scalars['String']['input']>;
  groupIds: Array<Scalars['ID']['input']>;
  slotMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Slots each group gets per cycle, evenings first; unset, every evening slot is shared and daytime stays free. */
  slotsPerGroup?: InputMaybe<Scalars['Int']['input']>;
  venueId: Scalars['ID']['input'];
};

/** 信息中心 — the district's information centre, which runs the platform and the community terminals. */
export type InformationCentre = {
  description: Scalars['String']['output'];
  investments: Array<Investment>;
  name: Scalars['String']['output'];
  onlineTerminalCount: Scalars['Int']['output'];
  terminalCount: Scalars['Int']['output'];
};

/** 三社联动信息平台 — the district's information platform. */
export type InformationPlatform = {
  /** How residents reach it: web, app, call centre, door to door. */
  channels: Array<ResidentContactChannel>;
  description: Scalars['String']['output'];
  investments: Array<Investment>;
  modules: Array<PlatformModule>;
  name: Scalars['String']['output'];
};

export type Inspection = {
  inspectedOn: Scalars['String']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  result: InspectionResult;
};

export type InspectionInput = {
  inspectedOn: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  result: InspectionResult;
};

export type InspectionResult =
  | 'BASICALLY_PASSED'
  | 'FAILED'
  | 'PASSED';

/**
 * 投入 — money the district put into something it built. The report states amounts as lower bounds
 * ("200余万元"), so the amount is the bound it vouches for and source.reported is the report's wording.
 */
export type Investment = {
  /** A lower bound: the report says "余万" (more than this many yuan). */
  amountAtLeastYuan: Scalars['Int']['output'];
  /** What the money built, as the report lists it. */
  built: Array<Scalars['String']['output']>;
  /** Set when one community centre was funded. */
  centre?: Maybe<CommunityCentre>;
  fundedKind: FundedKind;
  id: Scalars['ID']['output'];
  purpose: Scalars['String']['output'];
  /** For SOCIAL_ORG_SERVICE_CENTRES: the social-organization service centres the money built (social-orgs' entities); empty otherwise. */
  serviceCentres: Array<ServiceCentre>;
  /** The report's wording and sentence; null for an investment the report does not state (recorded through recordInvestment without a source). */
  source?: Maybe<FigureSource>;
};

/** Where the report states an investment: its wording (e.g. 200余万元) and the sentence. */
export type InvestmentSourceInput = {
  citation: Scalars['String']['input'];
  reported: Scalars['String']['input'];
};

export type JointMeetingDecision = {
  followUps: Array<MeetingFollowUp>;
  text: Scalars['String']['output'];
};

export type JointMeetingDecisionInput = {
  followUps?: InputMaybe<Array<MeetingFollowUpInput>>;
  text: Scalars['String']['input'];
};

/** 党建联席会议 — a joint party-building meeting of social organizations (the 三三三 method's 党建联席机制), at district or street level. */
export type JointPartyMeeting = {
  decisions: Array<JointMeetingDecision>;
  /** YYYY-MM-DD. */
  heldOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organizations: Array<SocialOrganization>;
  /** The convening street; null for a district-level meeting. */
  streetId?: Maybe<Scalars['ID']['output']>;
  topic: Scalars['String']['output'];
};

export type JointPartyMeetingConnection = {
  edges: Array<JointPartyMeetingEdge>;
  pageInfo: PageInfo;
};

export type JointPartyMeetingEdge = {
  cursor: Scalars['String']['output'];
  node: JointPartyMeeting;
};

export type KpiTargets = {
  /** 1–5. */
  minAverageSatisfaction?: Maybe<Scalars['Float']['output']>;
  /** 0–1. */
  minOnTimeRate?: Maybe<Scalars['Float']['output']>;
  minOrdersCompleted?: Maybe<Scalars['Int']['output']>;
};

export type KpiTargetsInput = {
  minAverageSatisfaction?: InputMaybe<Scalars['Float']['input']>;
  minOnTimeRate?: InputMaybe<Scalars['Float']['input']>;
  minOrdersCompleted?: InputMaybe<Scalars['Int']['input']>;
};

/** A follow-up of a decision, owned by one of the organizations at the meeting. */
export type MeetingFollowUp = {
  action: Scalars['String']['output'];
  doneOn?: Maybe<Scalars['String']['output']>;
  /** YYYY-MM-DD. */
  dueOn: Scalars['String']['output'];
  /** Unique within its meeting. */
  id: Scalars['ID']['output'];
  /** Not done, and due before today. */
  overdue: Scalars['Boolean']['output'];
  owner: SocialOrganization;
};

export type MeetingFollowUpInput = {
  action: Scalars['String']['input'];
  dueOn: Scalars['String']['input'];
  /** One of the meeting's organizations. */
  ownerOrgId: Scalars['ID']['input'];
};

export type MoveResidentInput = {
  address: Scalars['String']['input'];
  toCommunityId: Scalars['ID']['input'];
};

/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type Mutation = {
  /** 签收: staff of the territory accept a submitted order. */
  acceptServiceOrder: ServiceOrder;
  addActivityGroupMember: ActivityGroup;
  /** Adds a donated item to the catalogue (community staff for their community, street staff, district admins). */
  addReward: Reward;
  /** Books every slot of the rota for `cycles` cycles from `from` (a Monday, YYYY-MM-DD); all or nothing. */
  adoptRota: Rota;
  /** Same roles as signing. Emits contract.amended. */
  amendServiceContract: ServiceContract;
  /**
   * 社工团队执行: ORG_STAFF of the provider (or staff of the order's territory) put one of its social
   * workers, or a team, on a DISPATCHED, IN_PROGRESS or REOPENED order. A worker of another
   * organization, or one who left it (social-orgs' socialWorker.left), is refused with
   * BAD_USER_INPUT; an order not with a provider with CONFLICT.
   */
  assignServiceOrderWorkers: ServiceOrder;
  assignServicePost: ServicePost;
  /** A one-off booking; refused with CONFLICT naming the holder and time when it overlaps another. */
  bookVenue: VenueBooking;
  /** Cancels a draft or published activity, its registrations and its venue booking; emits activity.cancelled. */
  cancelActivity: Activity;
  /** Gives up a seat or waiting place; a freed seat goes to the first resident waiting. */
  cancelActivityRegistration: ActivityRegistration;
  /** Cancels a completed redemption: the points are refunded and the item returns to stock. */
  cancelRedemption: Redemption;
  /** The resident (or staff at their request) cancel an order before work starts. */
  cancelServiceOrder: ServiceOrder;
  cancelVenueBooking: VenueBooking;
  /** Spends a one-time check-in code; emits attendance.confirmed. */
  checkInToActivity: ActivityRegistration;
  /** 回访: the resident, or staff on the return visit, close a resolved order with a satisfaction score. */
  closeServiceOrder: ServiceOrder;
  /** Closes a started activity; seats never checked in become no-shows; emits activity.completed. */
  completeActivity: Activity;
  /** The owner organization's ORG_STAFF, the convening street's STREET_STAFF or DISTRICT_ADMIN. CONFLICT when already done. */
  completeMeetingFollowUp: JointPartyMeeting;
  /** Creates a draft activity. */
  createActivity: Activity;
  createActivityGroup: ActivityGroup;
  /** District admins only; names are unique. */
  createCampaign: Campaign;
  /** Also establishes the community's regional party committee; emits community.created. */
  createCommunity: Community;
  createPartyOrganization: PartyOrganization;
  createStreet: Street;
  createVenue: Venue;
  /** 派单: staff of the territory dispatch an accepted or returned order. */
  dispatchServiceOrder: ServiceOrder;
  /** Same roles as signing. Ends an ACTIVE contract early on `endedOn` (YYYY-MM-DD). Emits contract.ended. */
  endServiceContract: ServiceContract;
  endServicePost: ServicePost;
  /** Draws up a draft rota; nothing is booked until it is adopted. */
  generateRota: Rota;
  /** Emits partyOrganization.joinedCoBuilding. */
  joinCoBuilding: PartyOrganization;
  /** Emits partyOrganization.leftCoBuilding. */
  leaveCoBuilding: PartyOrganization;
  /** Puts a live activity in a campaign (campaignId null takes it out). Staff with territory over the activity: its community's or street's staff, district admins. */
  linkActivityToCampaign: Activity;
  /** Puts a reward in a party-building campaign (campaignId null takes it out). District admins only. */
  linkRewardToCampaign: Reward;
  /** Commits an open offer to a need of the same co-building area and the same kind (精准对接); an offer of another kind needs kindMismatchReason (BAD_USER_INPUT without it). Emits project.matched. */
  matchResourceOffer: ProjectMatch;
  /** Emits resident.moved. */
  moveResident: Resident;
  /** Community staff of the community, its street's staff or district admins; a centre's name is unique in its community (CONFLICT). The citation stays null: only the report's centres quote it. No event: no other context reads centres. */
  openCommunityCentre: CommunityCentre;
  postProjectNeed: ProjectNeed;
  postResourceOffer: ResourceOffer;
  /** Publishes a draft (活动发布); emits activity.published. */
  publishActivity: Activity;
  publishNotice: Notice;
  /** Recomputes balances from the postings and corrects cached balances that drifted (district admins). */
  reconcileLedger: ReconciliationReport;
  /** DISTRICT_ADMIN. Inspection and party checkup together, once per organization and year (CONFLICT). Emits inspection.recorded. */
  recordAnnualReview: AnnualReview;
  /** DISTRICT_ADMIN or ORG_STAFF of the employer. Only a higher level than held (CONFLICT). Emits socialWorker.certified. */
  recordCertification: SocialWorker;
  /**
   * Records that a party member or key staff member of an organization attended a course, on or after
   * its day: DISTRICT_ADMIN, STREET_STAFF of the course's street, or ORG_STAFF of the organization.
   * Once per person and course: a second record is CONFLICT and adds nothing.
   */
  recordCourseAttendance: CourseAttendance;
  /** The district tier of 三级联动: DISTRICT_ADMIN only. */
  recordDistrictLinkageMeeting: DistrictLinkageMeeting;
  /**
   * DISTRICT_ADMIN or STREET_STAFF of the posting community's street (the street runs the
   * target evaluation). Once per worker and year (CONFLICT). Emits evaluation.recorded.
   */
  recordEvaluation: Evaluation;
  /** DISTRICT_ADMIN (the district funds them); a street's staff only for a COMMUNITY_CENTRE in their street. No event: no other context reads investments. */
  recordInvestment: Investment;
  /** The 三三三 method's joint meetings: DISTRICT_ADMIN for the district, STREET_STAFF for their street's organizations. */
  recordJointPartyMeeting: JointPartyMeeting;
  /** DISTRICT_ADMIN. CONFLICT when the organization already has an evaluation for the year. */
  recordOrganizationEvaluation: OrganizationEvaluation;
  /** DISTRICT_ADMIN, or STREET_STAFF for organizations serving their street. */
  recordOrganizationSupport: OrganizationSupport;
  /**
   * A social worker left the employing organization on leftOn (YYYY-MM-DD, not in the future, not
   * before registeredOn). DISTRICT_ADMIN or ORG_STAFF of the employer. Once (CONFLICT after that).
   * The record stays; the status becomes LEFT. Emits socialWorker.left, after which resident-services
   * no longer assigns the worker to service orders.
   */
  recordSocialWorkerDeparture: SocialWorker;
  /** DISTRICT_ADMIN or ORG_STAFF of the employer. */
  recordTraining: SocialWorker;
  /**
   * Exchanges points for one item: the resident's own, or, for community staff, a resident of
   * their community. Refused with CONFLICT when points or stock do not suffice.
   */
  redeemReward: Redemption;
  /** Registers the signed-in resident, or (staff) residentId: a seat while there is one, else the waitlist. */
  registerForActivity: ActivityRegistration;
  /** Emits resident.registered. */
  registerResident: Resident;
  /** DISTRICT_ADMIN. Refuses an invalid credit code (BAD_USER_INPUT) and a taken name or code (CONFLICT). Emits organization.registered. */
  registerSocialOrganization: SocialOrganization;
  /** DISTRICT_ADMIN or ORG_STAFF of the employing organization. */
  registerSocialWorker: SocialWorker;
  /** Community staff of the community, its street's staff or district admins. A new terminal starts OFFLINE. */
  registerTerminal: CommunityTerminal;
  /** Frees a venue's claims left by bookings that were never completed or were cancelled; returns how many. */
  releaseOrphanVenueClaims: Scalars['Int']['output'];
  removeActivityGroupMember: ActivityGroup;
  /** The resident, or staff on the return visit, reopen a resolved order the resident is not satisfied with. */
  reopenServiceOrder: ServiceOrder;
  reportVolunteerHours: VolunteerShift;
  /** The assigned provider (or the community) reports the work done. */
  resolveServiceOrder: ServiceOrder;
  /** Adds donated items to a reward's stock. */
  restockReward: Reward;
  /** 退单: the assigned provider hands the order back for another dispatch. */
  returnServiceOrder: ServiceOrder;
  /** Expires points past the rules' expiry (district admins); at most `limit` accounts per run. */
  runPointsExpiry: ExpiryReport;
  /** DISTRICT_ADMIN for a district course, STREET_STAFF for their street's. */
  schedulePartyTrainingCourse: PartyTrainingCourse;
  scheduleVolunteer: VolunteerShift;
  /** Null clears the brand. */
  setCommunityBrand: Community;
  /** DISTRICT_ADMIN. Null coverage removes it. */
  setPartyCoverage: SocialOrganization;
  /** Same roles as registerTerminal; MAINTENANCE needs a note saying why. */
  setTerminalStatus: CommunityTerminal;
  /**
   * DISTRICT_ADMIN, or STREET_STAFF when every community is in their street (street offices
   * buy services too). CONFLICT when the period overlaps another contract of the same
   * provider for any of the same item and community. Emits contract.signed.
   */
  signServiceContract: ServiceContract;
  /** The assigned provider (or the community) starts the work. */
  startServiceOrder: ServiceOrder;
  /** A resident submits for themself on WEB or APP; staff enter CALL_CENTER and DOOR_TO_DOOR orders. */
  submitServiceOrder: ServiceOrder;
  /** Emits community.updated. */
  updateCommunity: Community;
  /** Same roles as openCommunityCentre, judged on the centre's community. */
  updateCommunityCentre: CommunityCentre;
  /** Makes a new version of the earning rules (district admins). */
  updateEarningRules: EarningRules;
  updatePartyOrganization: PartyOrganization;
  updateResident: Resident;
  /**
   * DISTRICT_ADMIN, or ORG_STAFF of the organization for its own domains and communities
   * (other fields are the registration authority's). Emits organization.updated.
   */
  updateSocialOrganization: SocialOrganization;
  updateStreet: Street;
  /** Staff confirm reported hours (or correct them); emits volunteerHours.verified. */
  verifyVolunteerHours: VolunteerShift;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAcceptServiceOrderArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAddActivityGroupMemberArgs = {
  groupId: Scalars['ID']['input'];
  residentId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAddRewardArgs = {
  input: AddRewardInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAdoptRotaArgs = {
  cycles: Scalars['Int']['input'];
  from: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAmendServiceContractArgs = {
  id: Scalars['ID']['input'];
  input: AmendServiceContractInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAssignServiceOrderWorkersArgs = {
  input: AssignServiceOrderWorkersInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationAssignServicePostArgs = {
  input: AssignServicePostInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationBookVenueArgs = {
  input: BookVenueInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCancelActivityArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCancelActivityRegistrationArgs = {
  activityId: Scalars['ID']['input'];
  residentId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCancelRedemptionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCancelServiceOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCancelVenueBookingArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCheckInToActivityArgs = {
  activityId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCloseServiceOrderArgs = {
  input: CloseServiceOrderInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCompleteActivityArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCompleteMeetingFollowUpArgs = {
  doneOn?: InputMaybe<Scalars['String']['input']>;
  followUpId: Scalars['ID']['input'];
  meetingId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreateActivityArgs = {
  input: CreateActivityInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreateActivityGroupArgs = {
  input: CreateActivityGroupInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreateCampaignArgs = {
  input: CreateCampaignInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreateCommunityArgs = {
  input: CreateCommunityInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreatePartyOrganizationArgs = {
  input: CreatePartyOrganizationInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreateStreetArgs = {
  input: CreateStreetInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationCreateVenueArgs = {
  input: CreateVenueInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationDispatchServiceOrderArgs = {
  input: DispatchServiceOrderInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationEndServiceContractArgs = {
  endedOn: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationEndServicePostArgs = {
  endsOn: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationGenerateRotaArgs = {
  input: GenerateRotaInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationJoinCoBuildingArgs = {
  committeeId: Scalars['ID']['input'];
  joinedOn?: InputMaybe<Scalars['String']['input']>;
  partyOrganizationId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationLeaveCoBuildingArgs = {
  leftOn?: InputMaybe<Scalars['String']['input']>;
  partyOrganizationId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationLinkActivityToCampaignArgs = {
  activityId: Scalars['ID']['input'];
  campaignId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationLinkRewardToCampaignArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  rewardId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationMatchResourceOfferArgs = {
  kindMismatchReason?: InputMaybe<Scalars['String']['input']>;
  needId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  offerId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationMoveResidentArgs = {
  id: Scalars['ID']['input'];
  input: MoveResidentInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationOpenCommunityCentreArgs = {
  input: OpenCommunityCentreInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationPostProjectNeedArgs = {
  input: PostProjectNeedInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationPostResourceOfferArgs = {
  input: PostResourceOfferInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationPublishActivityArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationPublishNoticeArgs = {
  input: PublishNoticeInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordAnnualReviewArgs = {
  input: RecordAnnualReviewInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordCertificationArgs = {
  input: CertificationInput;
  socialWorkerId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordCourseAttendanceArgs = {
  input: RecordCourseAttendanceInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordDistrictLinkageMeetingArgs = {
  input: RecordDistrictLinkageMeetingInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordEvaluationArgs = {
  input: EvaluationInput;
  socialWorkerId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordInvestmentArgs = {
  input: RecordInvestmentInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordJointPartyMeetingArgs = {
  input: RecordJointPartyMeetingInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordOrganizationEvaluationArgs = {
  input: RecordOrganizationEvaluationInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordOrganizationSupportArgs = {
  input: RecordOrganizationSupportInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordSocialWorkerDepartureArgs = {
  leftOn: Scalars['String']['input'];
  socialWorkerId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRecordTrainingArgs = {
  input: TrainingInput;
  socialWorkerId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRedeemRewardArgs = {
  residentId?: InputMaybe<Scalars['ID']['input']>;
  rewardId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRegisterForActivityArgs = {
  activityId: Scalars['ID']['input'];
  residentId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRegisterResidentArgs = {
  input: RegisterResidentInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRegisterSocialOrganizationArgs = {
  input: RegisterSocialOrganizationInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRegisterSocialWorkerArgs = {
  input: RegisterSocialWorkerInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRegisterTerminalArgs = {
  input: RegisterTerminalInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationReleaseOrphanVenueClaimsArgs = {
  venueId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRemoveActivityGroupMemberArgs = {
  groupId: Scalars['ID']['input'];
  residentId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationReopenServiceOrderArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationReportVolunteerHoursArgs = {
  activityId: Scalars['ID']['input'];
  hours: Scalars['Float']['input'];
  shiftId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationResolveServiceOrderArgs = {
  input: ResolveServiceOrderInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRestockRewardArgs = {
  id: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationReturnServiceOrderArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationRunPointsExpiryArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationSchedulePartyTrainingCourseArgs = {
  input: SchedulePartyTrainingCourseInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationScheduleVolunteerArgs = {
  input: ScheduleVolunteerInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationSetCommunityBrandArgs = {
  brand?: InputMaybe<CommunityBrandInput>;
  communityId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationSetPartyCoverageArgs = {
  coverage?: InputMaybe<PartyCoverageInput>;
  organizationId: Scalars['ID']['input'];
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationSetTerminalStatusArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  status: TerminalStatus;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationSignServiceContractArgs = {
  input: SignServiceContractInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationStartServiceOrderArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationSubmitServiceOrderArgs = {
  input: SubmitServiceOrderInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdateCommunityArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCommunityInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdateCommunityCentreArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCommunityCentreInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdateEarningRulesArgs = {
  input: EarningRulesInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdatePartyOrganizationArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePartyOrganizationInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdateResidentArgs = {
  id: Scalars['ID']['input'];
  input: UpdateResidentInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdateSocialOrganizationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSocialOrganizationInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationUpdateStreetArgs = {
  id: Scalars['ID']['input'];
  input: UpdateStreetInput;
};


/**
 * Order changes: an illegal transition, or a change that lost a race with another, is refused
 * with CONFLICT; a missing or malformed argument with BAD_USER_INPUT naming it in extensions.field.
 */
export type MutationVerifyVolunteerHoursArgs = {
  activityId: Scalars['ID']['input'];
  hours?: InputMaybe<Scalars['Float']['input']>;
  shiftId: Scalars['ID']['input'];
};

/** 政策告知 / 社区动态 — a policy notice or a community news item, published to the district, a street or a community. */
export type Notice = {
  body: Scalars['String']['output'];
  community?: Maybe<Community>;
  id: Scalars['ID']['output'];
  kind: NoticeKind;
  publishedAt: Scalars['String']['output'];
  scope: NoticeScope;
  streetId?: Maybe<Scalars['ID']['output']>;
  title: Scalars['String']['output'];
};

export type NoticeConnection = {
  edges: Array<NoticeEdge>;
  pageInfo: PageInfo;
};

export type NoticeEdge = {
  cursor: Scalars['String']['output'];
  node: Notice;
};

export type NoticeFilter = {
  /** Notices reaching the community: its own, its street's and the district's. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<NoticeKind>;
  /** Notices reaching the street: its own and the district's. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

export type NoticeKind =
  | 'COMMUNITY_NEWS'
  | 'POLICY_NOTICE';

export type NoticeScope =
  | 'COMMUNITY'
  | 'DISTRICT'
  | 'STREET';

export type OpenCommunityCentreInput = {
  communityId: Scalars['ID']['input'];
  kind: CommunityCentreKind;
  /** Unique within the community, e.g. 天九社区邻里中心. */
  name: Scalars['String']['input'];
  offerings: Array<CentreOfferingInput>;
  /** Its function rooms, each once, e.g. 党员之家. */
  rooms: Array<Scalars['String']['input']>;
};

/** 目标考评 of a social organization (the 三三三 method's 目标考评机制): weighted targets, one evaluation per year. */
export type OrganizationEvaluation = {
  rating: OrganizationRating;
  /** The weighted score, 0–100, two decimals. */
  score: Scalars['Float']['output'];
  targets: Array<EvaluationTarget>;
  year: Scalars['Int']['output'];
};

export type OrganizationKind =
  | 'ASSOCIATION'
  | 'FOUNDATION'
  | 'HUB'
  | 'PRIVATE_NON_ENTERPRISE'
  | 'SOCIAL_WORK_AGENCY'
  | 'VOLUNTEER_TEAM';

export type OrganizationRating =
  /** Score 90 or more. */
  | 'EXCELLENT'
  /** Below 60. */
  | 'FAIL'
  /** 80 to 89.99. */
  | 'GOOD'
  /** 60 to 79.99. */
  | 'PASS';

export type OrganizationStatus =
  | 'ACTIVE'
  | 'DEREGISTERED'
  | 'SUSPENDED';

/** 综合保障 — support given to a social organization (the 三三三 method's 综合保障机制): funds, rooms or training, with its value. */
export type OrganizationSupport = {
  /** The value in yuan (for rooms and training, what they are worth). */
  amountYuan: Scalars['Float']['output'];
  description: Scalars['String']['output'];
  /** The district, a street office or a community, as recorded. */
  givenBy: Scalars['String']['output'];
  /** YYYY-MM-DD. */
  givenOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: SupportKind;
  organization: SocialOrganization;
};

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PartyBuildingProfile = {
  activeServicePosts: Array<ServicePost>;
  brand?: Maybe<CommunityBrand>;
  coBuildingMemberCount: Scalars['Int']['output'];
  community: Community;
  /** The community's own party organizations. */
  communityPartyOrganizations: Array<PartyOrganization>;
  partyMemberCount: Scalars['Int']['output'];
  regionalPartyCommittee: RegionalPartyCommittee;
};

export type PartyCheckup = {
  checkedOn: Scalars['String']['output'];
  findings?: Maybe<Scalars['String']['output']>;
  result: PartyCheckupResult;
  /** 0–100. */
  score: Scalars['Int']['output'];
};

export type PartyCheckupInput = {
  checkedOn: Scalars['String']['input'];
  findings?: InputMaybe<Scalars['String']['input']>;
  result: PartyCheckupResult;
  score: Scalars['Int']['input'];
};

export type PartyCheckupResult =
  | 'HEALTHY'
  | 'NEEDS_IMPROVEMENT'
  | 'UNHEALTHY';

/** 党建覆盖 — how party building reaches a social organization. */
export type PartyCoverage = {
  instructorName?: Maybe<Scalars['String']['output']>;
  mode: PartyCoverageMode;
  /** Party members among the organization's staff, as declared when the coverage was set. The branch's members are registry's: partyOrganization.memberCount. */
  partyMembers: Scalars['Int']['output'];
  /** The branch (OWN_BRANCH / JOINT_BRANCH) or the party organization sending the instructor. */
  partyOrganization: PartyOrganization;
  /** Since when, YYYY-MM-DD. */
  since?: Maybe<Scalars['String']['output']>;
};

export type PartyCoverageInput = {
  /** Required for INSTRUCTOR. */
  instructorName?: InputMaybe<Scalars['String']['input']>;
  mode: PartyCoverageMode;
  partyMembers: Scalars['Int']['input'];
  partyOrganizationId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};

export type PartyCoverageMode =
  /** No branch: a party organization sends a party-building instructor. */
  | 'INSTRUCTOR'
  /** Its party members belong to a branch shared with other organizations. */
  | 'JOINT_BRANCH'
  /** The organization has its own party branch. */
  | 'OWN_BRANCH';

/** 党员 — a party member. The name is masked and the phone hidden unless the caller serves the member's territory. */
export type PartyMember = {
  community?: Maybe<Community>;
  id: Scalars['ID']['output'];
  /** ISO date (YYYY-MM-DD); for staff serving the member only. */
  joinedPartyOn?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  organization: PartyOrganization;
  phone?: Maybe<Scalars['String']['output']>;
  /** The resident record of a member who lives in the district; staff only. */
  resident?: Maybe<Resident>;
};

export type PartyMemberConnection = {
  edges: Array<PartyMemberEdge>;
  pageInfo: PageInfo;
};

export type PartyMemberEdge = {
  cursor: Scalars['String']['output'];
  node: PartyMember;
};

export type PartyMemberFilter = {
  communityId?: InputMaybe<Scalars['ID']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

/** A co-building unit (共驻共建单位) that can donate rewards. */
export type PartyOrganization = {
  /** Social organizations whose party branch this is: one for an own branch, several for a joint branch. Public. */
  branchOf: Array<SocialOrganization>;
  /** Null when the organization is not in regional co-building (共驻共建). */
  coBuilding?: Maybe<CoBuildingMembership>;
  community?: Maybe<Community>;
  id: Scalars['ID']['output'];
  kind: PartyOrganizationKind;
  memberCount: Scalars['Int']['output'];
  /** Members with their personal data; staff of the organization's territory only. */
  members: PartyMemberConnection;
  name: Scalars['String']['output'];
  /** Public activities this party organization organizes, by id. */
  organizedActivities: ActivityConnection;
  parent?: Maybe<PartyOrganization>;
  sector: PartyOrganizationSector;
  street: Street;
  /** The unit the organization belongs to (an enterprise, a school…); null for a community's own organization. */
  unitName?: Maybe<Scalars['String']['output']>;
};


/** A co-building unit (共驻共建单位) that can donate rewards. */
export type PartyOrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A co-building unit (共驻共建单位) that can donate rewards. */
export type PartyOrganizationOrganizedActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PartyOrganizationConnection = {
  edges: Array<PartyOrganizationEdge>;
  pageInfo: PageInfo;
};

export type PartyOrganizationEdge = {
  cursor: Scalars['String']['output'];
  node: PartyOrganization;
};

export type PartyOrganizationFilter = {
  /** true: members of co-building only; false: non-members only. */
  coBuilding?: InputMaybe<Scalars['Boolean']['input']>;
  committeeId?: InputMaybe<Scalars['ID']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<PartyOrganizationKind>;
  sector?: InputMaybe<PartyOrganizationSector>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

export type PartyOrganizationKind =
  | 'BRANCH'
  | 'COMMITTEE'
  | 'GENERAL_BRANCH';

export type PartyOrganizationSector =
  | 'COMMUNITY'
  | 'ENTERPRISE'
  | 'INSTITUTION'
  | 'NON_PUBLIC_ECONOMY'
  | 'SCHOOL'
  | 'SOCIAL_ORGANIZATION';

/**
 * 党员和骨干人才同步培养 — a course that trains the party members and the key staff of social
 * organizations together (the 三三三 method's second sync), held by the district or a street. Public.
 */
export type PartyTrainingCourse = {
  /** Attendances recorded so far, with their hours: counts only. */
  attendance: PartyTrainingTotals;
  /** YYYY-MM-DD. */
  heldOn: Scalars['String']['output'];
  hours: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  /** Who teaches or hosts it. */
  organizer: Scalars['String']['output'];
  /** The street that scheduled it; null for a district course. */
  streetId?: Maybe<Scalars['ID']['output']>;
  title: Scalars['String']['output'];
  topic: CourseTopic;
};

export type PartyTrainingCourseConnection = {
  edges: Array<PartyTrainingCourseEdge>;
  pageInfo: PageInfo;
};

export type PartyTrainingCourseEdge = {
  cursor: Scalars['String']['output'];
  node: PartyTrainingCourse;
};

export type PartyTrainingTotals = {
  attendances: Scalars['Int']['output'];
  keyStaffHours: Scalars['Float']['output'];
  partyMemberHours: Scalars['Float']['output'];
  /** Distinct people trained. */
  people: Scalars['Int']['output'];
  totalHours: Scalars['Float']['output'];
};

/** One person's training total within one organization. */
export type PersonPartyTraining = {
  courses: Scalars['Int']['output'];
  hours: Scalars['Float']['output'];
  kind: AttendeeKind;
  /** Set for PARTY_MEMBER; registry decides what of the member the caller sees. */
  partyMember?: Maybe<PartyMember>;
  /** Set for KEY_STAFF. */
  socialWorker?: Maybe<SocialWorker>;
};

/** A root field of the graph (Query.name or Mutation.name) or a type, grouped under a platform module. */
export type PlatformEntryPoint = {
  description: Scalars['String']['output'];
  kind: PlatformEntryPointKind;
  name: Scalars['String']['output'];
};

export type PlatformEntryPointKind =
  | 'MUTATION'
  | 'QUERY'
  | 'TYPE';

/** 政务通, 服务通, 活动通, 社区动态 — a module of the district's information platform and the parts of the graph it groups. */
export type PlatformModule = {
  description: Scalars['String']['output'];
  entryPoints: Array<PlatformEntryPoint>;
  key: PlatformModuleKey;
  /** The module's name as the report gives it. */
  name: Scalars['String']['output'];
};

export type PlatformModuleKey =
  | 'ACTIVITIES'
  | 'COMMUNITY_NEWS'
  | 'GOVERNMENT_AFFAIRS'
  | 'SERVICES';

/** 润贤银行账户 — a points account in the Runxian virtue bank. */
export type PointsAccount = {
  balance: Scalars['Int']['output'];
  community?: Maybe<Community>;
  /** Who owns a DONOR account: a party organization or a social organization. */
  donor?: Maybe<RewardDonor>;
  /**
   * The donor unit when it is a co-building party organization (DONOR accounts); see donor.
   * @deprecated Use donor: social organizations donate too.
   */
  donorUnit?: Maybe<PartyOrganization>;
  earnedPoints: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: AccountKind;
  /** The resident who owns the account (RESIDENT accounts). */
  resident?: Maybe<Resident>;
  /**
   * The account's postings booked in [from, to) — ISO 8601 dates or date-times (a bare date is
   * midnight in Asia/Shanghai); at most 366 days.
   */
  statement: Statement;
};


/** 润贤银行账户 — a points account in the Runxian virtue bank. */
export type PointsAccountStatementArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type PointsEarnedMonth = {
  /** YYYY-MM */
  month: Scalars['String']['output'];
  points: Scalars['Int']['output'];
  /** How many earnings (attendances, volunteer shifts, help with orders) the points came from. */
  postings: Scalars['Int']['output'];
};

export type PostProjectNeedInput = {
  category: CoBuildingResourceCategory;
  communityId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type PostResourceOfferInput = {
  category: CoBuildingResourceCategory;
  description: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};

export type PostingKind =
  /** A reconciliation that set the cached balance back to what the postings say. */
  | 'CORRECTION'
  /** Points earned for a good deed, from the issuing account. */
  | 'EARN'
  /** Unspent points that expired, back to the issuing account. */
  | 'EXPIRE'
  /** Points spent on a reward, to the donor unit. */
  | 'REDEEM'
  /** A compensating posting that gives back redeemed points (cancellation or no stock). */
  | 'REFUND';

export type ProjectMatch = {
  /** Why an offer of another kind than the need's was matched anyway; null when the kinds agree. */
  kindMismatchReason?: Maybe<Scalars['String']['output']>;
  matchedAt: Scalars['String']['output'];
  need: ProjectNeed;
  note?: Maybe<Scalars['String']['output']>;
  offer: ResourceOffer;
};

/** 需求清单 — a project a community needs resources for. */
export type ProjectNeed = {
  category: CoBuildingResourceCategory;
  committee: RegionalPartyCommittee;
  community: Community;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Offers pooled for this need, oldest first. */
  matches: Array<ProjectMatch>;
  postedAt: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type ProjectNeedConnection = {
  edges: Array<ProjectNeedEdge>;
  pageInfo: PageInfo;
};

export type ProjectNeedEdge = {
  cursor: Scalars['String']['output'];
  node: ProjectNeed;
};

export type ProjectNeedFilter = {
  category?: InputMaybe<CoBuildingResourceCategory>;
  committeeId?: InputMaybe<Scalars['ID']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
};

export type PublishNoticeInput = {
  body: Scalars['String']['input'];
  /** Required for COMMUNITY scope. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  kind: NoticeKind;
  scope: NoticeScope;
  /** Required for STREET scope. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

export type Query = {
  /** Public activities, by id. */
  activities: ActivityConnection;
  /** Public once published; drafts only for their organizers. */
  activity?: Maybe<Activity>;
  activityGroup?: Maybe<ActivityGroup>;
  /** Activities and participations, all time unless a period is given; public aggregates. */
  activityStats: ActivityStats;
  campaign?: Maybe<Campaign>;
  campaigns: Array<Campaign>;
  communities: Array<Community>;
  community?: Maybe<Community>;
  communityBrands: Array<CommunityBrand>;
  /** Community names are unique within a street; give streetId when a name occurs in several streets. */
  communityByName?: Maybe<Community>;
  /** The territory tree: district → streets → communities. */
  district: District;
  /** The district's figures; public. */
  districtOverview: DistrictOverview;
  /** The current earning rules; public. */
  earningRules: EarningRules;
  informationCentre: InformationCentre;
  informationPlatform: InformationPlatform;
  /** The district's investments in what it built, optionally of one kind; public. */
  investments: Array<Investment>;
  /** Joint party-building meetings, ordered by id; `first` 1–100 (default 20). Public. */
  jointPartyMeetings: JointPartyMeetingConnection;
  /** Sum of every account's balance, the issuing account included: 0 when the ledger is whole. District admins. */
  ledgerBalanceSum: Scalars['Int']['output'];
  /** The caller's own points account (residents). */
  myPointsAccount?: Maybe<PointsAccount>;
  /** The signed-in resident's orders, newest first. */
  myServiceOrders: ServiceOrderConnection;
  notice?: Maybe<Notice>;
  /** Published notices, newest first. Public. */
  notices: NoticeConnection;
  partyBuildingProfile?: Maybe<PartyBuildingProfile>;
  partyMember?: Maybe<PartyMember>;
  /** Staff of the filtered territory only. */
  partyMembers: PartyMemberConnection;
  partyOrganization?: Maybe<PartyOrganization>;
  partyOrganizationByName?: Maybe<PartyOrganization>;
  partyOrganizations: PartyOrganizationConnection;
  /** Party-member and key-staff training courses, ordered by id; `first` 1–100 (default 20). Public. */
  partyTrainingCourses: PartyTrainingCourseConnection;
  /** The information platform's modules and the parts of the graph each groups; public. */
  platformModules: Array<PlatformModule>;
  /** The points account of a resident (see Resident.pointsAccount for who may see it). */
  pointsAccount?: Maybe<PointsAccount>;
  /**
   * Points earned across the district by the business month (Asia/Shanghai) they were booked in,
   * after caps, seeded history included; every month from fromMonth to toMonth (YYYY-MM, at most
   * 24), zero when nobody earned. A public aggregate: no resident is named.
   */
  pointsEarnedByMonth: Array<PointsEarnedMonth>;
  projectNeed?: Maybe<ProjectNeed>;
  projectNeeds: ProjectNeedConnection;
  redemption?: Maybe<Redemption>;
  regionalPartyCommittee?: Maybe<RegionalPartyCommittee>;
  regionalPartyCommittees: Array<RegionalPartyCommittee>;
  /** Staff, or the resident themself. */
  resident?: Maybe<Resident>;
  /** A resident's activity record (registrations, volunteer hours). */
  residentActivity: Resident;
  /** Staff of the filtered territory only: a community's staff filter by communityId, a street's by streetId. */
  residents: ResidentConnection;
  resourceOffer?: Maybe<ResourceOffer>;
  resourceOffers: ResourceOfferConnection;
  reward?: Maybe<Reward>;
  /** The reward catalogue, active items; with communityId, that community's and district-wide ones. Public. */
  rewards: RewardConnection;
  rota?: Maybe<Rota>;
  /** The 12 categories and 120 services. Public. */
  serviceCatalog: ServiceCatalog;
  /** Public. */
  serviceCentres: Array<ServiceCentre>;
  /** Public. */
  serviceContract?: Maybe<ServiceContract>;
  /** Ordered by id; `first` 1–100 (default 20). Public. */
  serviceContracts: ServiceContractConnection;
  serviceItem?: Maybe<ServiceItem>;
  serviceOrder?: Maybe<ServiceOrder>;
  /** Orders in a territory or of a provider, newest first. */
  serviceOrders: ServiceOrderConnection;
  servicePost?: Maybe<ServicePost>;
  servicePosts: ServicePostConnection;
  serviceStatistics: ServiceStatistics;
  /** District figures. Public. */
  socialOrgOverview: SocialOrgOverview;
  /** Public. */
  socialOrganization?: Maybe<SocialOrganization>;
  /** Search, ordered by id; `first` 1–100 (default 20). Public. */
  socialOrganizations: SocialOrganizationConnection;
  /** See SocialWorker for who may read it. */
  socialWorker?: Maybe<SocialWorker>;
  /**
   * Aggregates over active social workers matching the filter. Public. Ages are counted on
   * `asOf` (YYYY-MM-DD), else on the service's STATS_AS_OF, else today.
   */
  socialWorkerStats: SocialWorkerStats;
  /**
   * Social workers in a scope: by organizationId (DISTRICT_ADMIN or its ORG_STAFF), communityId
   * (DISTRICT_ADMIN, STREET_STAFF of its street, its COMMUNITY_STAFF), streetId (DISTRICT_ADMIN or
   * its STREET_STAFF); no filter needs DISTRICT_ADMIN.
   */
  socialWorkers: SocialWorkerConnection;
  street?: Maybe<Street>;
  streetByName?: Maybe<Street>;
  streets: Array<Street>;
  terminal?: Maybe<CommunityTerminal>;
  /**
   * For call-centre staff: the order with this number whose intake phone is `phone`.
   * Personal data stays masked unless the caller serves the resident.
   */
  trackServiceOrder?: Maybe<ServiceOrder>;
  venue?: Maybe<Venue>;
  /** A community's virtue ranking; the same as Community.virtueRanking. */
  virtueRanking: Array<VirtueRank>;
};


export type QueryActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryActivityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryActivityGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryActivityStatsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  period?: InputMaybe<ActivityStatsPeriod>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCampaignArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCommunitiesArgs = {
  streetId?: InputMaybe<Scalars['ID']['input']>;
  urban?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryCommunityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCommunityByNameArgs = {
  name: Scalars['String']['input'];
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryInvestmentsArgs = {
  fundedKind?: InputMaybe<FundedKind>;
};


export type QueryJointPartyMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMyServiceOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNoticeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNoticesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NoticeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPartyBuildingProfileArgs = {
  communityId: Scalars['ID']['input'];
};


export type QueryPartyMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPartyMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PartyMemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPartyOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPartyOrganizationByNameArgs = {
  name: Scalars['String']['input'];
};


export type QueryPartyOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PartyOrganizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPartyTrainingCoursesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPointsAccountArgs = {
  residentId: Scalars['ID']['input'];
};


export type QueryPointsEarnedByMonthArgs = {
  fromMonth: Scalars['String']['input'];
  toMonth: Scalars['String']['input'];
};


export type QueryProjectNeedArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectNeedFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRedemptionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRegionalPartyCommitteeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRegionalPartyCommitteesArgs = {
  level?: InputMaybe<TerritoryLevel>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryResidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResidentActivityArgs = {
  residentId: Scalars['ID']['input'];
};


export type QueryResidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryResourceOfferArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResourceOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResourceOfferFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRewardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRewardsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRotaArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServiceCentresArgs = {
  level?: InputMaybe<ServiceCentreLevel>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryServiceContractArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServiceContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ServiceContractFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServiceItemArgs = {
  code: Scalars['ID']['input'];
};


export type QueryServiceOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServiceOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter: ServiceOrderFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServicePostArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServicePostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ServicePostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServiceStatisticsArgs = {
  filter?: InputMaybe<StatisticsFilter>;
};


export type QuerySocialOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySocialOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SocialOrganizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySocialWorkerArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySocialWorkerStatsArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SocialWorkerFilter>;
};


export type QuerySocialWorkersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SocialWorkerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStreetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStreetByNameArgs = {
  name: Scalars['String']['input'];
};


export type QueryTerminalArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrackServiceOrderArgs = {
  number: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};


export type QueryVenueArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVirtueRankingArgs = {
  communityId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReconciliationReport = {
  accountsChecked: Scalars['Int']['output'];
  /** Accounts skipped because a posting was still in flight. */
  accountsInFlight: Scalars['Int']['output'];
  corrections: Array<BalanceCorrection>;
  ledgerBalanceSum: Scalars['Int']['output'];
};

export type RecordAnnualReviewInput = {
  inspection: InspectionInput;
  organizationId: Scalars['ID']['input'];
  partyCheckup: PartyCheckupInput;
  year: Scalars['Int']['input'];
};

export type RecordCourseAttendanceInput = {
  courseId: Scalars['ID']['input'];
  /** Defaults to the course's hours; at most those. */
  hoursCredited?: InputMaybe<Scalars['Float']['input']>;
  kind: AttendeeKind;
  /** The social organization the person belongs to; on a street's course it must serve that street. */
  organizationId: Scalars['ID']['input'];
  /** PARTY_MEMBER: the party member id; KEY_STAFF: the social worker id, employed by the organization. */
  personId: Scalars['ID']['input'];
};

export type RecordDistrictLinkageMeetingInput = {
  /** Regional party committees (street or community level) of at least two streets. */
  committeeIds: Array<Scalars['ID']['input']>;
  /** At least one. */
  decisions: Array<Scalars['String']['input']>;
  /** YYYY-MM-DD, not in the future. */
  heldOn: Scalars['String']['input'];
  topic: Scalars['String']['input'];
};

export type RecordInvestmentInput = {
  /** The lower bound in yuan the record vouches for; above 0. */
  amountAtLeastYuan: Scalars['Int']['input'];
  /** What the money built; at least one item. */
  built: Array<Scalars['String']['input']>;
  /** Required for COMMUNITY_CENTRE, refused for every other kind. */
  centreId?: InputMaybe<Scalars['ID']['input']>;
  fundedKind: FundedKind;
  purpose: Scalars['String']['input'];
  /**
   * Only for SOCIAL_ORG_SERVICE_CENTRES: ids of the service centres (social-orgs' ServiceCentre) the
   * money built. Registry keeps them as given (it holds no copy of social-orgs' centres), so name ids
   * social-orgs knows (Query.serviceCentres): an unknown id answers its centre's fields with an error.
   */
  serviceCentreIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Omitted or null: the investment is not a figure of the report. */
  source?: InputMaybe<InvestmentSourceInput>;
};

export type RecordJointPartyMeetingInput = {
  /** At least one decision. */
  decisions: Array<JointMeetingDecisionInput>;
  heldOn: Scalars['String']['input'];
  /** At least two organizations. */
  organizationIds: Array<Scalars['ID']['input']>;
  /** The convening street: its STREET_STAFF may record, and every organization must serve one of its communities. Omitted: a district meeting, DISTRICT_ADMIN only. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
  topic: Scalars['String']['input'];
};

export type RecordOrganizationEvaluationInput = {
  organizationId: Scalars['ID']['input'];
  /** Weights add up to 100. */
  targets: Array<EvaluationTargetInput>;
  year: Scalars['Int']['input'];
};

export type RecordOrganizationSupportInput = {
  amountYuan: Scalars['Float']['input'];
  description: Scalars['String']['input'];
  givenBy: Scalars['String']['input'];
  givenOn: Scalars['String']['input'];
  kind: SupportKind;
  organizationId: Scalars['ID']['input'];
  /** The street giving it: its STREET_STAFF may record support for organizations serving its communities. Omitted: DISTRICT_ADMIN only. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

/** 积分兑换 — a resident exchanging points for a reward. */
export type Redemption = {
  cancelReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['String']['output']>;
  completedAt?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  failure?: Maybe<RedemptionFailure>;
  id: Scalars['ID']['output'];
  points: Scalars['Int']['output'];
  resident: Resident;
  reward: Reward;
  state: RedemptionState;
};

export type RedemptionFailure =
  | 'INSUFFICIENT_POINTS'
  | 'OUT_OF_STOCK';

export type RedemptionState =
  | 'CANCELLED'
  | 'CANCELLING'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING';

/** 区域党(工)委 — the regional party committee of a street or community; party organizations of units join it for co-building. */
export type RegionalPartyCommittee = {
  /** Set for community-level committees. */
  community?: Maybe<Community>;
  /** The tier above every street and community committee: the district's party-building committee. */
  districtCommittee: DistrictPartyCommittee;
  id: Scalars['ID']['output'];
  level: TerritoryLevel;
  memberCount: Scalars['Int']['output'];
  members: PartyOrganizationConnection;
  name: Scalars['String']['output'];
  street: Street;
};


/** 区域党(工)委 — the regional party committee of a street or community; party organizations of units join it for co-building. */
export type RegionalPartyCommitteeMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RegisterResidentInput = {
  address: Scalars['String']['input'];
  birthYear: Scalars['Int']['input'];
  careTags?: InputMaybe<Array<ResidentCareTag>>;
  communityId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  phone: Scalars['String']['input'];
  preferredChannel: ResidentContactChannel;
  volunteer?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RegisterSocialOrganizationInput = {
  communityIds: Array<Scalars['ID']['input']>;
  creditCode: Scalars['String']['input'];
  domains: Array<ServiceDomain>;
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  incubatingHubId?: InputMaybe<Scalars['ID']['input']>;
  kind: OrganizationKind;
  name: Scalars['String']['input'];
  /** YYYY-MM-DD; default today. */
  registeredOn?: InputMaybe<Scalars['String']['input']>;
  serviceCentreId?: InputMaybe<Scalars['ID']['input']>;
};

export type RegisterSocialWorkerInput = {
  birthDate: Scalars['String']['input'];
  communityId: Scalars['ID']['input'];
  education: Education;
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  /** Default true: the worker joins the district's annual target evaluation. */
  underTargetEvaluation?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RegisterTerminalInput = {
  communityId: Scalars['ID']['input'];
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: TerminalKind;
  location: Scalars['String']['input'];
  modules: Array<PlatformModuleKey>;
  /** Unique within the community, e.g. 服务大厅一号机. */
  name: Scalars['String']['input'];
};

/** 居民 — a resident registered in a community. */
export type Resident = {
  /** The resident's registrations, newest first. For the resident, and staff serving their community. */
  activityRegistrations: Array<ActivityRegistration>;
  /** Household address; masked unless the caller serves the resident. */
  address: Scalars['String']['output'];
  birthYear: Scalars['Int']['output'];
  careTags: Array<ResidentCareTag>;
  community: Community;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Masked (138****5678) unless the caller serves the resident. */
  phone: Scalars['String']['output'];
  /**
   * The resident's points account; null until they first earn. Visible to the resident, staff
   * of their community and street, their community's social workers and district admins.
   */
  pointsAccount?: Maybe<PointsAccount>;
  preferredChannel: ResidentContactChannel;
  /** The resident's service orders, newest first. For the resident; staff see the orders in their territory. */
  serviceOrders: Array<ServiceOrder>;
  street: Street;
  volunteer: Scalars['Boolean']['output'];
  /** Hours scheduled, reported and verified over all shifts. For the resident, and staff serving their community. */
  volunteerHours: VolunteerHours;
  /** The resident's volunteer shifts, newest first. For the resident, and staff serving their community. */
  volunteerShifts: Array<VolunteerShift>;
};

export type ResidentCareTag =
  | 'DISABLED'
  | 'ELDERLY_LIVING_ALONE'
  | 'LOW_INCOME'
  | 'MIGRANT'
  | 'VETERAN';

export type ResidentConnection = {
  edges: Array<ResidentEdge>;
  pageInfo: PageInfo;
};

export type ResidentContactChannel =
  | 'APP'
  | 'CALL_CENTER'
  | 'DOOR_TO_DOOR'
  | 'WEB';

export type ResidentEdge = {
  cursor: Scalars['String']['output'];
  node: Resident;
};

export type ResidentFilter = {
  bornFrom?: InputMaybe<Scalars['Int']['input']>;
  bornTo?: InputMaybe<Scalars['Int']['input']>;
  careTag?: InputMaybe<ResidentCareTag>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  preferredChannel?: InputMaybe<ResidentContactChannel>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
  volunteer?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ResolveServiceOrderInput = {
  /** Volunteers (residents) who helped. */
  helperResidentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

/** 资源清单 — a resource a co-building member unit offers to its regional party committee. */
export type ResourceOffer = {
  category: CoBuildingResourceCategory;
  committee: RegionalPartyCommittee;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  match?: Maybe<ProjectMatch>;
  organization: PartyOrganization;
  postedAt: Scalars['String']['output'];
  status: ResourceOfferStatus;
  title: Scalars['String']['output'];
};

export type ResourceOfferConnection = {
  edges: Array<ResourceOfferEdge>;
  pageInfo: PageInfo;
};

export type ResourceOfferEdge = {
  cursor: Scalars['String']['output'];
  node: ResourceOffer;
};

export type ResourceOfferFilter = {
  category?: InputMaybe<CoBuildingResourceCategory>;
  committeeId?: InputMaybe<Scalars['ID']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ResourceOfferStatus>;
};

export type ResourceOfferStatus =
  | 'MATCHED'
  | 'OPEN';

/** 积分兑换品 — an item in the reward catalogue, donated by a co-building unit or a social organization. */
export type Reward = {
  active: Scalars['Boolean']['output'];
  /** The party-building campaign it belongs to; credits keeps only its id. */
  campaign?: Maybe<Campaign>;
  /** Where it is collected; null: anywhere in the district. */
  community?: Maybe<Community>;
  cost: Scalars['Int']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Who donated it: a co-building party organization or a social organization. */
  donor: RewardDonor;
  donorKind: RewardDonorKind;
  /**
   * The donating party organization; null when a social organization donated. Use donor.
   * @deprecated Use donor: social organizations donate too.
   */
  donorUnit?: Maybe<PartyOrganization>;
  id: Scalars['ID']['output'];
  stock: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

export type RewardConnection = {
  edges: Array<RewardEdge>;
  pageInfo: PageInfo;
};

/** Who donated a reward, or owns a DONOR account. */
export type RewardDonor = PartyOrganization | SocialOrganization;

export type RewardDonorKind =
  /** A co-building unit's party organization (registry). */
  | 'PARTY_ORGANIZATION'
  /** A social organization (social-orgs). */
  | 'SOCIAL_ORGANIZATION';

export type RewardEdge = {
  cursor: Scalars['String']['output'];
  node: Reward;
};

/** 排班 — a rota sharing a venue's weekly hours among groups, evenings shared fairly. */
export type Rota = {
  adoptedCycles?: Maybe<Scalars['Int']['output']>;
  adoptedFrom?: Maybe<Scalars['String']['output']>;
  cycleWeeks: Scalars['Int']['output'];
  eveningStartsAt: Scalars['String']['output'];
  groups: Array<ActivityGroup>;
  id: Scalars['ID']['output'];
  /** Each group's share of one cycle. */
  shares: Array<RotaShare>;
  slotMinutes: Scalars['Int']['output'];
  /** The slots of one cycle: 0 is the first adopted cycle; each later cycle starts the round-robin one group further. */
  slots: Array<RotaSlot>;
  slotsPerGroup?: Maybe<Scalars['Int']['output']>;
  status: RotaStatus;
  venue: Venue;
};


/** 排班 — a rota sharing a venue's weekly hours among groups, evenings shared fairly. */
export type RotaSharesArgs = {
  cycle?: InputMaybe<Scalars['Int']['input']>;
};


/** 排班 — a rota sharing a venue's weekly hours among groups, evenings shared fairly. */
export type RotaSlotsArgs = {
  cycle?: InputMaybe<Scalars['Int']['input']>;
};

export type RotaShare = {
  eveningSlots: Scalars['Int']['output'];
  group: ActivityGroup;
  slots: Scalars['Int']['output'];
};

export type RotaSlot = {
  endTime: Scalars['String']['output'];
  /** A prime-time slot: it starts at or after the rota's eveningStartsAt. */
  evening: Scalars['Boolean']['output'];
  group: ActivityGroup;
  startTime: Scalars['String']['output'];
  /** Week within the cycle, from 0. */
  week: Scalars['Int']['output'];
  /** 1 = Monday … 7 = Sunday. */
  weekday: Scalars['Int']['output'];
};

export type RotaStatus =
  | 'ADOPTED'
  | 'DRAFT';

export type SatisfactionCount = {
  count: Scalars['Int']['output'];
  score: Scalars['Int']['output'];
};

export type SchedulePartyTrainingCourseInput = {
  /** YYYY-MM-DD; past or future. */
  heldOn: Scalars['String']['input'];
  /** Half hours, 0.5 to 40. */
  hours: Scalars['Float']['input'];
  organizer: Scalars['String']['input'];
  /** The scheduling street: its STREET_STAFF may schedule. Omitted: a district course, DISTRICT_ADMIN only. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
  topic: CourseTopic;
};

export type ScheduleVolunteerInput = {
  activityId: Scalars['ID']['input'];
  residentId: Scalars['ID']['input'];
  role: Scalars['String']['input'];
  scheduledHours: Scalars['Float']['input'];
};

/** An intake question of a service item, in the style of an Open311 service definition attribute. */
export type ServiceAttribute = {
  code: Scalars['String']['output'];
  datatype: AttributeDatatype;
  description: Scalars['String']['output'];
  max?: Maybe<Scalars['Float']['output']>;
  /** Bounds of NUMBER attributes. */
  min?: Maybe<Scalars['Float']['output']>;
  order: Scalars['Int']['output'];
  required: Scalars['Boolean']['output'];
  /** Allowed values of SINGLE_VALUE_LIST and MULTI_VALUE_LIST attributes. */
  values: Array<AttributeValue>;
};

export type ServiceCatalog = {
  categories: Array<ServiceCategory>;
  item?: Maybe<ServiceItem>;
};


export type ServiceCatalogItemArgs = {
  code: Scalars['ID']['input'];
};

/** 服务大类 — one of the 12 categories of the resident service catalogue. */
export type ServiceCategory = {
  /** C01 … C12 */
  code: Scalars['ID']['output'];
  items: Array<ServiceItem>;
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** A social-organization service centre, owned by social-orgs; registry's investments refer to the ones they built. */
export type ServiceCentre = {
  /** The community, for community-level centres. */
  community?: Maybe<Community>;
  id: Scalars['ID']['output'];
  level: ServiceCentreLevel;
  name: Scalars['String']['output'];
  /** The hub organization that runs the centre, if any. */
  operator?: Maybe<SocialOrganization>;
  /** Organizations stationed at the centre. */
  organizations: Array<SocialOrganization>;
  /** The street, for street- and community-level centres. */
  streetId?: Maybe<Scalars['ID']['output']>;
};

export type ServiceCentreLevel =
  | 'COMMUNITY'
  | 'DISTRICT'
  | 'STREET';

export type ServiceChannel =
  | 'APP'
  | 'CALL_CENTER'
  | 'DOOR_TO_DOOR'
  | 'WEB';

/**
 * 政府购买服务 — a government-purchased service contract: the provider serves the items in
 * the communities during the period. Public.
 */
export type ServiceContract = {
  amendments: Array<ContractAmendment>;
  budgetYuan: Scalars['Float']['output'];
  /** The purchasing body, e.g. the district civil-affairs bureau or a street office. */
  buyer: Scalars['String']['output'];
  communities: Array<Community>;
  endReason?: Maybe<Scalars['String']['output']>;
  /** When it was ended early. */
  endedOn?: Maybe<Scalars['String']['output']>;
  /** YYYY-MM-DD, inclusive. */
  endsOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  itemCodes: Array<Scalars['ID']['output']>;
  kpiTargets: KpiTargets;
  /** Figures from resident-services' closed orders under this contract. */
  performance: ContractPerformance;
  provider: SocialOrganization;
  serviceItems: Array<ServiceItem>;
  /** YYYY-MM-DD, inclusive. */
  startsOn: Scalars['String']['output'];
  status: ContractStatus;
};

export type ServiceContractConnection = {
  edges: Array<ServiceContractEdge>;
  pageInfo: PageInfo;
};

export type ServiceContractEdge = {
  cursor: Scalars['String']['output'];
  node: ServiceContract;
};

export type ServiceContractFilter = {
  /** Contracts whose period (until an early end) contains this day, YYYY-MM-DD. */
  activeOn?: InputMaybe<Scalars['String']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  itemCode?: InputMaybe<Scalars['ID']['input']>;
  providerOrgId?: InputMaybe<Scalars['ID']['input']>;
};

export type ServiceDomain =
  | 'CHILD_CARE'
  | 'COMMUNITY_CORRECTION'
  | 'CONSULTATION'
  | 'CULTURE'
  | 'ELDERLY_CARE'
  | 'LEGAL'
  | 'MEDIATION'
  | 'PROPERTY'
  | 'PSYCHOLOGY'
  | 'YOUTH';

/** 党群服务中心 — a community's service hall and its "三个统一" standard (unified door plate, service window, signage). */
export type ServiceHall = {
  address?: Maybe<Scalars['String']['output']>;
  /** True when all three are unified. */
  meetsThreeUnifiedStandard: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  unifiedDoorPlate: Scalars['Boolean']['output'];
  unifiedServiceWindow: Scalars['Boolean']['output'];
  unifiedSignage: Scalars['Boolean']['output'];
};

export type ServiceHallInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  unifiedDoorPlate: Scalars['Boolean']['input'];
  unifiedServiceWindow: Scalars['Boolean']['input'];
  unifiedSignage: Scalars['Boolean']['input'];
};

/** 服务事项 — one of the 120 services a resident can order. */
export type ServiceItem = {
  attributes: Array<ServiceAttribute>;
  category: ServiceCategory;
  channels: Array<ServiceChannel>;
  /** C01-01 … C12-10 */
  code: Scalars['ID']['output'];
  description: Scalars['String']['output'];
  /** Whether a staff member can take the order at the resident's door. */
  doorToDoor: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  serviceLevel: ServiceLevel;
};

export type ServiceLevel = {
  resolveWithinDays: Scalars['Int']['output'];
  respondWithinHours: Scalars['Int']['output'];
};

/** 工单 — a resident's service request, from any channel, tracked until the return visit. */
export type ServiceOrder = {
  /** Where to serve; masked unless the caller may read the resident's personal data. */
  address?: Maybe<Scalars['String']['output']>;
  answers: Array<AttributeAnswer>;
  /** Social workers of the provider serving the order: one, or a team. Empty until the provider assigns them; cleared when the order is returned. */
  assignedWorkers: Array<AssignedSocialWorker>;
  assistance?: Maybe<AssistedIntake>;
  channel: ServiceChannel;
  closedAt?: Maybe<Scalars['String']['output']>;
  community: Community;
  /** The phone given at intake; masked unless the caller may read the resident's personal data. */
  contactPhone: Scalars['String']['output'];
  contractId?: Maybe<Scalars['ID']['output']>;
  deadlines: ServiceOrderDeadlines;
  handledInCommunity: Scalars['Boolean']['output'];
  /** Volunteers who helped. */
  helperResidents: Array<Resident>;
  /** The order number, e.g. JX-20261127-000123. */
  id: Scalars['ID']['output'];
  item: ServiceItem;
  /** What can happen next, whoever may do it. */
  nextActions: Array<ServiceOrderAction>;
  /** The same human-readable number, for people on the phone. */
  number: Scalars['String']['output'];
  provider?: Maybe<SocialOrganization>;
  resident: Resident;
  satisfaction?: Maybe<Scalars['Int']['output']>;
  satisfactionComment?: Maybe<Scalars['String']['output']>;
  status: ServiceOrderStatus;
  submittedAt: Scalars['String']['output'];
  summary?: Maybe<Scalars['String']['output']>;
  /** Time spent in each status so far. */
  timeInStatus: Array<StatusDuration>;
  timeline: Array<TimelineEntry>;
  /** Grows with every status change. */
  version: Scalars['Int']['output'];
};

export type ServiceOrderAction =
  | 'ACCEPT'
  | 'CANCEL'
  | 'CLOSE'
  | 'DISPATCH'
  | 'ESCALATE'
  | 'REOPEN'
  | 'RESOLVE'
  | 'RETURN'
  | 'START'
  | 'SUBMIT';

export type ServiceOrderConnection = {
  edges: Array<ServiceOrderEdge>;
  pageInfo: PageInfo;
};

export type ServiceOrderDeadlines = {
  escalatedAt?: Maybe<Scalars['String']['output']>;
  escalationReason?: Maybe<EscalationReason>;
  /** Not resolved, and past its resolution deadline (as of the last sweep). */
  resolutionOverdue: Scalars['Boolean']['output'];
  resolveBy: Scalars['String']['output'];
  resolvedAt?: Maybe<Scalars['String']['output']>;
  resolvedOnTime?: Maybe<Scalars['Boolean']['output']>;
  respondBy: Scalars['String']['output'];
  respondedAt?: Maybe<Scalars['String']['output']>;
  respondedOnTime?: Maybe<Scalars['Boolean']['output']>;
  /** Not accepted, and past its response deadline (as of the last sweep). */
  responseOverdue: Scalars['Boolean']['output'];
};

export type ServiceOrderEdge = {
  cursor: Scalars['String']['output'];
  node: ServiceOrder;
};

export type ServiceOrderFilter = {
  channel?: InputMaybe<ServiceChannel>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  providerOrgId?: InputMaybe<Scalars['ID']['input']>;
  statuses?: InputMaybe<Array<ServiceOrderStatus>>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

export type ServiceOrderStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'CLOSED'
  | 'DISPATCHED'
  | 'IN_PROGRESS'
  | 'REOPENED'
  | 'RESOLVED'
  | 'RETURNED'
  | 'SUBMITTED';

/** 党员服务岗 — a party member's service post: where, who and when. */
export type ServicePost = {
  community: Community;
  endsOn?: Maybe<Scalars['String']['output']>;
  holder: PartyMember;
  id: Scalars['ID']['output'];
  /** The room or counter, e.g. 党群服务中心·党员之家. */
  place: Scalars['String']['output'];
  schedule: ServiceSchedule;
  startsOn: Scalars['String']['output'];
  status: ServicePostStatus;
  title: Scalars['String']['output'];
};

export type ServicePostConnection = {
  edges: Array<ServicePostEdge>;
  pageInfo: PageInfo;
};

export type ServicePostEdge = {
  cursor: Scalars['String']['output'];
  node: ServicePost;
};

export type ServicePostFilter = {
  communityId?: InputMaybe<Scalars['ID']['input']>;
  holderId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ServicePostStatus>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

export type ServicePostStatus =
  | 'ACTIVE'
  | 'ENDED';

export type ServiceSchedule = {
  closesAt: Scalars['String']['output'];
  /** Local time, HH:MM. */
  opensAt: Scalars['String']['output'];
  weekdays: Array<Weekday>;
};

/** Aggregates over the orders submitted in the months asked for. Public. */
export type ServiceStatistics = {
  averageSatisfaction?: Maybe<Scalars['Float']['output']>;
  /** Average time an order spent in each status before leaving it. */
  averageTimeInStatus: Array<StatusDuration>;
  byCategory: Array<CategoryCount>;
  byChannel: Array<ChannelCount>;
  byCommunity: Array<CommunityCount>;
  /** Where those orders are now. */
  byStatus: Array<StatusCount>;
  cancelled: Scalars['Int']['output'];
  closed: Scalars['Int']['output'];
  escalated: Scalars['Int']['output'];
  fromMonth?: Maybe<Scalars['String']['output']>;
  reopened: Scalars['Int']['output'];
  /** Share of closed orders resolved within their resolution time; null when none was closed. */
  resolutionOnTimeRate?: Maybe<Scalars['Float']['output']>;
  /** Share of accepted orders accepted within their response time; null when none was accepted. */
  responseOnTimeRate?: Maybe<Scalars['Float']['output']>;
  returned: Scalars['Int']['output'];
  satisfaction: Array<SatisfactionCount>;
  submitted: Scalars['Int']['output'];
  toMonth?: Maybe<Scalars['String']['output']>;
};

export type SignServiceContractInput = {
  budgetYuan: Scalars['Float']['input'];
  buyer: Scalars['String']['input'];
  communityIds: Array<Scalars['ID']['input']>;
  endsOn: Scalars['String']['input'];
  /** Deterministic ids are allowed for seeding; omitted, one is generated. */
  id?: InputMaybe<Scalars['ID']['input']>;
  itemCodes: Array<Scalars['ID']['input']>;
  kpiTargets?: InputMaybe<KpiTargetsInput>;
  providerOrgId: Scalars['ID']['input'];
  startsOn: Scalars['String']['input'];
};

/**
 * The social-organization overview, owned by social-orgs; registry adds the members of the party
 * branches inside social organizations, since it holds the party members (one owner for 党员101人).
 */
export type SocialOrgOverview = {
  centres: CentreCounts;
  hubs: Scalars['Int']['output'];
  /** Always "district": there is one overview. */
  id: Scalars['ID']['output'];
  /** Organizations reached by a party-building instructor instead of a branch. */
  instructorCovered: Scalars['Int']['output'];
  /** Registered organizations that are not deregistered. */
  organizations: Scalars['Int']['output'];
  organizationsAtCentres: Scalars['Int']['output'];
  /** The party organizations that are branches inside social organizations, as social-orgs records them. */
  partyBranchIds: Array<Scalars['ID']['output']>;
  /** Those branches: registry's party organizations, with their names and member counts. */
  partyBranchOrganizations: Array<PartyOrganization>;
  /** Distinct party branches (own or joint) inside social organizations. */
  partyBranches: Scalars['Int']['output'];
  /** Members of those branches, counted from registry's party members: the report's 党员101人. */
  partyMembersInBranches: Scalars['Int']['output'];
  /** Which of these figures come from the report, and from which sentence; the others are demo data. */
  sources: Array<FigureSource>;
};

/** A social organization, owned by social-orgs, that can donate rewards: social organizations link resources into 润贤银行. */
export type SocialOrganization = {
  /** Annual reviews, newest first. Needs DISTRICT_ADMIN or ORG_STAFF of this organization. */
  annualReviews?: Maybe<Array<AnnualReview>>;
  /**
   * Orders dispatched to the organization, newest first; the ones it is working on unless `statuses` is given.
   * For its staff and social workers, and district admins.
   */
  assignedServiceOrders: Array<ServiceOrder>;
  communities: Array<Community>;
  /** Government-purchased service contracts it provides, newest first. Public. */
  contracts: Array<ServiceContract>;
  /** The unified social credit code: 18 characters per GB 32100-2015, check character verified. */
  creditCode: Scalars['String']['output'];
  domains: Array<ServiceDomain>;
  id: Scalars['ID']['output'];
  /** Organizations this hub incubates; empty for other kinds. */
  incubatedOrganizations: Array<SocialOrganization>;
  /** The hub organization that incubates this one, if any. */
  incubatingHub?: Maybe<SocialOrganization>;
  /** Joint party-building meetings it took part in, newest first. Public. */
  jointPartyMeetings: Array<JointPartyMeeting>;
  kind: OrganizationKind;
  name: Scalars['String']['output'];
  /** Public activities this organization organizes, by id. */
  organizedActivities: ActivityConnection;
  /** How party building covers the organization; null when it is not covered yet. */
  partyCoverage?: Maybe<PartyCoverage>;
  /** Totals of its party members' and key staff's training (党员和骨干人才同步培养). Public: counts and hours only. */
  partyTraining: PartyTrainingTotals;
  /** Training hours person by person, most first. Needs DISTRICT_ADMIN or ORG_STAFF of this organization. */
  partyTrainingByPerson?: Maybe<Array<PersonPartyTraining>>;
  /** Registration date, YYYY-MM-DD. */
  registeredOn: Scalars['String']['output'];
  /** The service centre the organization is stationed at, if any. */
  serviceCentre?: Maybe<ServiceCentre>;
  /** The level of that service centre. */
  serviceCentreLevel?: Maybe<ServiceCentreLevel>;
  /** Its social workers. Needs DISTRICT_ADMIN or ORG_STAFF of this organization. */
  socialWorkers?: Maybe<Array<SocialWorker>>;
  status: OrganizationStatus;
  /** Support (综合保障) it received, newest first. Public: it is public money and public rooms. */
  supportReceived: Array<OrganizationSupport>;
  /** Its annual target evaluations (目标考评), newest first. Needs DISTRICT_ADMIN or ORG_STAFF of this organization. */
  targetEvaluations?: Maybe<Array<OrganizationEvaluation>>;
};


/** A social organization, owned by social-orgs, that can donate rewards: social organizations link resources into 润贤银行. */
export type SocialOrganizationAssignedServiceOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<ServiceOrderStatus>>;
};


/** A social organization, owned by social-orgs, that can donate rewards: social organizations link resources into 润贤银行. */
export type SocialOrganizationOrganizedActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type SocialOrganizationConnection = {
  edges: Array<SocialOrganizationEdge>;
  pageInfo: PageInfo;
};

export type SocialOrganizationEdge = {
  cursor: Scalars['String']['output'];
  node: SocialOrganization;
};

export type SocialOrganizationFilter = {
  communityId?: InputMaybe<Scalars['ID']['input']>;
  domain?: InputMaybe<ServiceDomain>;
  /** Organizations incubated by this hub. */
  hubId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<OrganizationKind>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<OrganizationStatus>;
};

/** A social worker, owned by social-orgs; resident-services adds the orders they serve. */
export type SocialWorker = {
  /** Age in whole years today. */
  age: Scalars['Int']['output'];
  /** YYYY-MM-DD. */
  birthDate: Scalars['String']['output'];
  /** The national social-worker qualification, if passed. */
  certificate?: Maybe<Certificate>;
  /** Junior college (大专) or above. */
  collegeOrAbove: Scalars['Boolean']['output'];
  community?: Maybe<Community>;
  education: Education;
  /** Annual target evaluations, newest first. */
  evaluations: Array<Evaluation>;
  id: Scalars['ID']['output'];
  /** The day the worker left (YYYY-MM-DD); null while ACTIVE. */
  leftOn?: Maybe<Scalars['String']['output']>;
  /** Certified workers receive the monthly post allowance while active. */
  monthlyAllowanceEligible: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  organization: SocialOrganization;
  /**
   * Service orders the worker is assigned to, alone or in a team, newest first; all statuses unless
   * `statuses` is given. For the worker themself, ORG_STAFF of their organization, and district admins.
   */
  serviceOrders: Array<ServiceOrder>;
  /** Service orders the worker served (assigned by the provider, alone or in a team), per year of closing, newest first: from resident-services' closed orders. */
  serviceRecord: Array<WorkerServiceYear>;
  status: SocialWorkerStatus;
  trainingHours: Scalars['Float']['output'];
  trainings: Array<Training>;
  /** One of the social workers under the district's annual target evaluation (目标考评), the report's 166; the district's other social workers are false. */
  underTargetEvaluation: Scalars['Boolean']['output'];
};


/** A social worker, owned by social-orgs; resident-services adds the orders they serve. */
export type SocialWorkerServiceOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<ServiceOrderStatus>>;
};

export type SocialWorkerConnection = {
  edges: Array<SocialWorkerEdge>;
  pageInfo: PageInfo;
};

export type SocialWorkerEdge = {
  cursor: Scalars['String']['output'];
  node: SocialWorker;
};

export type SocialWorkerFilter = {
  communityId?: InputMaybe<Scalars['ID']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
  /** true: the workers under annual target evaluation (the report's 166); false: the district's other social workers; omitted: both. socialWorkerStats ignores it: its shares always count the evaluated, certifiedAllWorkers everyone. */
  underTargetEvaluation?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SocialWorkerStats = {
  /** The day ages were counted on, YYYY-MM-DD. */
  asOf: Scalars['String']['output'];
  certified: Scalars['Int']['output'];
  /** Certified social workers (社工师) whether under target evaluation or not, within the filter: the report's 已有100多名社工师 district-wide. */
  certifiedAllWorkers: Scalars['Int']['output'];
  certifiedShare: Scalars['Float']['output'];
  collegeOrAbove: Scalars['Int']['output'];
  collegeShare: Scalars['Float']['output'];
  /** District-wide (no filter): which figures come from the report, and from which sentence. Empty for a filtered selection, whose figures the report does not give. */
  sources: Array<FigureSource>;
  total: Scalars['Int']['output'];
  under35: Scalars['Int']['output'];
  /** Shares are 0–1 with two decimals; 0 when total is 0. */
  under35Share: Scalars['Float']['output'];
};

export type SocialWorkerStatus =
  | 'ACTIVE'
  | 'LEFT';

export type StaffMemberInput = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type Statement = {
  accountId: Scalars['ID']['output'];
  /** Points the daily or monthly cap held back in the period; each line says why. */
  cappedPoints: Scalars['Int']['output'];
  closingBalance: Scalars['Int']['output'];
  credited: Scalars['Int']['output'];
  debited: Scalars['Int']['output'];
  from: Scalars['String']['output'];
  /** Oldest first. */
  lines: Array<StatementLine>;
  openingBalance: Scalars['Int']['output'];
  to: Scalars['String']['output'];
};

export type StatementLine = {
  /** Signed change of the balance. */
  amount: Scalars['Int']['output'];
  balanceAfter: Scalars['Int']['output'];
  /** When the posting was booked. */
  bookedAt: Scalars['String']['output'];
  /** What the caps held back. */
  cappedAmount: Scalars['Int']['output'];
  counterpartyAccountId?: Maybe<Scalars['ID']['output']>;
  kind: PostingKind;
  /** Why: the cap that was reached, the reward redeemed, the expiry rule… */
  note?: Maybe<Scalars['String']['output']>;
  /** When the deed or event behind it happened. */
  occurredAt: Scalars['String']['output'];
  postingId: Scalars['ID']['output'];
  reason?: Maybe<EarningReason>;
  /** What the rule gave before caps (earnings). */
  requestedAmount?: Maybe<Scalars['Int']['output']>;
  /** Version of the earning rules the posting used. */
  ruleVersion?: Maybe<Scalars['Int']['output']>;
  /** The fact behind the posting, e.g. attendance:<id>, redemption:<id>. */
  sourceRef?: Maybe<Scalars['String']['output']>;
};

export type StatisticsFilter = {
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** YYYY-MM, inclusive. */
  fromMonth?: InputMaybe<Scalars['String']['input']>;
  streetId?: InputMaybe<Scalars['ID']['input']>;
  /** YYYY-MM, inclusive. */
  toMonth?: InputMaybe<Scalars['String']['input']>;
};

export type StatusCount = {
  count: Scalars['Int']['output'];
  status: ServiceOrderStatus;
};

export type StatusDuration = {
  seconds: Scalars['Int']['output'];
  status: ServiceOrderStatus;
};

/** 街道 — a sub-district office and its territory. */
export type Street = {
  communities: Array<Community>;
  district: District;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Every street has exactly one regional party working committee. */
  regionalPartyCommittee: RegionalPartyCommittee;
};


/** 街道 — a sub-district office and its territory. */
export type StreetCommunitiesArgs = {
  urban?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SubmitServiceOrderInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  answers?: InputMaybe<Array<AttributeAnswerInput>>;
  channel: ServiceChannel;
  /** Required on CALL_CENTER and DOOR_TO_DOOR: the resident's consent. */
  consent?: InputMaybe<ConsentInput>;
  contactPhone: Scalars['String']['input'];
  itemCode: Scalars['ID']['input'];
  /** Required when staff enter the order for a resident; a resident submits for themself. */
  residentId?: InputMaybe<Scalars['ID']['input']>;
  /** Required on CALL_CENTER and DOOR_TO_DOOR: who took the order. */
  staffMember?: InputMaybe<StaffMemberInput>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type SupportKind =
  | 'FUNDS'
  | 'OTHER'
  | 'ROOM'
  | 'TRAINING';

export type TerminalKind =
  | 'INFORMATION_SCREEN'
  | 'SELF_SERVICE_KIOSK'
  | 'STAFF_DESK';

export type TerminalStatus =
  | 'MAINTENANCE'
  | 'OFFLINE'
  | 'ONLINE';

export type TerritoryLevel =
  | 'COMMUNITY'
  | 'STREET';

export type TimelineEntry = {
  action: ServiceOrderAction;
  at: Scalars['String']['output'];
  /** The user who acted; null for the system (the deadline sweep). */
  by?: Maybe<Scalars['ID']['output']>;
  /** The role the user acted in, or SYSTEM. */
  byRole: Scalars['String']['output'];
  from?: Maybe<ServiceOrderStatus>;
  note?: Maybe<Scalars['String']['output']>;
  /** The provider the order was with at that step. */
  provider?: Maybe<SocialOrganization>;
  to: ServiceOrderStatus;
};

export type Training = {
  completedOn: Scalars['String']['output'];
  hours: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  provider: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type TrainingInput = {
  completedOn: Scalars['String']['input'];
  hours: Scalars['Float']['input'];
  provider: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/** Omitted or null fields stay as they are; give at least one. Lists replace the centre's lists. */
export type UpdateCommunityCentreInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  offerings?: InputMaybe<Array<CentreOfferingInput>>;
  rooms?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateCommunityInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  serviceHall?: InputMaybe<ServiceHallInput>;
  urban?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdatePartyOrganizationInput = {
  kind?: InputMaybe<PartyOrganizationKind>;
  name?: InputMaybe<Scalars['String']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  unitName?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateResidentInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  careTags?: InputMaybe<Array<ResidentCareTag>>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  preferredChannel?: InputMaybe<ResidentContactChannel>;
  volunteer?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateSocialOrganizationInput = {
  communityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** DISTRICT_ADMIN only. */
  creditCode?: InputMaybe<Scalars['String']['input']>;
  domains?: InputMaybe<Array<ServiceDomain>>;
  /** DISTRICT_ADMIN only. */
  incubatingHubId?: InputMaybe<Scalars['ID']['input']>;
  /** DISTRICT_ADMIN only. */
  kind?: InputMaybe<OrganizationKind>;
  /** DISTRICT_ADMIN only. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** DISTRICT_ADMIN only. */
  serviceCentreId?: InputMaybe<Scalars['ID']['input']>;
  /** DISTRICT_ADMIN only. */
  status?: InputMaybe<OrganizationStatus>;
};

export type UpdateStreetInput = {
  name?: InputMaybe<Scalars['String']['input']>;
};

/** 场地 — a room or open space a community lends out (党员之家, 阅友之家, 创享社, a square). */
export type Venue = {
  /** Whether bookings may overlap (a large open space); otherwise each half hour has one holder. */
  allowsOverlap: Scalars['Boolean']['output'];
  /** Active bookings overlapping the window [from, to), in time order (ISO 8601 date-times). */
  bookings: Array<VenueBooking>;
  capacity: Scalars['Int']['output'];
  community: Community;
  id: Scalars['ID']['output'];
  kind: VenueKind;
  name: Scalars['String']['output'];
  openingHours: Array<VenueOpeningHours>;
  rotas: Array<Rota>;
};


/** 场地 — a room or open space a community lends out (党员之家, 阅友之家, 创享社, a square). */
export type VenueBookingsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type VenueBooking = {
  endsAt: Scalars['String']['output'];
  holder: VenueBookingHolder;
  id: Scalars['ID']['output'];
  purpose?: Maybe<Scalars['String']['output']>;
  rota?: Maybe<Rota>;
  startsAt: Scalars['String']['output'];
  status: VenueBookingStatus;
  venue: Venue;
};

export type VenueBookingHolder = {
  id?: Maybe<Scalars['ID']['output']>;
  kind: VenueBookingHolderKind;
  name: Scalars['String']['output'];
};

export type VenueBookingHolderKind =
  | 'ACTIVITY'
  | 'GROUP'
  | 'OTHER';

export type VenueBookingStatus =
  | 'ACTIVE'
  | 'CANCELLED';

export type VenueKind =
  | 'OPEN_SPACE'
  | 'ROOM';

export type VenueOpeningHours = {
  closes: Scalars['String']['output'];
  opens: Scalars['String']['output'];
  /** 1 = Monday … 7 = Sunday. */
  weekday: Scalars['Int']['output'];
};

export type VenueOpeningHoursInput = {
  closes: Scalars['String']['input'];
  opens: Scalars['String']['input'];
  weekday: Scalars['Int']['input'];
};

export type VirtueRank = {
  /** Points earned since the account was opened, after caps. */
  earnedPoints: Scalars['Int']['output'];
  rank: Scalars['Int']['output'];
  resident: Resident;
};

export type VolunteerHours = {
  completed: Scalars['Float']['output'];
  scheduled: Scalars['Float']['output'];
  verified: Scalars['Float']['output'];
};

/** 志愿服务 — a resident's volunteer role at an activity, with the hours scheduled, reported and verified. */
export type VolunteerShift = {
  activity: Activity;
  completedHours?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  resident: Resident;
  role?: Maybe<Scalars['String']['output']>;
  scheduledHours?: Maybe<Scalars['Float']['output']>;
  status: VolunteerShiftStatus;
  verifiedHours?: Maybe<Scalars['Float']['output']>;
};

export type VolunteerShiftStatus =
  | 'COMPLETED'
  | 'SCHEDULED'
  | 'VERIFIED';

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

/** 社工团队执行 — the service orders a social worker served in one year (by the year the order closed). */
export type WorkerServiceYear = {
  /** Mean resident satisfaction 1–5 of those orders, two decimals. */
  averageSatisfaction?: Maybe<Scalars['Float']['output']>;
  ordersServed: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

export type CommunityActivitiesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CommunityActivitiesQuery = { community?: { id: string, name: string, activities: Array<{ id: string, title: string, startsAt: string, status: ActivityStatus }> } | null };


export const CommunityActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommunityActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"community"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CommunityActivitiesQuery, CommunityActivitiesQueryVariables>;