import { modelOn } from '@sanshe/service-kit';
import type { Connection, Model } from 'mongoose';
import { projectNeedSchema, resourceOfferSchema, type ProjectNeedDoc, type ResourceOfferDoc } from './co-building';
import {
  communityCentreSchema,
  investmentSchema,
  terminalSchema,
  type CommunityCentreDoc,
  type InvestmentDoc,
  type TerminalDoc,
} from './platform';
import {
  partyMemberSchema,
  partyOrganizationSchema,
  servicePostSchema,
  type PartyMemberDoc,
  type PartyOrganizationDoc,
  type ServicePostDoc,
} from './party';
import { residentSchema, type ResidentDoc } from './residents';
import { districtLinkageMeetingSchema } from './district-linkage';
import type { DistrictLinkageMeeting } from '../../domain/district-linkage';
import { communitySchema, streetSchema, type CommunityDoc, type StreetDoc } from './territory';

export * from './co-building';
export * from './district-linkage';
export * from './party';
export * from './platform';
export * from './residents';
export * from './territory';

export interface RegistryModels {
  Street: Model<StreetDoc>;
  Community: Model<CommunityDoc>;
  PartyOrganization: Model<PartyOrganizationDoc>;
  PartyMember: Model<PartyMemberDoc>;
  ServicePost: Model<ServicePostDoc>;
  Resident: Model<ResidentDoc>;
  ResourceOffer: Model<ResourceOfferDoc>;
  ProjectNeed: Model<ProjectNeedDoc>;
  Terminal: Model<TerminalDoc>;
  Investment: Model<InvestmentDoc>;
  CommunityCentre: Model<CommunityCentreDoc>;
  DistrictLinkageMeeting: Model<DistrictLinkageMeeting>;
}

/** The registry's models on the given connection (never the mongoose singleton). */
export function createModels(connection: Connection): RegistryModels {
  return {
    Street: modelOn(connection, 'Street', streetSchema),
    Community: modelOn(connection, 'Community', communitySchema),
    PartyOrganization: modelOn(connection, 'PartyOrganization', partyOrganizationSchema),
    PartyMember: modelOn(connection, 'PartyMember', partyMemberSchema),
    ServicePost: modelOn(connection, 'ServicePost', servicePostSchema),
    Resident: modelOn(connection, 'Resident', residentSchema),
    ResourceOffer: modelOn(connection, 'ResourceOffer', resourceOfferSchema),
    ProjectNeed: modelOn(connection, 'ProjectNeed', projectNeedSchema),
    Terminal: modelOn(connection, 'CommunityTerminal', terminalSchema),
    Investment: modelOn(connection, 'Investment', investmentSchema),
    CommunityCentre: modelOn(connection, 'CommunityCentre', communityCentreSchema),
    DistrictLinkageMeeting: modelOn(connection, 'DistrictLinkageMeeting', districtLinkageMeetingSchema),
  };
}

/** Models whose documents carry an outbox; the relay drains them. */
export function outboxModels(models: RegistryModels) {
  return [models.Community, models.PartyOrganization, models.ResourceOffer, models.Resident];
}
