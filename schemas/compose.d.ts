export declare const DEFAULT_PORTS: Record<string, number>;
export declare function defaultUrl(name: string): string;
export declare function composeSupergraph(sdlByName?: Record<string, string>): { supergraphSdl: string; hints: string[] };
