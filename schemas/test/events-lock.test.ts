import { loadEventSchemas, type EventSchema } from '@sanshe/schemas';
import { buildLock, checkLock, compareSchemas, readLock } from '../events-lock';

const published = {
  type: 'object',
  required: ['activityId', 'title', 'capacity'],
  properties: {
    activityId: { type: 'string', minLength: 1 },
    title: { type: 'string', minLength: 1 },
    capacity: { type: 'integer', minimum: 1 },
    category: { type: 'string', enum: ['TEAHOUSE', 'NEIGHBOURHOOD_SCHOOL'] },
    startsAt: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

/** A copy of `published` changed by `edit`. */
function changed(edit: (s: any) => void): typeof published {
  const copy = structuredClone(published);
  edit(copy);
  return copy;
}

const problemsOf = (next: unknown) => compareSchemas(published, next).map((p) => `${p.path} ${p.problem}`);

describe('the event schema compatibility rules', () => {
  it('accepts a new optional property and changed descriptions', () => {
    expect(
      problemsOf(
        changed((s) => {
          s.properties.venueId = { type: 'string' };
          s.description = 'now with a venue';
          s.properties.title.description = 'shown to residents';
        }),
      ),
    ).toEqual([]);
  });

  it('names a removed property', () => {
    expect(problemsOf(changed((s) => delete s.properties.startsAt))).toEqual(['data.startsAt was removed']);
  });

  it('names a newly required property, even a new one', () => {
    expect(
      problemsOf(
        changed((s) => {
          s.properties.venueId = { type: 'string' };
          s.required.push('venueId', 'startsAt');
        }),
      ),
    ).toEqual([
      'data.venueId is newly required (records already on the topic lack it)',
      'data.startsAt is newly required (records already on the topic lack it)',
    ]);
  });

  it('names a property that is no longer required', () => {
    expect(problemsOf(changed((s) => (s.required = ['activityId', 'title'])))).toEqual([
      'data.capacity is no longer required (readers rely on it)',
    ]);
  });

  it('names a changed type, also inside arrays', () => {
    expect(
      problemsOf(
        changed((s) => {
          s.properties.capacity.type = 'string';
          s.properties.tags.items.type = 'integer';
        }),
      ),
    ).toEqual(['data.capacity type changed from "integer" to "string"', 'data.tags[] type changed from "string" to "integer"']);
  });

  it('treats widening a type to allow null as a change readers would notice', () => {
    expect(problemsOf(changed((s) => (s.properties.title.type = ['string', 'null'])))).toEqual([
      'data.title type changed from "string" to ["string","null"]',
    ]);
  });

  it('names a changed or added format', () => {
    expect(
      problemsOf(
        changed((s) => {
          s.properties.startsAt.format = 'date';
          s.properties.title.format = 'uri';
        }),
      ),
    ).toEqual(['data.title format "uri" was added', 'data.startsAt format changed from "date-time" to "date"']);
  });

  it('accepts a new enum value but names a removed one', () => {
    expect(problemsOf(changed((s) => s.properties.category.enum.push('VOLUNTEERING')))).toEqual([]);
    expect(problemsOf(changed((s) => (s.properties.category.enum = ['TEAHOUSE'])))).toEqual([
      'data.category enum value "NEIGHBOURHOOD_SCHOOL" removed',
    ]);
  });

  it('accepts looser bounds and names tighter ones', () => {
    expect(problemsOf(changed((s) => (s.properties.capacity.minimum = 0)))).toEqual([]);
    expect(
      problemsOf(
        changed((s) => {
          s.properties.capacity.minimum = 5;
          s.properties.title.maxLength = 60;
        }),
      ),
    ).toEqual(['data.title maxLength 60 was added', 'data.capacity minimum raised from 1 to 5']);
  });

  it('names a property that closes the object to other properties', () => {
    expect(problemsOf(changed((s) => (s.additionalProperties = false)))).toEqual([
      'data additionalProperties: false was added (other properties are now rejected)',
    ]);
  });

  it('refuses changes it cannot judge rather than guessing', () => {
    expect(problemsOf(changed((s) => (s.properties.title = { oneOf: [{ type: 'string' }, { type: 'integer' }] })))).toEqual([
      'data.title type "string" was dropped (any type is now possible)',
      'data.title keyword oneOf changed (only additive, optional changes can be accepted)',
    ]);
  });
});

describe('the lock of event schemas', () => {
  const type = 'cn.sanshe.activities.activity.published.v1';
  const asSchemas = (entries: Record<string, object>): Record<string, EventSchema> =>
    Object.fromEntries(
      Object.entries(entries).map(([t, s]) => [
        t,
        {
          'x-event-type': t,
          'x-context': 'activities',
          'x-file': `events/activities/${t}.json`,
          $id: `https://schemas.sanshe.dev/${t}`,
          ...s,
        } as EventSchema,
      ]),
    );

  it('reports a removed type, and accepts a new major version as a new type', () => {
    const lock = buildLock(asSchemas({ [type]: published }));
    const v2 = 'cn.sanshe.activities.activity.published.v2';
    const result = checkLock(lock, asSchemas({ [v2]: changed((s) => (s.properties.capacity.type = 'string')) }));
    expect(result.breaks.map((b) => b.text)).toEqual([
      expect.stringMatching(/^cn\.sanshe\.activities\.activity\.published\.v1: was removed/),
    ]);
    expect(result.added).toEqual([v2]);
  });

  it('says which type and property broke', () => {
    const lock = buildLock(asSchemas({ [type]: published }));
    const result = checkLock(
      lock,
      asSchemas({
        [type]: changed((s) => {
          delete s.properties.title;
          s.required = ['activityId', 'capacity'];
        }),
      }),
    );
    expect(result.breaks.map((b) => b.text)).toEqual([
      `${type}: data.title is no longer required (readers rely on it)`,
      `${type}: data.title was removed`,
    ]);
  });

  it('holds the committed schemas, and every current schema is compatible with it and locked (`node schemas/events-lock.js --write`)', () => {
    const result = checkLock(readLock(), loadEventSchemas());
    expect(result.breaks.map((b) => b.text)).toEqual([]);
    expect({ notYetLocked: result.added, changedSinceLock: result.changed }).toEqual({ notYetLocked: [], changedSinceLock: [] });
  });
});
