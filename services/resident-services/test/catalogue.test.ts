import { CatalogueRepository } from '@sanshe/resident-services/data-access/catalogue-repository';
import { createModels } from '@sanshe/resident-services/data-access/models';
import { seedCatalogue } from '@sanshe/resident-services/seed';
import { startStack, type Stack } from '@sanshe/test-env';

describe('the service catalogue', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(['resident-services']);
  });
  afterAll(() => stack?.stop());

  it('lists 12 categories holding 120 services to anonymous callers through the gateway', async () => {
    const res = await stack.query<{
      serviceCatalog: { categories: { code: string; name: string; items: { code: string; name: string }[] }[] };
    }>(`{ serviceCatalog { categories { code name items { code name } } } }`);
    expect(res.errors).toBeUndefined();
    const categories = res.data!.serviceCatalog.categories;
    expect(categories).toHaveLength(12);
    expect(categories.map((c) => c.code)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']);
    const items = categories.flatMap((c) => c.items);
    expect(items).toHaveLength(120);
    expect(new Set(items.map((i) => i.code)).size).toBe(120);
    expect(categories[1]).toMatchObject({ code: 'C02', name: '养老服务' });
    expect(categories[1]!.items[0]).toEqual({ code: 'C02-01', name: '助餐送餐' });
    for (const category of categories) {
      expect(category.items).toHaveLength(10);
      for (const item of category.items) expect(item.code.startsWith(`${category.code}-`)).toBe(true);
    }
  });

  it('describes a service with its intake attributes, service level and channels', async () => {
    const res = await stack.query<{ serviceItem: Record<string, unknown> }>(
      `{ serviceItem(code: "C10-02") { code name category { code } serviceLevel { respondWithinHours resolveWithinDays } channels doorToDoor
         attributes { code datatype required order min max values { key } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.serviceItem).toEqual({
      code: 'C10-02',
      name: '场地预约',
      category: { code: 'C10' },
      serviceLevel: { respondWithinHours: 48, resolveWithinDays: 7 },
      channels: ['WEB', 'APP', 'CALL_CENTER'],
      doorToDoor: false,
      attributes: [
        { code: 'participants', datatype: 'NUMBER', required: true, order: 1, min: 1, max: 200, values: [] },
        { code: 'from', datatype: 'DATETIME', required: true, order: 2, min: null, max: null, values: [] },
        { code: 'until', datatype: 'DATETIME', required: true, order: 3, min: null, max: null, values: [] },
      ],
    });
  });

  // Last: it empties the store's catalogue before the seed writes it back.
  it('serves the catalogue its store holds, which the seed writes and a second run leaves alone', async () => {
    const connection = stack.services['resident-services']!.connection;
    const categoryCodes = async () => {
      const res = await stack.query<{ serviceCatalog: { categories: { code: string; items: { code: string }[] }[] } }>(
        `{ serviceCatalog { categories { code items { code } } } }`,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.serviceCatalog.categories;
    };
    // The test stack seeds the catalogue as a deployment's seed does: nothing is left to write.
    expect(await seedCatalogue(connection)).toEqual({ written: 0 });

    // A reader with a short snapshot sees the store as it is: empty, then what the seed wrote.
    const models = createModels(connection);
    const reader = new CatalogueRepository(models, 100);
    expect(await reader.categories()).toHaveLength(12);
    await models.ServiceItem.deleteMany({});
    await models.ServiceCategory.deleteMany({});
    expect(await reader.categories()).toHaveLength(12); // still its snapshot
    await new Promise((r) => setTimeout(r, 150));
    expect(await reader.categories()).toEqual([]);
    expect(await reader.item('C08-01')).toBeNull();

    expect(await seedCatalogue(connection)).toEqual({ written: 132 });
    await new Promise((r) => setTimeout(r, 150));
    expect(await reader.categories()).toHaveLength(12);
    expect((await reader.itemsOfCategories(['C08'])).map((i) => i._id)[0]).toBe('C08-01');
    const categories = await categoryCodes();
    expect(categories).toHaveLength(12);
    expect(categories.flatMap((c) => c.items)).toHaveLength(120);
  });

  it("drops its snapshot when its own sync writes, so a release's catalogue job is seen at once", async () => {
    const connection = stack.services['resident-services']!.connection;
    const models = createModels(connection);
    const repository = new CatalogueRepository(models);
    const item = await repository.item('C08-01');
    expect(item).not.toBeNull();
    // A reader gets its own copy: it cannot change what the next reader gets.
    (item as { name: string }).name = 'changed';
    expect((await repository.item('C08-01'))!.name).not.toBe('changed');
    const catalogue = { categories: await repository.categories(), items: await repository.itemsOfCategories(['C08']) };
    const renamed = { ...catalogue.items[0]!, name: `${catalogue.items[0]!.name} (renamed)` };
    try {
      expect(await repository.sync({ categories: catalogue.categories, items: [renamed] })).toEqual({ written: 1 });
      expect((await repository.item('C08-01'))!.name).toBe(renamed.name);
    } finally {
      await repository.sync({ categories: catalogue.categories, items: [catalogue.items[0]!] });
    }
    expect((await repository.item('C08-01'))!.name).toBe(catalogue.items[0]!.name);
  });
});
