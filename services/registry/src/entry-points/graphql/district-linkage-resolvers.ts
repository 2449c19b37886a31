import { pageRequest, type PageArgs } from '@sanshe/service-kit';
import {
  districtCommitteeOf,
  recordDistrictLinkageMeeting,
  type DistrictLinkageMeeting,
  type DistrictLinkageMeetingInput,
  type DistrictPartyCommittee,
} from '../../domain/district-linkage';
import { districtMemberCommittees, linkageMeetings } from '../../domain/district-linkage-queries';
import type { RegistryContext, RegistryDeps } from './context';

const present = <T>(rows: (T | null | Error)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

/** The district tier of 区-街道-社区三级联动: the district committee and its linkage meetings. */
export function districtLinkageResolvers(deps: RegistryDeps) {
  const committee = districtCommitteeOf(deps.district);
  return {
    Mutation: {
      recordDistrictLinkageMeeting: (_: unknown, args: { input: DistrictLinkageMeetingInput }, ctx: RegistryContext) =>
        recordDistrictLinkageMeeting(args.input, ctx, deps.districtLinkage),
    },
    District: {
      partyCommittee: () => committee,
    },
    RegionalPartyCommittee: {
      districtCommittee: () => committee,
    },
    DistrictPartyCommittee: {
      id: (c: DistrictPartyCommittee) => c._id,
      district: () => ({ __typename: 'District', ...deps.district }),
      memberCommittees: () => districtMemberCommittees(deps.territory),
      linkageMeetings: (_: DistrictPartyCommittee, args: PageArgs & { streetId?: string | null }) =>
        linkageMeetings({ streetId: args.streetId }, pageRequest(args), deps.districtLinkage),
    },
    DistrictLinkageMeeting: {
      id: (m: DistrictLinkageMeeting) => m._id,
      committees: async (m: DistrictLinkageMeeting, _: unknown, ctx: RegistryContext) =>
        present(await ctx.loaders.committees.loadMany(m.committeeIds)),
      streets: async (m: DistrictLinkageMeeting, _: unknown, ctx: RegistryContext) =>
        present(await ctx.loaders.streets.loadMany(m.streetIds)),
    },
  };
}
