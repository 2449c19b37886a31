import type { ApolloServer } from '@apollo/server';
import { childTraceparent, type Identity, type Logger } from '@sanshe/service-kit';
import type { GatewayContext } from '../server';
import { Open311Error } from './format';

/** How a graph error code reads as a GeoReport status. */
const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 403, CONFLICT: 409 };

export type GraphCall = <T>(query: string, variables: Record<string, unknown>, identity: Identity, traceparent?: string) => Promise<T>;

/**
 * Runs an operation through the gateway's own executor (query plan, signed identity hop,
 * subgraphs), as any client of the graph would, with the caller's identity. Errors a
 * person can act on keep their message; anything else is a plain 500 with no internals.
 */
export function graphCaller(apollo: ApolloServer<GatewayContext>, timeoutMs: number, logger: Logger): GraphCall {
  return async <T>(query: string, variables: Record<string, unknown>, identity: Identity, traceparent?: string): Promise<T> => {
    const response = await apollo.executeOperation<T>(
      { query, variables },
      // The subgraph fetches are aborted after the gateway's request timeout, as for any GraphQL request.
      // Rate limits key on the app's identity: the facade has already admitted the call per api_key.
      {
        contextValue: {
          identity,
          clientIp: `open311:${identity.userId ?? 'anonymous'}`,
          traceparent: childTraceparent(traceparent),
          signal: AbortSignal.timeout(timeoutMs),
          metering: {},
        },
      },
    );
    if (response.body.kind !== 'single') throw new Open311Error(500, 'The service answered in an unexpected form; try again later.');
    const { data, errors } = response.body.singleResult;
    const first = errors?.[0];
    if (first) {
      const status = STATUS_OF[String(first.extensions?.code)];
      if (!status) {
        logger.error({ errors }, 'open311: the graph refused an operation');
        throw new Open311Error(500, 'The service could not complete the request; try again later.');
      }
      const field = first.extensions?.field;
      const answerOf = typeof field === 'string' && field.startsWith('answers.') ? `attribute[${field.slice('answers.'.length)}]: ` : '';
      throw new Open311Error(status, `${answerOf}${first.message}`);
    }
    return data as T;
  };
}
