import type { EventSchema } from './index';

export interface SchemaProblem {
  /** The property concerned: `data.capacity`, `data.itemCodes[]`. */
  path: string;
  problem: string;
}
export interface EventsLock {
  types: Record<string, { file: string; schema: Record<string, unknown> }>;
}
export declare const lockPath: string;
export declare function compareSchemas(prev: unknown, next: unknown, at?: string): SchemaProblem[];
export declare function buildLock(schemas: Record<string, EventSchema>): EventsLock & { about: string };
export declare function readLock(file?: string): EventsLock;
export declare function checkLock(
  lock: EventsLock,
  schemas: Record<string, EventSchema>,
): { breaks: (SchemaProblem & { type: string; text: string })[]; added: string[]; changed: string[] };
