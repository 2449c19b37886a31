import { z } from 'zod';

/** Development defaults that are public in this repository: production refuses to start with them. */
export const DEV_IDENTITY_SECRET = 'sanshe-local-identity-secret-change-me';
export const DEV_JWT_SECRET = 'sanshe-local-jwt-secret-only-for-development-use';
const PUBLIC_SECRETS = new Set([DEV_IDENTITY_SECRET, DEV_JWT_SECRET]);

/**
 * The settings every Sanshe process shares. Each service extends this with its own
 * keys; all of them are validated once at start-up so a typo fails loudly, not late.
 */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The interface to listen on: loopback for a local run, 0.0.0.0 in a container. */
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGO_URL: z.string().url().default('mongodb://127.0.0.1:27017'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  /** Shared HMAC secret between gateway and subgraphs for the signed identity header. */
  IDENTITY_SECRET: z.string().min(16, 'IDENTITY_SECRET must be at least 16 characters').default(DEV_IDENTITY_SECRET),
  IDENTITY_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(30),
  /** Prefixed to every consumer group id, so parallel test stacks never share a group. */
  KAFKA_GROUP_PREFIX: z.string().default(''),
  /** How often the outbox relay sweeps every outbox collection (writes in this process wake it at once). */
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(15_000),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {}

/** Parses `env` against `schema`, throwing one readable error that lists every bad key. */
export function loadConfig<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const data = result.data as Record<string, unknown>;
  if (data.NODE_ENV === 'production') {
    // Fail closed: a secret published in this repository signs nothing in production.
    const exposed = Object.keys(data).filter((key) => typeof data[key] === 'string' && PUBLIC_SECRETS.has(data[key] as string));
    const unused = data.JWKS_URL ? ['JWT_SECRET'] : [];
    const refused = exposed.filter((key) => !unused.includes(key));
    if (refused.length > 0) throw new ConfigError(`Invalid configuration:\n${refused.map((k) => `  ${k}: the development default is public; set a secret of your own in production`).join('\n')}`);
  }
  return result.data;
}
