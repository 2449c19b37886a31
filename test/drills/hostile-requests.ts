/**
 * A deterministic catalogue of malformed and hostile requests: bad JSON, huge bodies, deep
 * nesting, alias and field floods, wrong types, NoSQL-injection shapes, unicode junk,
 * forged tokens, and hostile inputs to real mutations of every subgraph.
 */

export interface HostileRequest {
  kind: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** A string or raw bytes; objects are sent as JSON. */
  body?: string | Buffer | object;
  /** Which token to send: none, a valid admin or staff token, or a forged value. */
  auth?: 'none' | 'admin' | 'staff' | 'resident' | { raw: string };
}

/** Small seeded PRNG (mulberry32), so the 1,000 requests are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  '𠮷野家🙂👩‍👩‍👧‍👦',
  'Ａ'.repeat(300),
  '社区'.repeat(2000),
  "'; db.dropDatabase(); //",
  '{"$where": "sleep(5000)"}',
  '$where',
  '$gt',
  '.*',
  '(a+)+$',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '\\',
  '"\'`',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  'x'.repeat(20_000),
  '1e309',
  'NaN',
  '-0',
  '\n\r\t',
];

const JUNK_VALUES: unknown[] = [
  { $where: 'sleep(5000)' },
  { $gt: '' },
  { $ne: null },
  { $regex: '.*' },
  JSON.parse('{"__proto__": {"admin": true}}'),
  { constructor: { prototype: { polluted: true } } },
  [],
  [1, 2, 3],
  {},
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 53),
  1e300,
  ...JUNK_STRINGS,
];

const nest = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);

function deepQuery(depth: number): string {
  let q = 'name';
  for (let i = 0; i < depth; i += 1) q = i % 2 === 0 ? `street { communities { ${q} } }` : `communities { street { ${q} } }`;
  return `{ communities { ${q} } }`;
}

const aliasFlood = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: district { name }`).join(' ')} }`;
const fieldFlood = (n: number) => `{ district { ${'name '.repeat(n)} } }`;
const directiveFlood = (n: number) => `{ district ${'@include(if: true) '.repeat(n)} { name } }`;

/** Queries and mutations with slots for hostile variable values, across every subgraph. */
const TEMPLATES: { query: string; vars: (v: unknown) => Record<string, unknown>; auth: HostileRequest['auth'] }[] = [
  { query: 'query($id: ID!) { community(id: $id) { name } }', vars: (v) => ({ id: v }), auth: 'none' },
  { query: 'query($name: String!) { communityByName(name: $name) { id } }', vars: (v) => ({ name: v }), auth: 'none' },
  { query: 'query($name: String!) { streetByName(name: $name) { id } }', vars: (v) => ({ name: v }), auth: 'none' },
  {
    query: 'query($first: Int, $after: String) { residents(first: $first, after: $after) { edges { node { id } } } }',
    vars: (v) => ({ first: v, after: v }),
    auth: 'admin',
  },
  {
    query: 'query($f: ResidentFilter) { residents(filter: $f, first: 5) { edges { node { id } } } }',
    vars: (v) => ({ f: { communityId: v, careTag: v } }),
    auth: 'admin',
  },
  {
    query: 'query($f: SocialOrganizationFilter) { socialOrganizations(filter: $f, first: 5) { edges { node { id } } } }',
    vars: (v) => ({ f: { nameContains: v } }),
    auth: 'none',
  },
  { query: 'query($id: ID!) { socialOrganization(id: $id) { name } }', vars: (v) => ({ id: v }), auth: 'none' },
  {
    query: 'query($f: ActivityFilter) { activities(filter: $f, first: 5) { edges { node { id } } } }',
    vars: (v) => ({ f: { communityId: v, startsFrom: v, category: v } }),
    auth: 'none',
  },
  {
    query: 'query($p: ActivityStatsPeriod) { activityStats(period: $p) { activities } }',
    vars: (v) => ({ p: { from: v, to: v } }),
    auth: 'none',
  },
  { query: 'query($code: ID!) { serviceItem(code: $code) { name } }', vars: (v) => ({ code: v }), auth: 'none' },
  {
    query: 'query($n: String!, $p: String!) { trackServiceOrder(number: $n, phone: $p) { id } }',
    vars: (v) => ({ n: v, p: v }),
    auth: 'staff',
  },
  {
    query: 'query($f: StatisticsFilter) { serviceStatistics(filter: $f) { submitted } }',
    vars: (v) => ({ f: { fromMonth: v, toMonth: v } }),
    auth: 'none',
  },
  { query: 'query($id: ID!) { pointsAccount(residentId: $id) { balance } }', vars: (v) => ({ id: v }), auth: 'admin' },
  {
    query: 'query($c: ID, $first: Int) { rewards(communityId: $c, first: $first) { edges { node { id } } } }',
    vars: (v) => ({ c: v, first: v }),
    auth: 'none',
  },
  {
    query: 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }',
    vars: (v) => ({ input: { name: v } }),
    auth: 'admin',
  },
  {
    query: 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
    vars: (v) => ({ input: { name: v, streetId: v, urban: v } }),
    auth: 'admin',
  },
  {
    query: 'mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }',
    vars: (v) => ({ input: { communityId: v, name: v, address: v, birthYear: v, phone: v, preferredChannel: 'APP' } }),
    auth: 'admin',
  },
  {
    query: 'mutation($input: RegisterSocialOrganizationInput!) { registerSocialOrganization(input: $input) { id } }',
    vars: (v) => ({ input: { name: v, kind: 'ASSOCIATION', creditCode: v, domains: ['CULTURE'], communityIds: [v] } }),
    auth: 'admin',
  },
  {
    query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
    vars: (v) => ({ input: { title: v, category: v, communityId: v, startsAt: v, endsAt: v, capacity: v } }),
    auth: 'admin',
  },
  { query: 'mutation($id: ID!) { registerForActivity(activityId: $id) { id } }', vars: (v) => ({ id: v }), auth: 'resident' },
  {
    query: 'mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { id } }',
    vars: (v) => ({ input: { itemCode: v, channel: 'WEB', contactPhone: v, summary: v, answers: [{ code: v, value: v }] } }),
    auth: 'resident',
  },
  {
    query: 'mutation($input: EarningRulesInput!) { updateEarningRules(input: $input) { version } }',
    vars: (v) => ({ input: { attendancePoints: v, pointsPerVolunteerHour: v, orderHelpPoints: v, dailyCap: v, monthlyCap: v } }),
    auth: 'admin',
  },
  {
    query: 'mutation($id: ID!, $r: ID) { redeemReward(rewardId: $id, residentId: $r) { id } }',
    vars: (v) => ({ id: v, r: v }),
    auth: 'resident',
  },
];

