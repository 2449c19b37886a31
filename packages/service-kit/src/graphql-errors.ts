import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@sanshe/domain-kit';
import { isDuplicateKeyError } from './store-errors';
import type { Logger } from './logger';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_TRUSTED',
  'QUERY_LIMIT_EXCEEDED',
  'SUBGRAPH_UNAVAILABLE',
  'RATE_LIMITED',
]);

/** Converts a domain error into the GraphQLError a client sees. */
export function toGraphQLError(err: DomainError): GraphQLError {
  return new GraphQLError(err.message, { extensions: { code: err.code, ...err.details } });
}

/**
 * Apollo `formatError`: domain errors keep their code and message; anything
 * unexpected is logged with its stack and reaches the client only as a generic
 * INTERNAL_SERVER_ERROR, so no internals leak.
 */
export function createFormatError(logger: Logger, exposeInternals = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (isDuplicateKeyError(original)) {
      return {
        message: 'That record already exists.',
        path: formatted.path,
        extensions: { code: 'CONFLICT' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original }, 'unexpected error while resolving a request');
    return {
      message: exposeInternals && original instanceof Error ? original.message : 'Internal server error.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
