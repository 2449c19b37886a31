import { randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError } from '@sanshe/domain-kit';
import { isoDate, requireRole, text, todayInDistrict, type Caller } from './rules';
import type { Committee } from './territory';

/**
 * The district tier of 区-街道-社区三级联动: above the streets' regional party working committees
 * stands the district's party-building committee, whose members are those street committees,
 * and which convenes district-wide linkage meetings of street and community committees.
 */

/** 区域化党建工作委员会 — the district's party-building committee, the top of the three tiers. */
export interface DistrictPartyCommittee {
  _id: string;
  name: string;
}

export const districtCommitteeIdOf = (districtId: string) => `dpc-${districtId}`;
export const districtCommitteeName = (districtName: string) => `${districtName}区域化党建工作委员会`;

export function districtCommitteeOf(district: { id: string; name: string }): DistrictPartyCommittee {
  return { _id: districtCommitteeIdOf(district.id), name: districtCommitteeName(district.name) };
}

/** A district-wide linkage meeting: street and community committees brought together by the district. */
export interface DistrictLinkageMeeting {
  _id: string;
  topic: string;
  heldOn: string;
  /** The regional party committees (of streets and communities) that took part. */
  committeeIds: string[];
  /** The streets those committees lie in, kept for filtering and the street view. */
  streetIds: string[];
  decisions: string[];
  recordedAt: Date;
}

export interface DistrictLinkageStore {
  committees(ids: readonly string[]): Promise<Committee[]>;
  insertMeeting(meeting: DistrictLinkageMeeting): Promise<void>;
}

export interface DistrictLinkageMeetingInput {
  topic: string;
  heldOn: string;
  committeeIds: string[];
  decisions: string[];
}

/** Records a district-wide linkage meeting. District-tier records are DISTRICT_ADMIN's alone. */
export async function recordDistrictLinkageMeeting(
  input: DistrictLinkageMeetingInput,
  caller: Caller,
  store: DistrictLinkageStore,
): Promise<DistrictLinkageMeeting> {
  requireRole(caller.identity, 'record a district linkage meeting (三级联动)', ['DISTRICT_ADMIN']);
  const topic = text('topic', input.topic, 100);
  const heldOn = isoDate('heldOn', input.heldOn);
  if (heldOn > todayInDistrict())
    throw new BadInputError('heldOn', `heldOn ${heldOn} is in the future; record a meeting once it has been held.`);
  const ids = [...new Set(input.committeeIds.map((id) => id.trim()).filter(Boolean))];
  const committees = await store.committees(ids);
  const missing = ids.find((id) => !committees.some((c) => c._id === id));
  if (missing) throw new NotFoundError('RegionalPartyCommittee', missing);
  const streetIds = [...new Set(committees.map((c) => c.streetId))].sort();
  if (streetIds.length < 2) {
    throw new BadInputError(
      'committeeIds',
      'A district linkage meeting brings together committees of at least two streets; a single street convenes its own.',
    );
  }
  if (input.decisions.length === 0) throw new BadInputError('decisions', 'Record at least one decision of the meeting.');
  const decisions = input.decisions.map((d, i) => text(`decisions[${i}]`, d, 300));
  const meeting: DistrictLinkageMeeting = {
    _id: `linkagemeeting-${randomUUID()}`,
    topic,
    heldOn,
    committeeIds: ids,
    streetIds,
    decisions,
    recordedAt: new Date(),
  };
  await store.insertMeeting(meeting);
  return meeting;
}
