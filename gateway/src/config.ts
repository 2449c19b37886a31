import { baseConfigSchema, keyVariable, loadConfig, parseSigningKey, weakSecretReason, type SigningKey } from '@sanshe/service-kit';
import { z } from 'zod';

const url = z.string().url();

/** `true`/`false`/`1`/`0` from the environment (z.coerce.boolean would read "false" as true). */
const flag = z.enum(['true', 'false', '1', '0'], { message: 'use true or false' }).transform((v) => v === 'true' || v === '1');
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const gatewayConfigSchema = baseConfigSchema
  .omit({ OUTBOX_SWEEP_MS: true, CONSUMER_MAX_ATTEMPTS: true, IDENTITY_PUBLIC_KEYS: true })
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    REGISTRY_URL: url.default('http://127.0.0.1:4001/graphql'),
    SOCIAL_ORGS_URL: url.default('http://127.0.0.1:4002/graphql'),
    ACTIVITIES_URL: url.default('http://127.0.0.1:4003/graphql'),
    RESIDENT_SERVICES_URL: url.default('http://127.0.0.1:4004/graphql'),
    CREDITS_URL: url.default('http://127.0.0.1:4005/graphql'),
    /**
     * HS256 secret for locally minted tokens; required when JWKS_URL is not set. No default:
     * development generates one into .data/keys, production must set it (32+ random characters).
     */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    /** An OIDC issuer's JWKS endpoint; when set, tokens are verified against it (RS256/ES256). */
    JWKS_URL: url.optional(),
    /**
     * After fetching the JWKS, a token naming an unknown key id waits this long before the JWKS is
     * fetched again: a rotation is picked up, and made-up key ids cannot make the gateway hammer the issuer.
     */
    JWKS_REFETCH_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
    JWT_ISSUER: z.string().default('sanshe-local'),
    JWT_AUDIENCE: z.string().default('sanshe'),
    /** Longest lifetime a token may have (exp − iat); longer-lived tokens are refused. */
    JWT_MAX_LIFETIME_SECONDS: count(12 * 3600),
    /** Clock difference tolerated on exp/nbf/iat between the issuer and the gateway. */
    JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    /** The Ed25519 key the gateway signs identity headers with: `<kid>:<base64 PKCS#8>`. */
    IDENTITY_SIGNING_KEY: keyVariable<SigningKey>('IDENTITY_SIGNING_KEY', parseSigningKey),
    // Rate limits per caller (subject when signed in, else IP) and per IP, over RATE_LIMIT_WINDOW_SECONDS.
    /** Requests of any kind. */
    RATE_LIMIT_REQUESTS: count(600),
    RATE_LIMIT_WINDOW_SECONDS: count(60),
    /** Lookups by a guessable key (trackServiceOrder): each field counts, aliases too. */
    RATE_LIMIT_LOOKUPS: count(10),
    RATE_LIMIT_LOOKUP_WINDOW_SECONDS: count(900),
    /** Sum of the per-field weights of schemas/cost-weights.json one operation may reach. */
    MAX_FIELD_COST: count(1000),
    /** Larger request bodies are refused with HTTP 413 before parsing. */
    MAX_BODY_BYTES: count(100_000),
    /** A GraphQL request running longer is answered with HTTP 504, code REQUEST_TIMEOUT. */
    REQUEST_TIMEOUT_MS: count(15_000),
    /** Reuse connections to subgraphs (HTTP keep-alive); off only to measure what it saves. */
    SUBGRAPH_KEEP_ALIVE: flag.default('true'),
    /** Open connections per subgraph at most (with keep-alive). */
    SUBGRAPH_MAX_SOCKETS: count(64),
    /** Automatic persisted queries on subgraph fetches: the hash first, the full query once per subgraph. */
    SUBGRAPH_APQ: flag.default('false'),
    /** Approximate size of the query-plan cache (LRU), in MiB. */
    QUERY_PLAN_CACHE_MIB: count(30),
    // Query limits (graphql-armor), checked before any subgraph is called.
    MAX_DEPTH: count(10),
    MAX_ALIASES: count(15),
    /** Cost: 2 per object field and 1 per scalar, weighted by depth (armor's cost model). */
    MAX_COST: count(5000),
    MAX_TOKENS: count(1000),
    MAX_DIRECTIVES: count(50),
    /** Hide "Did you mean …?" hints, which would reveal the schema when introspection is off. */
    BLOCK_FIELD_SUGGESTIONS: flag.default('true'),
    /** Schema introspection; unset, it is on everywhere except NODE_ENV=production. */
    INTROSPECTION: flag.optional(),
    /** A supergraph file to serve and watch (a mounted ConfigMap); unset, the committed schemas/supergraph.graphql. */
    SUPERGRAPH_PATH: z.string().optional(),
    /** How often the supergraph file is checked for a change. */
    SUPERGRAPH_POLL_MS: count(2_000),
    /** The GraphiQL admin playground at GET / (self-hosted assets); unset, on everywhere except NODE_ENV=production. */
    PLAYGROUND: flag.optional(),
    /** The gateway's own database (at MONGO_URL): Open311 app registrations and their rate counters. */
    OPEN311_DB: z.string().min(1).default('sanshe_gateway'),
    /** Open311 calls per api_key per minute, counted in OPEN311_DB so every replica shares the count. */
    OPEN311_REQUESTS_PER_MINUTE: count(60),
    /** The console signs in here (authorization code + PKCE); set JWKS_URL to the same issuer's keys. */
    CONSOLE_OIDC_ISSUER: url.optional(),
    CONSOLE_OIDC_CLIENT_ID: z.string().default('sanshe-console'),
    CONSOLE_OIDC_SCOPE: z.string().default('openid profile'),
    /** Resource indicator (RFC 8707) asked for, when the issuer needs one to mint a JWT access token. */
    CONSOLE_OIDC_RESOURCE: z.string().optional(),
    /** Trusted documents: off, log (report unknown operations) or enforce (refuse them for non-admins). */
    TRUSTED_DOCUMENTS: z.enum(['off', 'log', 'enforce'], { message: 'use off, log or enforce' }).default('off'),
    /** The manifest (hash → document) as a file path or an http(s) URL; needed unless TRUSTED_DOCUMENTS=off. */
    TRUSTED_DOCUMENTS_MANIFEST: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.JWKS_URL && !c.JWT_SECRET) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['JWT_SECRET'], message: 'JWT_SECRET is required unless JWKS_URL is set' });
    }
    // The console signs in at CONSOLE_OIDC_ISSUER: without that issuer's keys and name, the gateway
    // would refuse every token it gets there, a sign-in that seems to work and never does.
    if (c.CONSOLE_OIDC_ISSUER && !c.JWKS_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['JWKS_URL'],
        message: "JWKS_URL is required with CONSOLE_OIDC_ISSUER: set it to the jwks_uri of the issuer's discovery document",
      });
    }
    if (c.CONSOLE_OIDC_ISSUER && c.JWT_ISSUER !== c.CONSOLE_OIDC_ISSUER) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['JWT_ISSUER'],
        message: `JWT_ISSUER is "${c.JWT_ISSUER}" but the console signs in at CONSOLE_OIDC_ISSUER "${c.CONSOLE_OIDC_ISSUER}": set both to the "issuer" of its discovery document`,
      });
    }
    // Production fails closed on a secret that is a placeholder, a published value or too short.
    const weak = c.NODE_ENV === 'production' && c.JWT_SECRET ? weakSecretReason(c.JWT_SECRET, 32) : null;
    if (weak)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['JWT_SECRET'],
        message: `JWT_SECRET ${weak}; set a random secret for production`,
      });
  })
  .transform((c) => ({
    ...c,
    INTROSPECTION: c.INTROSPECTION ?? c.NODE_ENV !== 'production',
    PLAYGROUND: c.PLAYGROUND ?? c.NODE_ENV !== 'production',
  }));

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(gatewayConfigSchema, env);

/** Subgraph name (as in the supergraph) → URL from config. */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    registry: config.REGISTRY_URL,
    'social-orgs': config.SOCIAL_ORGS_URL,
    activities: config.ACTIVITIES_URL,
    'resident-services': config.RESIDENT_SERVICES_URL,
    credits: config.CREDITS_URL,
  };
}
