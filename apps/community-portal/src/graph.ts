import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import manifest from './gql/persisted-documents.json';
import { session } from './session';

/** An error from the graph, with the code the page branches on (docs/frontend.md lists them). */
export interface GraphError {
  message: string;
  code: string;
  path?: (string | number)[];
}

export interface GraphResult<T> {
  data: T | null;
  errors: GraphError[];
}

const documents = manifest as Record<string, string>;

/**
 * Runs a generated operation. Codegen left only its hash in the bundle; the text sent is the
 * manifest's, so it is exactly the document the gateway's trusted-documents list registered.
 * Field errors come back beside the data: a page renders what it has and shows the rest.
 */
export async function run<T, V>(
  document: TypedDocumentNode<T, V>,
  ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
): Promise<GraphResult<T>> {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  const query = hash ? documents[hash] : undefined;
  if (!query)
    throw new Error('This operation is missing from src/gql/persisted-documents.json: run `npm run codegen -w @sanshe/community-portal`.');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables: variables ?? {} }) });
  } catch {
    return { data: null, errors: [{ message: 'The gateway cannot be reached. Is `npm start` running?', code: 'NETWORK' }] };
  }
  const body = (await res.json().catch(() => ({}))) as {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  };
  const errors: GraphError[] = (body.errors ?? []).map((e) => ({
    message: e.message,
    code: e.extensions?.code ?? `HTTP_${res.status}`,
    path: e.path,
  }));
  if (!body.data && errors.length === 0)
    errors.push({ message: `The gateway answered HTTP ${res.status} without data.`, code: `HTTP_${res.status}` });
  return { data: body.data ?? null, errors };
}
