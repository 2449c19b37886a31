import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print } from 'graphql';

export interface GraphError {
  message: string;
  path?: readonly (string | number)[];
  /** `code` is one of BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, … */
  extensions?: { code?: string; [key: string]: unknown };
}

/** The gateway answered with errors (or not with GraphQL at all); `data` holds what did resolve. */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly GraphError[],
    readonly data: unknown = null,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

export interface RequestOptions {
  /** The caller's JWT, sent as `Authorization: Bearer …`. */
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Another fetch (a test double, node-fetch, a fetch with retries). */
  fetch?: typeof fetch;
}

function operationNameOf(document: TypedDocumentNode<unknown, never>): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/**
 * Runs one operation against the gateway and returns its typed `data`; throws
 * GraphRequestError when the response carries errors.
 *
 *   const { community } = await request(GATEWAY, CommunityActivitiesDocument, { id });
 */
export async function request<TResult, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const operationName = operationNameOf(document as TypedDocumentNode<unknown, never>);
  const response = await (options.fetch ?? fetch)(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: print(document), variables, ...(operationName ? { operationName } : {}) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let body: { data?: TResult | null; errors?: GraphError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphRequestError(`${endpoint} answered HTTP ${response.status} without a GraphQL response`, response.status, []);
  }
  if (body.errors && body.errors.length > 0) {
    const summary = body.errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message)).join('; ');
    throw new GraphRequestError(summary, response.status, body.errors, body.data ?? null);
  }
  if (body.data === undefined || body.data === null) {
    throw new GraphRequestError(`${endpoint} answered HTTP ${response.status} without data`, response.status, []);
  }
  return body.data;
}
