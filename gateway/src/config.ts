import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

const url = z.string().url();

export const gatewayConfigSchema = baseConfigSchema
  .omit({ OUTBOX_POLL_MS: true, CONSUMER_MAX_ATTEMPTS: true })
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
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(100_000),
    /** Approximate size of the query-plan cache (LRU), in MiB. */
    QUERY_PLAN_CACHE_MIB: z.coerce.number().int().positive().default(30),
  });

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
