import type { GraphQLSchema } from 'graphql';

export interface GraphChange {
  type: string;
  /** Schema coordinate: `Community.name`, `Query.community(id:)`, `ActivityStatus.DRAFT`. */
  coordinate: string;
  description: string;
  allowedBecause?: string;
}
export interface GraphComparison {
  breaking: GraphChange[];
  unallowed: GraphChange[];
  dangerous: GraphChange[];
}
export declare const allowPath: string;
export declare function apiSchemaOf(supergraphSdl: string): GraphQLSchema;
export declare function coordinateOf(change: { type: string; description: string }): string;
export declare function parseAllowList(text: string): { allowed: Map<string, string>; problems: string[] };
export declare function readAllowList(file?: string): { allowed: Map<string, string>; problems: string[] };
export declare function compareSupergraphs(baselineSdl: string, nextSdl: string, allowed?: Map<string, string>): GraphComparison;
export declare function formatGraphReport(
  result: GraphComparison & { baselineError?: string },
  options?: { baselineName?: string },
): string[];
export declare function checkSupergraph(options?: {
  sdlByName?: Record<string, string>;
  /** The new supergraph, when already composed; else composed from sdlByName. */
  supergraphSdl?: string;
  baselineSdl?: string | null;
  allowText?: string;
}): GraphComparison & { supergraphSdl: string; allowProblems: string[]; noBaseline?: boolean; baselineError?: string };
