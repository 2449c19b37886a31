import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Identity, Logger } from '@sanshe/service-kit';
import { GraphQLError } from 'graphql';

/** off: every operation runs; log: unknown ones run and are reported; enforce: unknown ones are refused. */
export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';

/** Registered documents by SHA-256 hash (hex) of their exact text. */
export type TrustedDocuments = Map<string, string>;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Reads a manifest: GraphQL Code Generator's client preset writes `{ "<sha256>": "<document>" }`
 * (persisted-documents.json); Apollo's `{ format: "apollo-persisted-query-manifest", operations }`
 * is read too. Every hash is checked against its document, so a hand-edited manifest cannot
 * register a document under another's hash.
 */
export function parseManifest(json: unknown, origin: string): TrustedDocuments {
  const entries: [string, string][] = [];
  if (json && typeof json === 'object' && (json as { format?: unknown }).format === 'apollo-persisted-query-manifest') {
    for (const op of (json as { operations?: { id: string; body: string }[] }).operations ?? []) entries.push([op.id, op.body]);
  } else if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [hash, document] of Object.entries(json)) {
      if (typeof document !== 'string')
        throw new Error(`The trusted-documents manifest ${origin} maps ${hash} to something that is not a document.`);
      entries.push([hash, document]);
    }
  } else {
    throw new Error(`The trusted-documents manifest ${origin} is not a JSON object of hash → document.`);
  }
  const documents: TrustedDocuments = new Map();
  for (const [hash, document] of entries) {
    if (sha256(document) !== hash.toLowerCase())
      throw new Error(`The trusted-documents manifest ${origin} lists ${hash}, which is not the SHA-256 of its document.`);
    documents.set(hash.toLowerCase(), document);
  }
  return documents;
}

/** Loads the manifest from a file path or an http(s) URL, once at start: a gateway that cannot read it does not start. */
export async function loadManifest(location: string): Promise<TrustedDocuments> {
  if (/^https?:\/\//.test(location)) {
    const res = await fetch(location);
    if (!res.ok) throw new Error(`The trusted-documents manifest at ${location} answered HTTP ${res.status}.`);
    return parseManifest(await res.json(), location);
  }
  return parseManifest(JSON.parse(readFileSync(location, 'utf8')), location);
}

/** Admins work in the console with documents of their own; everyone else runs what the apps ship. */
const mayRunAnyDocument = (identity: Identity | undefined): boolean => identity?.roles.includes('DISTRICT_ADMIN') ?? false;

/**
 * Checks each operation's document against the manifest. Under `enforce`, a non-admin caller's
 * unregistered document is refused with HTTP 400 and code OPERATION_NOT_TRUSTED before any
 * subgraph is called; under `log`, it runs and a warning names its hash and operation.
 */
export function trustedDocumentsPlugin(
  mode: TrustedDocumentsMode,
  documents: TrustedDocuments,
  logger: Logger,
): ApolloServerPlugin<{ identity?: Identity }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, contextValue, operationName }) {
          if (mode === 'off' || !request.query) return;
          const hash = sha256(request.query);
          if (documents.has(hash) || mayRunAnyDocument(contextValue.identity)) return;
          logger.warn({ hash, operationName, mode, sub: contextValue.identity?.userId }, 'an operation that is not a trusted document');
          if (mode === 'enforce') {
            throw new GraphQLError(
              "This operation is not one of the registered (trusted) documents this gateway runs. Send the document exactly as your app's build registered it, or ask the platform team to add the operation to the manifest (docs/frontend.md).",
              { extensions: { code: 'OPERATION_NOT_TRUSTED', hash, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
