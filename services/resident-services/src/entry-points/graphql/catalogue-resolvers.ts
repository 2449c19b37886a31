import { listCategories, type CatalogueReader } from '../../domain/catalogue-queries';
import type { ServiceCategory, ServiceItem } from '../../domain/model';
import type { ResidentServicesContext as Ctx } from './context';

/** The catalogue is public: no guard on any of these. */
export function catalogueResolvers(catalogue: CatalogueReader) {
  return {
    Query: {
      serviceCatalog: () => ({}),
      serviceItem: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.loaders.items.load(args.code),
    },
    ServiceCatalog: {
      categories: () => listCategories(catalogue),
      item: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.loaders.items.load(args.code),
    },
    ServiceCategory: {
      __resolveReference: (reference: { code: string }, ctx: Ctx) => ctx.loaders.categories.load(reference.code),
      code: (c: ServiceCategory) => c._id,
      items: (c: ServiceCategory, _: unknown, ctx: Ctx) => ctx.loaders.itemsOfCategory.load(c._id),
    },
    ServiceItem: {
      __resolveReference: (reference: { code: string }, ctx: Ctx) => ctx.loaders.items.load(reference.code),
      code: (i: ServiceItem) => i._id,
      category: (i: ServiceItem, _: unknown, ctx: Ctx) => ctx.loaders.categories.load(i.categoryCode),
      serviceLevel: (i: ServiceItem) => ({ respondWithinHours: i.respondWithinHours, resolveWithinDays: i.resolveWithinDays }),
    },
  };
}
