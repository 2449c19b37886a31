export type CommunityCentreKind = 'PARTY_MASS_SERVICE_CENTRE' | 'NEIGHBOURHOOD_CENTRE';

export interface CentreOffering {
  name: string;
  description: string;
}

/**
 * A centre a community runs for its residents: a party-mass service centre (党群服务中心)
 * with its rooms, or a neighbourhood centre (邻里中心) with its classes and activities.
 */
export interface CommunityCentre {
  _id: string;
  communityId: string;
  streetId: string;
  name: string;
  kind: CommunityCentreKind;
  rooms: string[];
  offerings: CentreOffering[];
  /** The report's sentence this centre comes from; null for demo centres. */
  citation: string | null;
}
