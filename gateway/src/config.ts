import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

const url = z.string().url();

/** `true`/`false`/`1`/`0` from the environment (z.coerce.boolean would read "false" as true). */
const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1');
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const gatewayConfigSchema = baseConfigSchema
  .omit({ OUTBOX_SWEEP_MS: true, CONSUMER_MAX_ATTEMPTS: true })
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    REGISTRY_URL: url.default('http://127.0.0.1:4001/graphql'),
    SOCIAL_ORGS_URL: url.default('http://127.0.0.1:4002/graphql'),
    ACTIVITIES_URL: url.default('http://127.0.0.1:4003/graphql'),
    RESIDENT_SERVICES_URL: url.default('http://127.0.0.1:4004/graphql'),
    CREDITS_URL: url.default('http://127.0.0.1:4005/graphql'),
    /** HS256 secret for locally minted tokens; used when JWKS_URL is not set. */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').default('sanshe-local-jwt-secret-only-for-development-use'),
    /** An OIDC issuer's JWKS endpoint; when set, tokens are verified against it (RS256/ES256). */
    JWKS_URL: url.optional(),
    JWT_ISSUER: z.string().default('sanshe-local'),
    JWT_AUDIENCE: z.string().default('sanshe'),
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
    /** The GraphiQL admin playground at GET / (self-hosted assets, nothing from the network). */
    PLAYGROUND: flag.default('true'),
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
  .transform((c) => ({ ...c, INTROSPECTION: c.INTROSPECTION ?? c.NODE_ENV !== 'production' }));

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