const FORGED_TOKENS = [
  'Bearer',
  'Bearer ',
  `Bearer ${'a'.repeat(6000)}`,
  'Basic YWRtaW46YWRtaW4=',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiRElTVFJJQ1RfQURNSU4iXX0.',
  'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiRElTVFJJQ1RfQURNSU4iXX0.c2lnbmF0dXJl',
  'Bearer not.a.jwt',
  // Header values travel as bytes: the UTF-8 of an RTL override, written as latin1 characters.
  Buffer.from('Bearer \u202e', 'utf8').toString('latin1'),
  'bearer ' + Buffer.from('{"alg":"HS256"}').toString('base64url') + '..',
];

/** The catalogue: `count` requests cycling over the categories, deterministic for `seed`. */
export function hostileRequests(count = 1000, seed = 20261127): HostileRequest[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const validQuery = '{ district { name streets { name } } }';
  const generators: (() => HostileRequest)[] = [
    () => ({
      kind: 'bad JSON',
      body: pick([
        '{',
        '{"query":',
        '{"query": "{ district { name } }"',
        '[',
        '}',
        'null',
        '42',
        '"text"',
        'true',
        '{"query": 123}',
        '{"query": null}',
        '{"query": ["{ district { name } }"]}',
        '{"query": "{ district { name } }", "variables": "x"}',
        '{"query": "{ district { name } }", "variables": [1]}',
        '\ufeff{"query": "{ district { name } }"}',
        '{"query": "{ district { name } }"} trailing',
        '{"query": "{ district { name } }", "query": "{ streets { id } }"}',
      ]),
    }),
    () => ({ kind: 'deep JSON', body: nest(20_000 + Math.floor(random() * 20_000), '[', ']', '1') }),
    () => ({
      kind: 'invalid UTF-8',
      body: Buffer.concat([
        Buffer.from('{"query": "{ district { name '),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
        Buffer.from(' } }"}'),
      ]),
    }),
    () => ({
      kind: 'huge body',
      body: JSON.stringify({ query: validQuery, variables: { pad: 'x'.repeat(pick([150_000, 1_000_000, 4_000_000])) } }),
    }),
    () => ({
      kind: 'wrong content type',
      headers: {
        'content-type': pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/graphql',
        ]),
      },
      body: JSON.stringify({ query: validQuery }),
    }),
    () => ({
      kind: 'wrong method',
      method: pick(['PUT', 'DELETE', 'PATCH', 'GET']),
      path: pick([
        '/graphql',
        '/graphql?query=%7B%20district%20%7B%20name%20%7D%20%7D',
        '/graphql?query=mutation%7BcreateStreet(input%3A%7Bname%3A%22x%22%7D)%7Bid%7D%7D',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/graphql/../../package.json',
      ]),
    }),
    () => ({ kind: 'deep nesting', body: { query: deepQuery(12 + Math.floor(random() * 60)) } }),
    () => ({ kind: 'alias flood', body: { query: aliasFlood(pick([16, 100, 1000, 3000])) } }),
    () => ({ kind: 'field flood', body: { query: fieldFlood(pick([1001, 5000, 15_000])) } }),
    () => ({ kind: 'directive flood', body: { query: directiveFlood(pick([51, 500])) } }),
    () => ({ kind: 'fragment cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' } }),
    () => ({
      kind: 'introspection',
      body: { query: `{ __schema { types { fields { type { ${nest(8, 'ofType { ', ' }', 'name')} } } } } }` },
    }),
    () => ({
      kind: 'syntax junk',
      body: {
        query: pick([
          '{',
          '}',
          'query',
          '{ district { name }',
          '{ district { name } } }',
          '{ district(id: ) { name } }',
          'mutation',
          '{ __typename @skip }',
          '{ "string" }',
          JUNK_STRINGS[4]!,
          '{ district { name } } # \u0000',
          `{ district { name${'\u0000'} } }`,
        ]),
      },
    }),
    () => ({
      kind: 'unknown fields',
      body: {
        query: pick([
          '{ _entities(representations: [{ __typename: "Resident", id: "x" }]) { __typename } }',
          '{ _service { sdl } }',
          '{ residents { edges { node { password } } } }',
          '{ district { constructor } }',
          '{ __proto__ }',
        ]),
      },
    }),
    () => ({
      kind: 'operation confusion',
      body: pick([
        { query: 'query A { district { name } } query B { streets { id } }' },
        { query: 'query A { district { name } }', operationName: 'B' },
        { query: '{ district { name } } { streets { id } }' },
        { query: validQuery, operationName: 'x'.repeat(5000) },
        { query: 'query($x: Int) { district { name } }', variables: { y: 1 } },
        { query: 'subscription { x }' },
      ]),
    }),
    () => ({ kind: 'batch', body: Array.from({ length: pick([2, 50, 500]) }, () => ({ query: validQuery })) }),
    () => ({
      kind: 'forged token',
      auth: { raw: pick(FORGED_TOKENS) },
      body: { query: 'mutation { createStreet(input: { name: "伪造" }) { id } }' },
    }),
    () => {
      const template = pick(TEMPLATES);
      return {
        kind: 'hostile variables',
        auth: template.auth,
        body: { query: template.query, variables: template.vars(pick(JUNK_VALUES)) },
      };
    },
    () => {
      const template = pick(TEMPLATES);
      const value = pick(JUNK_STRINGS);
      // The junk inlined into the document itself, not as a variable.
      return {
        kind: 'hostile literals',
        auth: template.auth,
        body: { query: template.query.replace(/^(query|mutation)\(.*?\)\s*/, '$1 ').replace(/\$\w+/g, JSON.stringify(value)) },
      };
    },
  ];
  return Array.from({ length: count }, (_, i) => {
    // Every category in turn, then mostly the variable and literal attacks on real operations.
    const g =
      i < generators.length * 20
        ? generators[i % generators.length]!
        : random() < 0.6
          ? generators[generators.length - 2 + (i % 2)]!
          : pick(generators);
    return g();
  });
}

/** What no response may contain: stack frames, file paths, database error text. */
export const INTERNALS: { what: string; pattern: RegExp }[] = [
  { what: 'stack trace', pattern: /\bat (?:async )?[\w$.<>[\]]+ \(|\bat (?:async )?\/[\w/.-]+:\d+|\.(?:ts|js|mjs|cjs):\d+:\d+/ },
  { what: 'file path', pattern: /\/work\/|\/home\/|\/usr\/(?:local\/)?lib|node_modules|[A-Z]:\\\\/ },
  {
    what: 'database error',
    pattern:
      /Mongo(?:Server|Network|Bulk|Parse|Runtime)?Error|MongooseError|E11000|BSON(?:Error|TypeError|Version)|CastError|Cast to \w+ failed|buffering timed out|bwaldvogel|MongoServerException|org\.h2|errmsg|codeName|\$clusterTime/i,
  },
];
