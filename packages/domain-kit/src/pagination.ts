import { BadInputError } from './errors';

/**
 * Relay-style cursor pagination by keyset on a sortable string key (normally `_id`).
 * Pure logic: repositories query `{ key: { $gt: afterKey } }` sorted ascending with
 * `limit + 1` rows and hand them to `toConnection`.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest {
  limit: number;
  afterKey: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const encodeCursor = (key: string): string => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('k:'))
    throw new BadInputError('after', 'The cursor in "after" is not one this API issued; pass an endCursor from a previous page.');
  return raw.slice(2);
}

export function pageRequest(args: PageArgs, options: { defaultSize?: number; maxSize?: number } = {}): PageRequest {
  const max = options.maxSize ?? 100;
  const first = args.first ?? options.defaultSize ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw new BadInputError('first', `"first" must be a whole number from 1 to ${max}.`);
  return { limit: first, afterKey: args.after ? decodeCursor(args.after) : null };
}

/** `rows` were fetched with `limit + 1`, so one extra row means there is a next page. */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
