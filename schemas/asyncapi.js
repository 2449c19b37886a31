'use strict';
// Generates schemas/asyncapi.json, the AsyncAPI 3.0 document of every Sanshe event,
// from the JSON Schemas in schemas/events (the single source): one channel per topic,
// one message per event type (the CloudEvents envelope with `data` = the event's
// schema), one send operation per producing subgraph and topic.
//   node schemas/asyncapi.js           rewrite the document
//   node schemas/asyncapi.js --check   fail when the committed document is stale
const fs = require('node:fs');
const path = require('node:path');
const { root, loadEventSchemas } = require('./index');
const { contractTopics } = require('./topics');
const { envelopeSchema, headersSchema } = require('./envelope');
const { version } = require('./package.json');

const asyncapiPath = path.join(root, 'asyncapi.json');
const KAFKA_BINDING_VERSION = '0.5.0';

function message(type, schema) {
  return {
    name: type,
    title: schema.title ?? type,
    ...(schema.description ? { summary: schema.description } : {}),
    contentType: 'application/cloudevents+json',
    tags: [{ name: schema['x-context'] }],
    headers: { $ref: '#/components/schemas/RecordHeaders' },
    correlationId: { $ref: '#/components/correlationIds/traceparent' },
    payload: envelopeSchema(type, schema),
    bindings: {
      kafka: {
        key: {
          type: 'string',
          minLength: 1,
          description:
            'The aggregate id, equal to the CloudEvents `subject`: records of one aggregate share a partition and keep their order.',
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    'x-schema-file': `schemas/${schema['x-file']}`,
  };
}

/** The AsyncAPI 3.0 document (a plain object) for the given event schemas. */
function buildAsyncApi(schemas = loadEventSchemas()) {
  const channels = {};
  const operations = {};
  const messages = {};
  for (const t of contractTopics(schemas)) {
    channels[t.topic] = {
      address: t.topic,
      title: `${t.context} events, major version ${t.major}`,
      description: `Every event the ${t.context} subgraph publishes with major version ${t.major}. Records are keyed by the aggregate id; the value is a CloudEvent in structured mode.`,
      messages: Object.fromEntries(t.types.map((type) => [type, { $ref: `#/components/messages/${type}` }])),
      bindings: {
        kafka: {
          topic: t.topic,
          partitions: t.partitions,
          topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': t.retentionMs },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    operations[`${t.context}.v${t.major}.send`] = {
      action: 'send',
      channel: { $ref: `#/channels/${t.topic}` },
      title: `${t.context} publishes its events`,
      summary: `The ${t.context} subgraph publishes through its outbox relay (idempotent producer, acks=all).`,
      messages: t.types.map((type) => ({ $ref: `#/channels/${t.topic}/messages/${type}` })),
      'x-producer': t.context,
    };
    for (const type of t.types) messages[type] = message(type, schemas[type]);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Sanshe events',
      version,
      description: [
        'The events of Sanshe (三社联动 community governance, Jianxi district, Luoyang) on Kafka.',
        'Generated from schemas/events by `npm run asyncapi`; do not edit by hand. See docs/events.md for',
        'delivery guarantees (at least once, ordered per aggregate, dedupe by `id`), versioning and dead letters.',
      ].join(' '),
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local broker of `npm start` and `npm run infra -- up`.' },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: { RecordHeaders: headersSchema() },
      correlationIds: {
        traceparent: {
          description: 'W3C trace context of the GraphQL request that caused the event.',
          location: '$message.header#/traceparent',
        },
      },
    },
  };
}

function renderAsyncApi(doc = buildAsyncApi()) {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function main(argv = process.argv.slice(2)) {
  const text = renderAsyncApi();
  const rel = path.relative(process.cwd(), asyncapiPath) || asyncapiPath;
  if (argv.includes('--check')) {
    const current = fs.existsSync(asyncapiPath) ? fs.readFileSync(asyncapiPath, 'utf8') : '';
    if (current !== text) {
      console.error(`${rel} is stale: run \`npm run asyncapi\` and commit the result.`);
      return 1;
    }
    console.log('AsyncAPI document is up to date');
    return 0;
  }
  fs.writeFileSync(asyncapiPath, text);
  console.log(`wrote ${rel}`);
  return 0;
}

module.exports = { asyncapiPath, buildAsyncApi, renderAsyncApi };

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
