/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources { field reported citation }\n    }\n  }\n": typeof types.DistrictFiguresDocument,
    "\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth { key activities participations }\n    }\n  }\n": typeof types.DistrictActivitiesDocument,
    "\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus { status count }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n": typeof types.DistrictOrdersDocument,
    "\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) { month points postings }\n  }\n": typeof types.DistrictPointsDocument,
    "\n  query CommunityList {\n    communities { id name street { name } }\n  }\n": typeof types.CommunityListDocument,
    "\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street { name }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) { id title category startsAt capacity seatsLeft waitlistLength }\n    }\n  }\n": typeof types.CommunityOverviewDocument,
    "\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) { rank earnedPoints resident { id } }\n  }\n": typeof types.CommunityRankingDocument,
    "\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) { id number status submittedAt item { name } deadlines { respondBy } nextActions }\n    }\n  }\n": typeof types.CommunityOpenOrdersDocument,
    "\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) { id status nextActions }\n  }\n": typeof types.AcceptServiceOrderDocument,
    "\n  query ResidentPage($from: String!) {\n    myPointsAccount { balance earnedPoints }\n    myServiceOrders(first: 10) { edges { node { id number status submittedAt item { name } } } }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges { node { id title startsAt capacity seatsLeft community { id } } }\n    }\n  }\n": typeof types.ResidentPageDocument,
    "\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes { code description datatype required order values { key name } min max }\n        }\n      }\n    }\n  }\n": typeof types.ServiceCatalogDocument,
    "\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) { id status waitlistPosition activity { id seatsLeft } }\n  }\n": typeof types.RegisterForActivityDocument,
    "\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) { id number status }\n  }\n": typeof types.SubmitServiceOrderDocument,
};
const documents: Documents = {
    "\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources { field reported citation }\n    }\n  }\n": types.DistrictFiguresDocument,
    "\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth { key activities participations }\n    }\n  }\n": types.DistrictActivitiesDocument,
    "\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus { status count }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n": types.DistrictOrdersDocument,
    "\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) { month points postings }\n  }\n": types.DistrictPointsDocument,
    "\n  query CommunityList {\n    communities { id name street { name } }\n  }\n": types.CommunityListDocument,
    "\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street { name }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) { id title category startsAt capacity seatsLeft waitlistLength }\n    }\n  }\n": types.CommunityOverviewDocument,
    "\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) { rank earnedPoints resident { id } }\n  }\n": types.CommunityRankingDocument,
    "\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) { id number status submittedAt item { name } deadlines { respondBy } nextActions }\n    }\n  }\n": types.CommunityOpenOrdersDocument,
    "\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) { id status nextActions }\n  }\n": types.AcceptServiceOrderDocument,
    "\n  query ResidentPage($from: String!) {\n    myPointsAccount { balance earnedPoints }\n    myServiceOrders(first: 10) { edges { node { id number status submittedAt item { name } } } }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges { node { id title startsAt capacity seatsLeft community { id } } }\n    }\n  }\n": types.ResidentPageDocument,
    "\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes { code description datatype required order values { key name } min max }\n        }\n      }\n    }\n  }\n": types.ServiceCatalogDocument,
    "\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) { id status waitlistPosition activity { id seatsLeft } }\n  }\n": types.RegisterForActivityDocument,
    "\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) { id number status }\n  }\n": types.SubmitServiceOrderDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources { field reported citation }\n    }\n  }\n"): (typeof documents)["\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources { field reported citation }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth { key activities participations }\n    }\n  }\n"): (typeof documents)["\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth { key activities participations }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus { status count }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n"): (typeof documents)["\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus { status count }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) { month points postings }\n  }\n"): (typeof documents)["\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) { month points postings }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityList {\n    communities { id name street { name } }\n  }\n"): (typeof documents)["\n  query CommunityList {\n    communities { id name street { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street { name }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) { id title category startsAt capacity seatsLeft waitlistLength }\n    }\n  }\n"): (typeof documents)["\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street { name }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) { id title category startsAt capacity seatsLeft waitlistLength }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) { rank earnedPoints resident { id } }\n  }\n"): (typeof documents)["\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) { rank earnedPoints resident { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) { id number status submittedAt item { name } deadlines { respondBy } nextActions }\n    }\n  }\n"): (typeof documents)["\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) { id number status submittedAt item { name } deadlines { respondBy } nextActions }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) { id status nextActions }\n  }\n"): (typeof documents)["\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) { id status nextActions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResidentPage($from: String!) {\n    myPointsAccount { balance earnedPoints }\n    myServiceOrders(first: 10) { edges { node { id number status submittedAt item { name } } } }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges { node { id title startsAt capacity seatsLeft community { id } } }\n    }\n  }\n"): (typeof documents)["\n  query ResidentPage($from: String!) {\n    myPointsAccount { balance earnedPoints }\n    myServiceOrders(first: 10) { edges { node { id number status submittedAt item { name } } } }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges { node { id title startsAt capacity seatsLeft community { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes { code description datatype required order values { key name } min max }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes { code description datatype required order values { key name } min max }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) { id status waitlistPosition activity { id seatsLeft } }\n  }\n"): (typeof documents)["\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) { id status waitlistPosition activity { id seatsLeft } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) { id number status }\n  }\n"): (typeof documents)["\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) { id number status }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;