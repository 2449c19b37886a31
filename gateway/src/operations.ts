import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

/**
 * Refuses, with HTTP 400, a request whose operation cannot be run: several operations and no
 * `operationName`, an `operationName` the document does not define, or a subscription (the
 * graph has none). Without this, ApolloGateway throws while planning and the client gets a 500.
 */
export function operationResolution(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const named = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            if (request.operationName) throw refuse(`The document has no operation named "${request.operationName.slice(0, 100)}".`);
            throw refuse(
              named > 1
                ? 'The document has several operations: say which one to run with operationName.'
                : 'The document has no operation to run.',
            );
          }
          if (operation.operation === 'subscription')
            throw refuse('This graph has no subscriptions: use a query, or subscribe to the Kafka topics (docs/events.md).');
        },
      };
    },
  };
}
