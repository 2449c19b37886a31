import { graphql } from './gql';

// Every operation the portal sends. Codegen types them and registers each in the
// trusted-documents manifest (src/gql/persisted-documents.json).

// The district page asks each figure from the subgraph that owns it in a query of its own: the
// root fields are non-null, so one owner down would otherwise blank the whole page.
export const DistrictFigures = graphql(`
  query DistrictFigures {
    districtOverview {
      streets
      communities
      urbanCommunities
      ruralCommunities
      standardisedServiceHalls
      regionalPartyCommittees
      partyOrganizations
      coBuildingPartyOrganizations
      residents
      sources {
        field
        reported
        citation
      }
    }
  }
`);

export const DistrictActivities = graphql(`
  query DistrictActivities($since: String!) {
    activityStats(period: { from: $since }) {
      activities
      participations
      byMonth {
        key
        activities
        participations
      }
    }
  }
`);

export const DistrictOrders = graphql(`
  query DistrictOrders {
    serviceStatistics {
      submitted
      byStatus {
        status
        count
      }
      responseOnTimeRate
      resolutionOnTimeRate
    }
  }
`);

export const DistrictPoints = graphql(`
  query DistrictPoints($since: String!, $until: String!) {
    pointsEarnedByMonth(fromMonth: $since, toMonth: $until) {
      month
      points
      postings
    }
  }
`);

export const CommunityList = graphql(`
  query CommunityList {
    communities {
      id
      name
      street {
        name
      }
    }
  }
`);

export const CommunityOverview = graphql(`
  query CommunityOverview($id: ID!) {
    community(id: $id) {
      id
      name
      street {
        name
      }
      residentCount
      publishedActivityCount
      upcomingActivities(first: 10) {
        id
        title
        category
        startsAt
        capacity
        seatsLeft
        waitlistLength
      }
    }
  }
`);

export const CommunityRanking = graphql(`
  query CommunityRanking($id: ID!) {
    virtueRanking(communityId: $id, first: 10) {
      rank
      earnedPoints
      resident {
        id
      }
    }
  }
`);

export const CommunityOpenOrders = graphql(`
  query CommunityOpenOrders($id: ID!) {
    community(id: $id) {
      id
      serviceOrders(first: 20) {
        id
        number
        status
        submittedAt
        item {
          name
        }
        deadlines {
          respondBy
        }
        nextActions
      }
    }
  }
`);

export const AcceptServiceOrder = graphql(`
  mutation AcceptServiceOrder($id: ID!) {
    acceptServiceOrder(id: $id) {
      id
      status
      nextActions
    }
  }
`);

export const ResidentPage = graphql(`
  query ResidentPage($from: String!) {
    myPointsAccount {
      balance
      earnedPoints
    }
    myServiceOrders(first: 10) {
      edges {
        node {
          id
          number
          status
          submittedAt
          item {
            name
          }
        }
      }
    }
    activities(filter: { startsFrom: $from }, first: 20) {
      edges {
        node {
          id
          title
          startsAt
          capacity
          seatsLeft
          community {
            id
          }
        }
      }
    }
  }
`);

export const ServiceCatalog = graphql(`
  query ServiceCatalog {
    serviceCatalog {
      categories {
        code
        name
        items {
          code
          name
          channels
          attributes {
            code
            description
            datatype
            required
            order
            values {
              key
              name
            }
            min
            max
          }
        }
      }
    }
  }
`);

export const RegisterForActivity = graphql(`
  mutation RegisterForActivity($activityId: ID!) {
    registerForActivity(activityId: $activityId) {
      id
      status
      waitlistPosition
      activity {
        id
        seatsLeft
      }
    }
  }
`);

export const SubmitServiceOrder = graphql(`
  mutation SubmitServiceOrder($input: SubmitServiceOrderInput!) {
    submitServiceOrder(input: $input) {
      id
      number
      status
    }
  }
`);
