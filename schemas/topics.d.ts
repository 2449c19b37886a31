import type { EventSchema } from './index';

export declare const TOPIC_PARTITIONS: number;
export declare const TOPIC_RETENTION_MS: number;
export declare const TYPE_PATTERN: RegExp;
export declare function parseEventType(type: string): { context: string; aggregate: string; event: string; major: number } | null;
export declare function topicName(context: string, major: number): string;
export declare const DLQ_PREFIX: string;
export declare function dlqTopicFor(groupId: string): string;
export declare function topicConfigEntries(): { name: string; value: string }[];
export interface ContractTopic {
  topic: string;
  context: string;
  major: number;
  partitions: number;
  retentionMs: number;
  types: string[];
}
export declare function contractTopics(schemas?: Record<string, EventSchema>): ContractTopic[];
