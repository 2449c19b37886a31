import { randomUUID } from 'node:crypto';

/** A CloudEvents 1.0 event in structured JSON mode, as every Sanshe record carries it. */
export interface CloudEvent<T = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema?: string;
  data: T;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

export function newCloudEvent<T>(fields: {
  source: string;
  type: string;
  subject: string;
  data: T;
  dataschema?: string;
  id?: string;
  time?: Date;
}): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: fields.id ?? randomUUID(),
    source: fields.source,
    type: fields.type,
    subject: fields.subject,
    time: (fields.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    ...(fields.dataschema ? { dataschema: fields.dataschema } : {}),
    data: fields.data,
  };
}

const REQUIRED = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'data'] as const;

/** Parses a record value; returns the reason when it is not a CloudEvent we can use. */
export function parseCloudEvent(value: Buffer | string | null): { event: CloudEvent } | { error: string } {
  if (value === null) return { error: 'record has no value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    return { error: 'record value is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { error: 'record value is not a JSON object' };
  const missing = REQUIRED.filter((k) => !(k in parsed));
  if (missing.length > 0) return { error: `not a CloudEvent: missing ${missing.join(', ')}` };
  const event = parsed as CloudEvent;
  if (event.specversion !== '1.0') return { error: `unsupported CloudEvents specversion ${String(event.specversion)}` };
  return { event };
}
