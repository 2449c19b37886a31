// The runtime kit. It re-exports the pure @sanshe/domain-kit so code outside `domain/`
// keeps one import; `domain/` folders import @sanshe/domain-kit itself, which loads no
// store, broker, GraphQL or logger (test/architecture/domain-imports.test.ts holds that).
export * from '@sanshe/domain-kit';
export * from './config';
export * from './context';
export * from './dev-keys';
export * from './graphql-errors';
export * from './http';
export * from './identity';
export * from './jobs';
export * from './loaders';
export * from './logger';
export * from './mongo';
export * from './snapshot';
export * from './service';
export * from './seeding';
export * from './store-errors';
export * from './trace';
export * from './events/consumer';
export * from './events/contracts';
export * from './events/kafka';
export * from './events/outbox';
export * from './events/processed-events';
export * from './events/relay';
