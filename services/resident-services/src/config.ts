import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

export const residentServicesConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  MONGO_DB: z.string().default('sanshe_resident_services'),
  /** How often the housekeeping runs: the deadline sweep (marks and escalates overdue orders), then archiving finished ones. */
  SLA_SWEEP_MS: z.coerce.number().int().positive().default(60_000),
});

export type ResidentServicesConfig = z.infer<typeof residentServicesConfigSchema>;

export const loadResidentServicesConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(residentServicesConfigSchema, env);
