import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { loadEventSchemas } from '@sanshe/schemas';
import { EventContracts, EventFactory } from '@sanshe/service-kit';
import { asyncapiPath, buildAsyncApi, renderAsyncApi } from '../asyncapi';
import { TOPIC_PARTITIONS, TOPIC_RETENTION_MS } from '../topics';

const specPath = require.resolve('@asyncapi/specs/schemas/3.0.0-without-$id.json');

/** Follows a local `#/a/b` reference through the document. */
function resolveRef(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('the AsyncAPI document', () => {
  const schemas = loadEventSchemas();
  const doc = buildAsyncApi(schemas);

  it('validates against the AsyncAPI 3.0.0 JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(specPath, 'utf8')));
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('points every $ref at something in the document', () => {
    const dangling = refsIn(doc).filter((ref) => resolveRef(doc, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('has a message for every event type with a schema, on its context topic with the Kafka settings', () => {
    expect(Object.keys(doc.components.messages).sort()).toEqual(Object.keys(schemas).sort());
    for (const [type, schema] of Object.entries(schemas)) {
      const major = /\.v(\d+)$/.exec(type)![1];
      const channel = doc.channels[`sanshe.${schema['x-context']}.v${major}`]!;
      expect(channel.address).toBe(`sanshe.${schema['x-context']}.v${major}`);
      expect(channel.messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
      expect(channel.bindings.kafka).toMatchObject({
        partitions: TOPIC_PARTITIONS,
        topicConfiguration: { 'retention.ms': TOPIC_RETENTION_MS },
      });
    }
    for (const op of Object.values(doc.operations)) expect(op.action).toBe('send');
  });

  it('describes the record the kit produces: its payload schema accepts a real event and refuses broken data', () => {
    const type = 'cn.sanshe.registry.community.created.v1';
    const entry = new EventFactory('registry', new EventContracts()).create(type, 'c-1', {
      communityId: 'c-1',
      name: '南口社区',
      streetId: 's-1',
      urban: true,
    });
    const message = doc.components.messages[type]!;
    expect(message).toMatchObject({ contentType: 'application/cloudevents+json', bindings: { kafka: { key: { type: 'string' } } } });
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(message.payload);
    expect(validate(JSON.parse(entry.payload))).toBe(true);
    const broken = { ...JSON.parse(entry.payload), data: { communityId: 'c-1', name: '南口社区', urban: 'yes' } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([
      "/data must have required property 'streetId'",
      '/data/urban must be boolean',
    ]);
  });

  it('is committed up to date (regenerate with `npm run asyncapi`)', () => {
    expect(readFileSync(asyncapiPath, 'utf8')).toBe(renderAsyncApi(doc));
  });
});
