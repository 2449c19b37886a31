import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

export const registryConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  MONGO_DB: z.string().default('sanshe_registry'),
});

export type RegistryConfig = z.infer<typeof registryConfigSchema>;

export const loadRegistryConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(registryConfigSchema, env);
