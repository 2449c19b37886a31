import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  authorize,
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  roleCovers,
  type OutboxEntry,
} from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { idList, parseDay, requireText, today, type Caller } from './common';
import { parseCreditCode } from './credit-code';
import { ORGANIZATION_REGISTERED, ORGANIZATION_UPDATED } from './events';

export const ORGANIZATION_KINDS = [
  'HUB',
  'SOCIAL_WORK_AGENCY',
  'ASSOCIATION',
  'VOLUNTEER_TEAM',
  'FOUNDATION',
  'PRIVATE_NON_ENTERPRISE',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const SERVICE_DOMAINS = [
  'CONSULTATION',
  'MEDIATION',
  'ELDERLY_CARE',
  'CHILD_CARE',
  'COMMUNITY_CORRECTION',
  'PROPERTY',
  'YOUTH',
  'CULTURE',
  'LEGAL',
  'PSYCHOLOGY',
] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];
export type OrganizationStatus = 'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED';
export type PartyCoverageMode = 'OWN_BRANCH' | 'JOINT_BRANCH' | 'INSTRUCTOR';
export type CentreLevel = 'DISTRICT' | 'STREET' | 'COMMUNITY';

export interface PartyCoverage {
  mode: PartyCoverageMode;
  partyOrganizationId: string;
  partyMembers: number;
  instructorName: string | null;
  since: string | null;
}

export interface Organization {
  _id: string;
  name: string;
  kind: OrganizationKind;
  creditCode: string;
  domains: ServiceDomain[];
  communityIds: string[];
  incubatingHubId: string | null;
  serviceCentreId: string | null;
  status: OrganizationStatus;
  /** YYYY-MM-DD */
  registeredOn: string;
  partyCoverage: PartyCoverage | null;
  /** Bumped by every change; updates are conditional on it (optimistic concurrency). */
  version: number;
}

export interface ServiceCentre {
  _id: string;
  name: string;
  level: CentreLevel;
  streetId: string | null;
  communityId: string | null;
  operatorOrgId: string | null;
}

export interface OrganizationStore {
  organization(id: string): Promise<Organization | null>;
  centre(id: string): Promise<ServiceCentre | null>;
  /** Ids among `ids` that the community directory does not know. */
  unknownCommunities(ids: readonly string[]): Promise<string[]>;
  /** Organizations whose party coverage names this party organization. */
  coveredBy(partyOrganizationId: string): Promise<Organization[]>;
  /** Throws a duplicate-key error when the id, name or credit code is taken. */
  insert(org: Organization, events: OutboxEntry[]): Promise<void>;
  /** Writes `next` only if the stored version is still `next.version - 1`; null otherwise. */
  replace(next: Organization, events: OutboxEntry[]): Promise<Organization | null>;
}

export interface OrganizationDeps {
  store: OrganizationStore;
  events: Pick<EventFactory, 'create'>;
}

export interface RegisterOrganizationInput {
  id?: string | null;
  name: string;
  kind: OrganizationKind;
  creditCode: string;
  domains: ServiceDomain[];
  communityIds: string[];
  incubatingHubId?: string | null;
  serviceCentreId?: string | null;
  registeredOn?: string | null;
}

export interface UpdateOrganizationInput {
  name?: string | null;
  kind?: OrganizationKind | null;
  creditCode?: string | null;
  status?: OrganizationStatus | null;
  incubatingHubId?: string | null;
  serviceCentreId?: string | null;
  domains?: ServiceDomain[] | null;
  communityIds?: string[] | null;
}

/** Fields only the registration authority changes; an organization's own staff keep the rest current. */
const AUTHORITY_FIELDS = ['name', 'kind', 'creditCode', 'status', 'incubatingHubId', 'serviceCentreId'] as const;

function domainList(values: readonly string[]): ServiceDomain[] {
  const domains = idList('domains', values, { min: 1, max: SERVICE_DOMAINS.length });
  const unknown = domains.find((d) => !(SERVICE_DOMAINS as readonly string[]).includes(d));
  if (unknown) throw new BadInputError('domains', `${unknown} is not a service domain.`);
  return domains as ServiceDomain[];
}

async function checkReferences(org: Organization, store: OrganizationStore): Promise<void> {
  const unknown = await store.unknownCommunities(org.communityIds);
  if (unknown.length > 0) throw new NotFoundError('Community', unknown.join(', '));
  if (org.incubatingHubId) {
    if (org.incubatingHubId === org._id) throw new BadInputError('incubatingHubId', 'An organization cannot incubate itself.');
    const hub = await store.organization(org.incubatingHubId);
    if (!hub) throw new NotFoundError('SocialOrganization', org.incubatingHubId);
    if (hub.kind !== 'HUB') throw new BadInputError('incubatingHubId', `${hub.name} is a ${hub.kind}, not a hub organization.`);
  }
  if (org.serviceCentreId && !(await store.centre(org.serviceCentreId))) throw new NotFoundError('ServiceCentre', org.serviceCentreId);
}

