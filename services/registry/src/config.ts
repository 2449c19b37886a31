import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

export const registryConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  MONGO_DB: z.string().default('sanshe_registry'),
  /** The district this registry serves: the root of its territory tree. */
  DISTRICT_ID: z.string().min(1).default('district-jianxi'),
  DISTRICT_NAME: z.string().min(1).default('涧西区'),
  DISTRICT_POPULATION: z.coerce.number().int().nonnegative().default(800_000),
});

export type RegistryConfig = z.infer<typeof registryConfigSchema>;

export const loadRegistryConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(registryConfigSchema, env);
