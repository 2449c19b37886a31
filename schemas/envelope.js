'use strict';
// The CloudEvents 1.0 envelope every Sanshe record carries (structured mode), as JSON
// Schema: the AsyncAPI document and the record validator both build it from here, with
// `data` = the event's own schema from schemas/events.

const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';
const TRACEPARENT_PATTERN = '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';
const ENVELOPE_REQUIRED = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'];

/** The event's payload schema without the file-level keys ($schema, $id, x-…), to embed as `data`. */
function dataSchemaOf(schema) {
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === '$id' || key.startsWith('x-')) continue;
    out[key] = value;
  }
  return out;
}

/** JSON Schema of a whole record value of `type` (draft-07 and 2020-12 read it alike). */
function envelopeSchema(type, schema) {
  return {
    type: 'object',
    required: ENVELOPE_REQUIRED,
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: { type: 'string', format: 'uuid', description: 'Unique per event. Delivery is at least once: consumers dedupe by it.' },
      source: { type: 'string', const: schema['x-context'], description: 'The producing subgraph.' },
      type: { type: 'string', const: type },
      subject: { type: 'string', minLength: 1, description: 'The aggregate id; also the record key.' },
      time: { type: 'string', format: 'date-time', description: 'When the change happened (RFC 3339, UTC).' },
      datacontenttype: { type: 'string', const: 'application/json' },
      ...(schema.$id
        ? { dataschema: { type: 'string', format: 'uri', const: schema.$id, description: 'The JSON Schema of `data`.' } }
        : {}),
      data: dataSchemaOf(schema),
    },
  };
}

/** JSON Schema of the record headers Sanshe producers set. */
function headersSchema() {
  return {
    type: 'object',
    // traceparent is not required yet: the kit sets it only when the change had a trace
    // (a GraphQL request or a consumed event that carried one).
    required: ['content-type'],
    properties: {
      'content-type': { type: 'string', const: CLOUDEVENTS_CONTENT_TYPE, description: 'CloudEvents structured mode.' },
      traceparent: {
        type: 'string',
        pattern: TRACEPARENT_PATTERN,
        description: 'W3C trace context of the request or event that caused this event, when there was one.',
      },
    },
  };
}

module.exports = { CLOUDEVENTS_CONTENT_TYPE, TRACEPARENT_PATTERN, ENVELOPE_REQUIRED, dataSchemaOf, envelopeSchema, headersSchema };
