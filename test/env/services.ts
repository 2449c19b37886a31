import type { RunningService } from '@sanshe/service-kit';

export const SERVICE_NAMES = ['registry', 'social-orgs', 'activities', 'resident-services', 'credits'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * Builds a subgraph from an env map, like its process would be. By convention each
 * service's `src/service.ts` exports `createFromEnv(env)`.
 */
export function createServiceFromEnv(name: ServiceName, env: NodeJS.ProcessEnv): Promise<RunningService> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`@sanshe/${name}/service`) as { createFromEnv(env: NodeJS.ProcessEnv): Promise<RunningService> };
  return mod.createFromEnv(env);
}
