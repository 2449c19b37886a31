import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadEventSchemas, root } from '@sanshe/schemas';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  EventContracts,
  EventFactory,
  TOPIC_PARTITIONS,
  TOPIC_RETENTION_MS,
  dlqTopicFor,
} from '@sanshe/service-kit';
import { CLOUDEVENTS_CONTENT_TYPE as CONTRACT_CONTENT_TYPE } from '../envelope';
import {
  TOPIC_PARTITIONS as CONTRACT_PARTITIONS,
  TOPIC_RETENTION_MS as CONTRACT_RETENTION_MS,
  contractTopics,
  dlqTopicFor as contractDlqTopicFor,
  parseEventType,
} from '../topics';

const servicesDir = path.join(root, '..', 'services');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every `cn.sanshe.….vN` string literal in services/<name>/src, with where it is. */
function eventTypeLiterals(): { type: string; where: string }[] {
  const found: { type: string; where: string }[] = [];
  for (const service of readdirSync(servicesDir)) {
    const src = path.join(servicesDir, service, 'src');
    if (!statSync(path.join(servicesDir, service)).isDirectory() || !safeIsDir(src)) continue;
    for (const file of sourceFiles(src)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/(['"`])(cn\.sanshe\.[^'"`\s$]*\.v\d+)\1/g))
            found.push({ type: m[2]!, where: `${path.relative(path.join(root, '..'), file)}:${i + 1}` });
        });
    }
  }
  return found;
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

describe('event types and their schemas', () => {
  const schemas = loadEventSchemas();

  it('has a schema for every event type a service names in its source', () => {
    const literals = eventTypeLiterals();
    expect(literals.length).toBeGreaterThan(0);
    const missing = literals.filter((l) => !schemas[l.type]).map((l) => `${l.type} (${l.where}) has no schema in schemas/events`);
    expect(missing).toEqual([]);
  });

  it('names each schema by its type: context folder, file name, $id and major version agree', () => {
    const problems: string[] = [];
    for (const [type, schema] of Object.entries(schemas)) {
      const parsed = parseEventType(type);
      if (!parsed) {
        problems.push(`${type} (${schema['x-file']}) is not cn.sanshe.<context>.<aggregate>.<event>.vN`);
        continue;
      }
      const expectedFile = `events/${parsed.context}/${parsed.aggregate}.${parsed.event}.v${parsed.major}.json`;
      if (schema['x-file'] !== expectedFile) problems.push(`${type} lives in ${schema['x-file']}, expected ${expectedFile}`);
      if (typeof schema.$id !== 'string' || !schema.$id.endsWith(`/${schema['x-file']}`))
        problems.push(`${type}: $id ${String(schema.$id)} should end with /${schema['x-file']}`);
      if (schema.type !== 'object') problems.push(`${type}: data must be an object`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses, at runtime, to put an event of a type without a schema into the outbox', () => {
    const factory = new EventFactory('registry', new EventContracts());
    // @ts-expect-error the generated EventType refuses it at compile time as well
    expect(() => factory.create('cn.sanshe.registry.community.renamed.v1', 'c-1', { communityId: 'c-1' })).toThrow(
      /no contract in schemas\/events/,
    );
  });

  it('declares the topics the kit creates, with the same partitions, retention, content type and dead-letter names', () => {
    expect(CONTRACT_PARTITIONS).toBe(TOPIC_PARTITIONS);
    expect(String(CONTRACT_RETENTION_MS)).toBe(TOPIC_RETENTION_MS);
    expect(CONTRACT_CONTENT_TYPE).toBe(CLOUDEVENTS_CONTENT_TYPE);
    expect(contractDlqTopicFor('registry.activity-facts')).toBe(dlqTopicFor('registry.activity-facts'));
    expect(contractTopics(schemas).map((t) => t.topic)).toEqual(new EventContracts(schemas).topics());
  });
});
