export interface EventSchema {
  $id?: string;
  'x-event-type': string;
  'x-context': string;
  'x-file': string;
  [key: string]: unknown;
}
export declare const root: string;
export declare function subgraphNames(): string[];
export declare function loadSubgraphSdl(name: string): string;
export declare const supergraphPath: string;
export declare function loadSupergraphSdl(): string;
export declare function loadEventSchemas(): Record<string, EventSchema>;
