// The pure half of the kit: what `domain/` code may load at run time. Nothing here reaches
// a store, a broker, GraphQL or a logger, and nothing may (test/architecture/domain-imports.test.ts).
export * from './errors';
export * from './guard';
export * from './identity';
export * from './pagination';
export * from './events/envelope';
export type { OutboxEntry } from './events/outbox-entry';
export type { FigureSource } from './figure-source';
