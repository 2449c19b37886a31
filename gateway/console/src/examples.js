// The example operations, one tab each, in the users' language. The .graphql files are
// validated against the supergraph's API schema by gateway/test/console-operations.test.ts.
import districtOverview from '../operations/1-district-overview.graphql';
import communityDashboard from '../operations/2-community-dashboard.graphql';
import serviceOrderWorkflow from '../operations/3-service-order-workflow.graphql';
import socialOrganizationReview from '../operations/4-social-organization-review.graphql';
import pointsAndRewards from '../operations/5-points-and-rewards.graphql';
import residentView from '../operations/6-resident-view.graphql';

const WELCOME = `# Sanshe 管理控制台 — the admin console.
#
# Sign in with the bar above (development: pick a role and its scope; production: your
# organisation's sign-in). The token stays in this page's memory and goes with every request.
# Scripts get a local token with: npm run -s token -- --role district-admin
#
# The tabs hold example operations: 区县总览, 社区看板, 工单流转, 社会组织年检,
# 积分与奖品, 居民视角. The explorer on the left builds a query by ticking fields.

{ __typename }
`;

export const EXAMPLE_TABS = [
  { query: WELCOME },
  { query: districtOverview },
  { query: communityDashboard },
  { query: serviceOrderWorkflow, variables: '{\n  "id": ""\n}' },
  { query: socialOrganizationReview, variables: '{\n  "organizationId": "",\n  "year": 2026,\n  "inspectedOn": "2026-12-01"\n}' },
  { query: pointsAndRewards, variables: '{\n  "id": ""\n}' },
  { query: residentView, variables: '{\n  "id": ""\n}' },
];
