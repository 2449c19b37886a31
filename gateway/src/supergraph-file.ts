import fs from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@sanshe/service-kit';

/**
 * The supergraph from a file that may change under the running gateway: a Kubernetes ConfigMap
 * mounted as a volume is swapped in place (through a symlink) when the chart ships a new one.
 * The file is polled, which sees through the symlink swap where inotify watches often do not;
 * a changed file is handed to Apollo, which composes the new query planner and swaps it in
 * between requests. A file that does not parse as a supergraph is refused and the running one
 * kept, so a bad roll-out degrades to "no change", never to "no graph".
 */
export function supergraphFromFile(path: string, pollMs: number, logger: Logger): { hook: SupergraphSdlHook; initial: string } {
  const initial = fs.readFileSync(path, 'utf8');
  const hook: SupergraphSdlHook = async ({ update }) => {
    let current = initial;
    const onChange = () => {
      let next: string;
      try {
        next = fs.readFileSync(path, 'utf8');
      } catch (err) {
        logger.warn({ path, err: (err as Error).message }, 'could not read the supergraph file; keeping the running one');
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        logger.info({ path }, 'supergraph reloaded');
      } catch (err) {
        logger.error({ path, err: (err as Error).message }, 'the new supergraph was refused; keeping the running one');
      }
    };
    fs.watchFile(path, { interval: pollMs, persistent: false }, onChange);
    return {
      supergraphSdl: initial,
      cleanup: async () => fs.unwatchFile(path, onChange),
    };
  };
  return { hook, initial };
}
