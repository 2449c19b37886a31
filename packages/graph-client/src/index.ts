/**
 * @sanshe/graph-client — TypeScript types for the whole Sanshe graph (generated from the
 * API schema of schemas/supergraph.graphql), a typed document per operation in
 * src/queries, and a small fetch-based `request()`.
 */
export * from './generated/graphql';
export { GraphRequestError, request, type GraphError, type RequestOptions } from './request';
