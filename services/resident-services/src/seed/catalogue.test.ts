import { SERVICE_CATEGORIES } from '@sanshe/seed-fixtures';
import { ATTRIBUTE_DATATYPES } from '../domain/model';
import { buildCatalogue } from './catalogue';

describe('the catalogue', () => {
  const catalogue = buildCatalogue();

  it('holds the 12 categories and 120 services of the fixtures, with their codes and names', () => {
    expect(catalogue.categories.map((c) => [c._id, c.name])).toEqual(SERVICE_CATEGORIES.map((c) => [c.code, c.name]));
    expect(catalogue.items.map((i) => [i._id, i.name])).toEqual(SERVICE_CATEGORIES.flatMap((c) => c.items.map((i) => [i.code, i.name])));
  });

  it('gives every service a service level, channels and well-formed intake attributes', () => {
    for (const item of catalogue.items) {
      expect(item.respondWithinHours).toBeGreaterThan(0);
      expect(item.resolveWithinDays).toBeGreaterThan(0);
      expect(item.respondWithinHours).toBeLessThanOrEqual(item.resolveWithinDays * 24);
      expect(item.channels).toEqual(expect.arrayContaining(['WEB', 'APP', 'CALL_CENTER']));
      expect(item.channels.includes('DOOR_TO_DOOR')).toBe(item.doorToDoor);
      expect(item.attributes.length).toBeGreaterThan(0);
      expect(new Set(item.attributes.map((a) => a.code)).size).toBe(item.attributes.length);
      for (const attribute of item.attributes) {
        expect(ATTRIBUTE_DATATYPES).toContain(attribute.datatype);
        const isList = attribute.datatype.endsWith('_LIST');
        expect(attribute.values.length > 0).toBe(isList);
        expect(attribute.min !== null).toBe(attribute.datatype === 'NUMBER');
      }
    }
  });

  it('answers emergencies within an hour', () => {
    const emergencies = catalogue.items.filter((i) => i.respondWithinHours === 1).map((i) => i.name);
    expect(emergencies).toEqual(expect.arrayContaining(['紧急呼叫响应', '心理危机干预', '开锁换锁']));
  });
});
