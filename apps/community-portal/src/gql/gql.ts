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
    "\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources {\n        field\n        reported\n        citation\n      }\n    }\n  }\n": typeof types.DistrictFiguresDocument,
    "\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth {\n        key\n        activities\n        participations\n      }\n    }\n  }\n": typeof types.DistrictActivitiesDocument,
    "\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus {\n        status\n        count\n      }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n": typeof types.DistrictOrdersDocument,
    "\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) {\n      month\n      points\n      postings\n    }\n  }\n": typeof types.DistrictPointsDocument,
    "\n  query CommunityList {\n    communities {\n      id\n      name\n      street {\n        name\n      }\n    }\n  }\n": typeof types.CommunityListDocument,
    "\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street {\n        name\n      }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) {\n        id\n        title\n        category\n        startsAt\n        capacity\n        seatsLeft\n        waitlistLength\n      }\n    }\n  }\n": typeof types.CommunityOverviewDocument,
    "\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) {\n      rank\n      earnedPoints\n      resident {\n        id\n      }\n    }\n  }\n": typeof types.CommunityRankingDocument,
    "\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) {\n        id\n        number\n        status\n        submittedAt\n        item {\n          name\n        }\n        deadlines {\n          respondBy\n        }\n        nextActions\n      }\n    }\n  }\n": typeof types.CommunityOpenOrdersDocument,
    "\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) {\n      id\n      status\n      nextActions\n    }\n  }\n": typeof types.AcceptServiceOrderDocument,
    "\n  query ResidentPage($from: String!) {\n    myPointsAccount {\n      balance\n      earnedPoints\n    }\n    myServiceOrders(first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          submittedAt\n          item {\n            name\n          }\n        }\n      }\n    }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          capacity\n          seatsLeft\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ResidentPageDocument,
    "\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes {\n            code\n            description\n            datatype\n            required\n            order\n            values {\n              key\n              name\n            }\n            min\n            max\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServiceCatalogDocument,
    "\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) {\n      id\n      status\n      waitlistPosition\n      activity {\n        id\n        seatsLeft\n      }\n    }\n  }\n": typeof types.RegisterForActivityDocument,
    "\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) {\n      id\n      number\n      status\n    }\n  }\n": typeof types.SubmitServiceOrderDocument,
};
const documents: Documents = {
    "\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources {\n        field\n        reported\n        citation\n      }\n    }\n  }\n": types.DistrictFiguresDocument,
    "\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth {\n        key\n        activities\n        participations\n      }\n    }\n  }\n": types.DistrictActivitiesDocument,
    "\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus {\n        status\n        count\n      }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n": types.DistrictOrdersDocument,
    "\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) {\n      month\n      points\n      postings\n    }\n  }\n": types.DistrictPointsDocument,
    "\n  query CommunityList {\n    communities {\n      id\n      name\n      street {\n        name\n      }\n    }\n  }\n": types.CommunityListDocument,
    "\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street {\n        name\n      }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) {\n        id\n        title\n        category\n        startsAt\n        capacity\n        seatsLeft\n        waitlistLength\n      }\n    }\n  }\n": types.CommunityOverviewDocument,
    "\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) {\n      rank\n      earnedPoints\n      resident {\n        id\n      }\n    }\n  }\n": types.CommunityRankingDocument,
    "\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) {\n        id\n        number\n        status\n        submittedAt\n        item {\n          name\n        }\n        deadlines {\n          respondBy\n        }\n        nextActions\n      }\n    }\n  }\n": types.CommunityOpenOrdersDocument,
    "\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) {\n      id\n      status\n      nextActions\n    }\n  }\n": types.AcceptServiceOrderDocument,
    "\n  query ResidentPage($from: String!) {\n    myPointsAccount {\n      balance\n      earnedPoints\n    }\n    myServiceOrders(first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          submittedAt\n          item {\n            name\n          }\n        }\n      }\n    }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          capacity\n          seatsLeft\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ResidentPageDocument,
    "\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes {\n            code\n            description\n            datatype\n            required\n            order\n            values {\n              key\n              name\n            }\n            min\n            max\n          }\n        }\n      }\n    }\n  }\n": types.ServiceCatalogDocument,
    "\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) {\n      id\n      status\n      waitlistPosition\n      activity {\n        id\n        seatsLeft\n      }\n    }\n  }\n": types.RegisterForActivityDocument,
    "\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) {\n      id\n      number\n      status\n    }\n  }\n": types.SubmitServiceOrderDocument,
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
export function graphql(source: "\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources {\n        field\n        reported\n        citation\n      }\n    }\n  }\n"): (typeof documents)["\n  query DistrictFigures {\n    districtOverview {\n      streets\n      communities\n      urbanCommunities\n      ruralCommunities\n      standardisedServiceHalls\n      regionalPartyCommittees\n      partyOrganizations\n      coBuildingPartyOrganizations\n      residents\n      sources {\n        field\n        reported\n        citation\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth {\n        key\n        activities\n        participations\n      }\n    }\n  }\n"): (typeof documents)["\n  query DistrictActivities($since: String!) {\n    activityStats(period: { from: $since }) {\n      activities\n      participations\n      byMonth {\n        key\n        activities\n        participations\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus {\n        status\n        count\n      }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n"): (typeof documents)["\n  query DistrictOrders {\n    serviceStatistics {\n      submitted\n      byStatus {\n        status\n        count\n      }\n      responseOnTimeRate\n      resolutionOnTimeRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) {\n      month\n      points\n      postings\n    }\n  }\n"): (typeof documents)["\n  query DistrictPoints($since: String!, $until: String!) {\n    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) {\n      month\n      points\n      postings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityList {\n    communities {\n      id\n      name\n      street {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityList {\n    communities {\n      id\n      name\n      street {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street {\n        name\n      }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) {\n        id\n        title\n        category\n        startsAt\n        capacity\n        seatsLeft\n        waitlistLength\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityOverview($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      street {\n        name\n      }\n      residentCount\n      publishedActivityCount\n      upcomingActivities(first: 10) {\n        id\n        title\n        category\n        startsAt\n        capacity\n        seatsLeft\n        waitlistLength\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) {\n      rank\n      earnedPoints\n      resident {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityRanking($id: ID!) {\n    virtueRanking(communityId: $id, first: 10) {\n      rank\n      earnedPoints\n      resident {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) {\n        id\n        number\n        status\n        submittedAt\n        item {\n          name\n        }\n        deadlines {\n          respondBy\n        }\n        nextActions\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityOpenOrders($id: ID!) {\n    community(id: $id) {\n      id\n      serviceOrders(first: 20) {\n        id\n        number\n        status\n        submittedAt\n        item {\n          name\n        }\n        deadlines {\n          respondBy\n        }\n        nextActions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) {\n      id\n      status\n      nextActions\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptServiceOrder($id: ID!) {\n    acceptServiceOrder(id: $id) {\n      id\n      status\n      nextActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResidentPage($from: String!) {\n    myPointsAccount {\n      balance\n      earnedPoints\n    }\n    myServiceOrders(first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          submittedAt\n          item {\n            name\n          }\n        }\n      }\n    }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          capacity\n          seatsLeft\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResidentPage($from: String!) {\n    myPointsAccount {\n      balance\n      earnedPoints\n    }\n    myServiceOrders(first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          submittedAt\n          item {\n            name\n          }\n        }\n      }\n    }\n    activities(filter: { startsFrom: $from }, first: 20) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          capacity\n          seatsLeft\n          community {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes {\n            code\n            description\n            datatype\n            required\n            order\n            values {\n              key\n              name\n            }\n            min\n            max\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceCatalog {\n    serviceCatalog {\n      categories {\n        code\n        name\n        items {\n          code\n          name\n          channels\n          attributes {\n            code\n            description\n            datatype\n            required\n            order\n            values {\n              key\n              name\n            }\n            min\n            max\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) {\n      id\n      status\n      waitlistPosition\n      activity {\n        id\n        seatsLeft\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterForActivity($activityId: ID!) {\n    registerForActivity(activityId: $activityId) {\n      id\n      status\n      waitlistPosition\n      activity {\n        id\n        seatsLeft\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) {\n      id\n      number\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {\n    submitServiceOrder(input: $input) {\n      id\n      number\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;