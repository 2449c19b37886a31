'use strict';
// Validates whole Kafka records (value + headers) against the contracts: the CloudEvents
// envelope and the `data` schema of the record's type. Plain JavaScript for operator and
// partner tooling; the services validate `data` with the kit's EventContracts.
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const { loadEventSchemas } = require('./index');
const { envelopeSchema, headersSchema } = require('./envelope');

function describeErrors(errors, root) {
  return (errors ?? []).map((e) => {
    const where = e.instancePath ? `${root}${e.instancePath}` : root;
    const allowed = e.params && 'allowedValue' in e.params ? ` ${JSON.stringify(e.params.allowedValue)}` : '';
    return `${where} ${e.message ?? 'is invalid'}${allowed}`;
  });
}

function headerText(value) {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return headerText(value[0]);
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/**
 * createRecordValidator(schemas?) → { types, checkEvent(object), checkRecord({ value, headers }) }.
 * checkRecord returns { event, errors, headerProblems }: `errors` break the contract,
 * `headerProblems` are headers a Sanshe producer would have set (content-type; a well-formed traceparent).
 */
function createRecordValidator(schemas = loadEventSchemas()) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map(Object.entries(schemas).map(([type, schema]) => [type, ajv.compile(envelopeSchema(type, schema))]));
  const validateHeaders = ajv.compile(headersSchema());

  function checkEvent(event) {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return ['record value is not a JSON object'];
    if (typeof event.type !== 'string') return ['(event) has no string `type`'];
    const validate = validators.get(event.type);
    if (!validate) return [`no contract in schemas/events for event type ${event.type}`];
    return validate(event) ? [] : describeErrors(validate.errors, '(event)');
  }

  function checkRecord({ value, headers = {} }) {
    let event = null;
    let errors;
    if (value === null || value === undefined) {
      errors = ['record has no value'];
    } else {
      try {
        event = JSON.parse(Buffer.isBuffer(value) ? value.toString('utf8') : String(value));
        errors = checkEvent(event);
      } catch {
        errors = ['record value is not JSON'];
      }
    }
    const plainHeaders = Object.fromEntries(
      Object.entries(headers)
        .map(([k, v]) => [k, headerText(v)])
        .filter(([, v]) => v !== undefined),
    );
    const headerProblems = validateHeaders(plainHeaders) ? [] : describeErrors(validateHeaders.errors, '(headers)');
    return { event, errors, headerProblems };
  }

  return { types: [...validators.keys()].sort(), checkEvent, checkRecord };
}

module.exports = { createRecordValidator };
