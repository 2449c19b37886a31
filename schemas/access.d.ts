export interface ServicePrincipal {
  service: string;
  /** Topics its consumers read. */
  reads: string[];
  /** Its own topic, the only one its producer may write (besides its dead-letter topics). */
  writes: string;
}
export interface AclSpec {
  principal: string;
  host: string;
  resourceType: 'TOPIC' | 'GROUP';
  resourceName: string;
  resourcePatternType: 'LITERAL' | 'PREFIXED';
  operation: 'READ' | 'WRITE' | 'CREATE';
  permissionType: 'ALLOW';
}
export declare const SERVICE_PRINCIPALS: ServicePrincipal[];
export declare const PARTNER_GROUP_PREFIX: string;
export declare const PARTNER_NAME: RegExp;
export declare function serviceAcls(username: string, service: string): AclSpec[];
export declare function partnerAcls(username: string, name: string, topics: string[]): AclSpec[];
export declare function partnerGroupPrefix(name: string): string;
export declare function partnerUsername(name: string): string;
