import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { PLATFORM_MODULE_KEYS, type PlatformModuleKey } from './platform';
import { newId, requireRole, text, TERRITORY_STAFF, type Caller } from './rules';

export type TerminalKind = 'SELF_SERVICE_KIOSK' | 'INFORMATION_SCREEN' | 'STAFF_DESK';
export type TerminalStatus = 'ONLINE' | 'OFFLINE' | 'MAINTENANCE';

/**
 * 信息平台前端专用设备 — a dedicated front-end terminal of the platform in a community,
 * run by the information centre.
 */
export interface CommunityTerminal {
  _id: string;
  communityId: string;
  streetId: string;
  name: string;
  kind: TerminalKind;
  /** Where in the community it stands, e.g. the service hall's lobby. */
  location: string;
  status: TerminalStatus;
  statusNote: string | null;
  statusChangedAt: Date;
  modules: PlatformModuleKey[];
  registeredAt: Date;
}

export interface TerminalStore {
  community(id: string): Promise<{ _id: string; streetId: string } | null>;
  terminal(id: string): Promise<CommunityTerminal | null>;
  insertTerminal(terminal: CommunityTerminal): Promise<CommunityTerminal>;
  /** Sets the status and its note in one write; null when no such terminal exists. */
  changeTerminalStatus(id: string, status: TerminalStatus, note: string | null, at: Date): Promise<CommunityTerminal | null>;
}

export interface RegisterTerminalInput {
  id?: string | null;
  communityId: string;
  name: string;
  kind: TerminalKind;
  location: string;
  modules: PlatformModuleKey[];
}

function modulesOf(keys: readonly PlatformModuleKey[]): PlatformModuleKey[] {
  const unique = [...new Set(keys)];
  if (unique.length === 0)
    throw new BadInputError('modules', `A terminal serves at least one module: choose from ${PLATFORM_MODULE_KEYS.join(', ')}.`);
  return PLATFORM_MODULE_KEYS.filter((k) => unique.includes(k));
}

/** Community staff of that community, its street's staff or district administrators. */
function guardCommunity(caller: Caller, action: string, community: { _id: string; streetId: string }): void {
  authorize(caller.identity, { action, roles: TERRITORY_STAFF, scope: { streetId: community.streetId, communityId: community._id } });
}

export async function registerTerminal(
  input: RegisterTerminalInput,
  caller: Caller,
  store: TerminalStore,
  now: Date = new Date(),
): Promise<CommunityTerminal> {
  requireRole(caller.identity, 'register a community terminal', TERRITORY_STAFF);
  const id = newId('id', 'terminal', input.id);
  const name = text('name', input.name, 60);
  const location = text('location', input.location, 120);
  const modules = modulesOf(input.modules);
  const community = await store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  guardCommunity(caller, `register a terminal in community ${community._id}`, community);
  const terminal: CommunityTerminal = {
    _id: id,
    communityId: community._id,
    streetId: community.streetId,
    name,
    kind: input.kind,
    location,
    status: 'OFFLINE',
    statusNote: 'Registered; not yet switched on.',
    statusChangedAt: now,
    modules,
    registeredAt: now,
  };
  return store.insertTerminal(terminal).catch((err: unknown) => {
    if (err instanceof AlreadyExistsError)
      throw new ConflictError(
        `Community ${community._id} already has a terminal named ${name} (or a terminal with id ${id} exists); choose another name.`,
        { field: 'name' },
      );
    throw err;
  });
}

export async function changeTerminalStatus(
  id: string,
  status: TerminalStatus,
  note: string | null | undefined,
  caller: Caller,
  store: TerminalStore,
  now: Date = new Date(),
): Promise<CommunityTerminal> {
  requireRole(caller.identity, `change the status of terminal ${id}`, TERRITORY_STAFF);
  const current = await store.terminal(id);
  if (!current) throw new NotFoundError('CommunityTerminal', id);
  guardCommunity(caller, `change the status of terminal ${id}`, { _id: current.communityId, streetId: current.streetId });
  const reason = note === undefined || note === null || !note.trim() ? null : text('note', note, 200);
  if (status === 'MAINTENANCE' && !reason)
    throw new BadInputError('note', 'Say why the terminal is under maintenance (note), so residents and the information centre know.');
  const updated = await store.changeTerminalStatus(id, status, reason, now);
  if (!updated) throw new NotFoundError('CommunityTerminal', id);
  return updated;
}