function profile(org: Organization) {
  return {
    organizationId: org._id,
    name: org.name,
    kind: org.kind,
    creditCode: org.creditCode,
    domains: org.domains,
    communityIds: org.communityIds,
    incubatingHubId: org.incubatingHubId,
    serviceCentreId: org.serviceCentreId,
    status: org.status,
  };
}

export function organizationUpdatedEvent(
  org: Organization,
  changedFields: string[],
  caller: Caller,
  events: Pick<EventFactory, 'create'>,
): OutboxEntry {
  const coverage = org.partyCoverage
    ? {
        mode: org.partyCoverage.mode,
        partyOrganizationId: org.partyCoverage.partyOrganizationId,
        partyMembers: org.partyCoverage.partyMembers,
      }
    : null;
  return events.create(ORGANIZATION_UPDATED, org._id, { ...profile(org), partyCoverage: coverage, changedFields }, caller.traceparent);
}

function duplicateToConflict(err: unknown, org: Organization): never {
  if (err instanceof AlreadyExistsError) {
    throw new ConflictError(
      `The id ${org._id}, the name ${org.name} or the credit code ${org.creditCode} already belongs to a registered organization.`,
    );
  }
  throw err;
}

export async function registerOrganization(
  input: RegisterOrganizationInput,
  caller: Caller,
  deps: OrganizationDeps,
): Promise<Organization> {
  authorize(caller.identity, { action: 'register a social organization', roles: ['DISTRICT_ADMIN'] });
  const org: Organization = {
    _id: input.id?.trim() || `org-${randomUUID()}`,
    name: requireText('name', input.name, 60),
    kind: input.kind,
    creditCode: parseCreditCode(input.creditCode),
    domains: domainList(input.domains),
    communityIds: idList('communityIds', input.communityIds),
    incubatingHubId: input.incubatingHubId?.trim() || null,
    serviceCentreId: input.serviceCentreId?.trim() || null,
    status: 'ACTIVE',
    registeredOn: input.registeredOn ? parseDay('registeredOn', input.registeredOn) : today(),
    partyCoverage: null,
    version: 1,
  };
  await checkReferences(org, deps.store);
  const event = deps.events.create(
    ORGANIZATION_REGISTERED,
    org._id,
    { ...profile(org), registeredOn: org.registeredOn },
    caller.traceparent,
  );
  try {
    await deps.store.insert(org, [event]);
  } catch (err) {
    duplicateToConflict(err, org);
  }
  return org;
}

export async function updateOrganization(
  id: string,
  input: UpdateOrganizationInput,
  caller: Caller,
  deps: OrganizationDeps,
): Promise<Organization> {
  const current = await deps.store.organization(id);
  if (!current) throw new NotFoundError('SocialOrganization', id);
  authorize(caller.identity, { action: `update social organization ${id}`, roles: ['DISTRICT_ADMIN', 'ORG_STAFF'], scope: { orgId: id } });
  const authorityFields = AUTHORITY_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null);
  if (authorityFields.length > 0 && !roleCovers(caller.identity, 'DISTRICT_ADMIN')) {
    throw new ForbiddenError(
      `To change ${authorityFields.join(', ')} of a social organization you need DISTRICT_ADMIN; its own staff may change domains and communityIds.`,
    );
  }
  const next: Organization = {
    ...current,
    ...(input.name ? { name: requireText('name', input.name, 60) } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.creditCode ? { creditCode: parseCreditCode(input.creditCode) } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.incubatingHubId ? { incubatingHubId: input.incubatingHubId.trim() } : {}),
    ...(input.serviceCentreId ? { serviceCentreId: input.serviceCentreId.trim() } : {}),
    ...(input.domains ? { domains: domainList(input.domains) } : {}),
    ...(input.communityIds ? { communityIds: idList('communityIds', input.communityIds) } : {}),
    version: current.version + 1,
  };
  const changed = (
    ['name', 'kind', 'creditCode', 'status', 'incubatingHubId', 'serviceCentreId', 'domains', 'communityIds'] as const
  ).filter((f) => JSON.stringify(next[f]) !== JSON.stringify(current[f]));
  if (changed.length === 0) return current;
  await checkReferences(next, deps.store);
  let saved: Organization | null;
  try {
    saved = await deps.store.replace(next, [organizationUpdatedEvent(next, changed, caller, deps.events)]);
  } catch (err) {
    duplicateToConflict(err, next);
  }
  if (!saved) throw new ConflictError(`Social organization ${id} was changed by someone else meanwhile; reload it and try again.`);
  return saved;
}
