import { z } from 'zod';
import { withDevelopmentKeys } from './dev-keys';
import { parseTrustedKeys, type TrustedKeys } from './identity';

/** A key variable parsed by `parse`, its error (which names the variable) reported as a config issue. */
export const keyVariable = <T>(variable: string, parse: (value: string, variable: string) => T) =>
  z
    .string({ required_error: `${variable} is required (development generates it into .data/keys; production must set it)` })
    .transform((value, ctx): T => {
      try {
        return parse(value, variable);
      } catch (err) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
        return z.NEVER;
      }
    });

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
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    ),
  /**
   * The gateway's Ed25519 public keys a subgraph trusts for the signed identity header,
   * `<kid>:<base64 SPKI>` separated by commas (two during a key rotation). Subgraphs hold
   * no private key, so none of them can mint an identity.
   */
  IDENTITY_PUBLIC_KEYS: keyVariable<TrustedKeys>('IDENTITY_PUBLIC_KEYS', parseTrustedKeys),
  /**
   * This process's Kafka principal (SASL/SCRAM). Empty = no SASL, for a PLAINTEXT broker of one's
   * own; locally `npm start` and the tests pass the credentials made on the broker's first start,
   * and the production profile refuses to run without them (kafkaAuthFromConfig).
   */
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256']).default('scram-sha-512'),
  /** TLS to the broker (the SASL_SSL listener); the CA file is for a private CA such as the local one. */
  KAFKA_SSL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  KAFKA_SSL_CA_FILE: z.string().optional(),
  /** Prefixed to every consumer group id, so parallel test stacks never share a group. */
  KAFKA_GROUP_PREFIX: z.string().default(''),
  /**
   * Where a consumer group without committed offsets starts: `earliest` (a new service
   * catches up on what the topics retain) or `end` (test stacks: only what is written
   * after the service started, however many runs the broker has seen).
   */
  KAFKA_CONSUMER_START: z.enum(['earliest', 'end']).default('earliest'),
  /** How often the outbox relay sweeps every outbox collection (writes in this process wake it at once). */
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(15_000),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /**
   * How long a consumer's processed-event markers are kept (its dedupe window); older ones are
   * pruned. The default matches the topics' retention (30 days), so a replay of anything a
   * topic still holds is recognised (docs/events.md).
   */
  PROCESSED_EVENTS_RETENTION_HOURS: z.coerce
    .number()
    .positive()
    .default(30 * 24),
  /** How often the markers older than that are pruned. */
  PROCESSED_EVENTS_PRUNE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {}

/**
 * Parses `env` against `schema`, throwing one readable error that lists every bad key.
 * Outside production, missing keys come from the checkout's generated development keys.
 */
export function loadConfig<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(withDevelopmentKeys(env));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
