import type { EventSchema } from './index';

export interface RecordCheck {
  /** The parsed record value, or null when it is not JSON. */
  event: Record<string, unknown> | null;
  /** Ways the record breaks its contract (envelope or `data`); empty when it is valid. */
  errors: string[];
  /** Headers a Sanshe producer sets (content-type; traceparent when traced) that are missing or malformed. */
  headerProblems: string[];
}
export declare function createRecordValidator(schemas?: Record<string, EventSchema>): {
  types: string[];
  checkEvent(event: unknown): string[];
  checkRecord(record: { value: Buffer | string | null | undefined; headers?: Record<string, unknown> }): RecordCheck;
};
