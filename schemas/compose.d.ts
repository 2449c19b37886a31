export declare const DEFAULT_PORTS: Record<string, number>;
export declare function defaultUrl(name: string): string;
export declare function composeSupergraph(sdlByName?: Record<string, string>): { supergraphSdl: string; hints: string[] };
export declare function composeCommand(options?: {
  check?: boolean;
  sdlByName?: Record<string, string>;
  /** The new supergraph, when already composed; else composed from sdlByName. */
  supergraphSdl?: string;
  committedSdl?: string;
  allowText?: string;
}): { exitCode: number; lines: { stream: 'out' | 'err'; text: string }[]; supergraphSdl: string; write: boolean };
