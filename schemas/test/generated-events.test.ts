import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEventSchemas, type EventSchema } from '@sanshe/schemas';
import { EVENT_TYPES, TOPICS, TOPIC_OF_EVENT_TYPE } from '@sanshe/schemas/generated/events';
import { constantsPath, declarationsPath } from '../event-types';
import { contractTopics } from '../topics';

/**
 * Regenerates in memory, in a plain node process: the generator formats with prettier, whose
 * dynamic `import()` jest's module system refuses without --experimental-vm-modules.
 */
function generate(schemas: Record<string, EventSchema>): { declarations: string; constants: string } {
  const script =
    "let s='';process.stdin.on('data',(d)=>{s+=d}).on('end',()=>require('./event-types').generateEventTypes(JSON.parse(s)).then((r)=>process.stdout.write(JSON.stringify(r))))";
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..'), input: JSON.stringify(schemas), encoding: 'utf8' }),
  );
}

describe('the generated event types and topic constants', () => {
  const schemas = loadEventSchemas();

  it('are what the generator makes of schemas/events today (run `npm run events:types` when this fails)', () => {
    const { declarations, constants } = generate(schemas);
    expect(readFileSync(declarationsPath, 'utf8')).toBe(declarations);
    expect(readFileSync(constantsPath, 'utf8')).toBe(constants);
  });

  it('change when a schema changes, so a stale file cannot pass', () => {
    const type = 'cn.sanshe.activities.activity.published.v1';
    const schema = schemas[type]!;
    const changed = {
      ...schemas,
      [type]: {
        ...schema,
        required: [...(schema.required as string[]), 'venueId'],
        properties: { ...(schema.properties as object), venueId: { type: 'string' } },
      },
    };
    const { declarations } = generate(changed);
    expect(declarations).toMatch(/export interface ActivityPublishedV1 \{[^}]*\n {2}venueId: string;/);
    expect(readFileSync(declarationsPath, 'utf8')).not.toBe(declarations);
  });

  it('name every topic of schemas/topics.js and put every event type on its topic', () => {
    const topics = contractTopics(schemas);
    expect(Object.values(TOPICS).sort()).toEqual(topics.map((t) => t.topic));
    expect(Object.values(EVENT_TYPES).sort()).toEqual(Object.keys(schemas).sort());
    for (const t of topics) for (const type of t.types) expect(TOPIC_OF_EVENT_TYPE[type as keyof typeof TOPIC_OF_EVENT_TYPE]).toBe(t.topic);
  });
});
