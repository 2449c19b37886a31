import type { EventSchema } from './index';

export declare const asyncapiPath: string;
/** The AsyncAPI 3.0 document of every event, as a plain object. */
export declare function buildAsyncApi(schemas?: Record<string, EventSchema>): AsyncApiDocument;
export declare function renderAsyncApi(doc?: AsyncApiDocument): string;

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  channels: Record<
    string,
    {
      address: string;
      messages: Record<string, { $ref: string }>;
      bindings: { kafka: { topic: string; partitions: number; topicConfiguration: Record<string, unknown> } };
    }
  >;
  operations: Record<string, { action: 'send' | 'receive'; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: {
    messages: Record<string, { name: string; payload: Record<string, unknown>; [key: string]: unknown }>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
