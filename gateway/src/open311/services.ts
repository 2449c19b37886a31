import { ANONYMOUS } from '@sanshe/service-kit';
import { listAnswer, Open311Error, type Answer } from './format';
import type { GraphCall } from './graph';
import { toService, toServiceDefinition, type GraphItem } from './mapping';

const CATALOGUE = `query Open311Services { serviceCatalog { categories { name items { code name description attributes { code } } } } }`;

export const ITEM = `query Open311Service($code: ID!) {
  serviceItem(code: $code) {
    code name description category { name } channels
    attributes { code description datatype required order values { key name } min max }
    serviceLevel { respondWithinHours resolveWithinDays }
  }
}`;

type CatalogueData = {
  serviceCatalog: { categories: { name: string; items: Pick<GraphItem, 'code' | 'name' | 'description' | 'attributes'>[] }[] };
};

/** The catalogue is public in the graph, so it is read as an anonymous caller. */
export async function listServices(graph: GraphCall): Promise<Answer> {
  const data = await graph<CatalogueData>(CATALOGUE, {}, ANONYMOUS);
  const rows = data.serviceCatalog.categories.flatMap((category) => category.items.map((item) => toService(item, category.name)));
  return listAnswer('services', 'service', rows);
}

export async function findItem(graph: GraphCall, code: string): Promise<GraphItem | null> {
  const data = await graph<{ serviceItem: GraphItem | null }>(ITEM, { code }, ANONYMOUS);
  return data.serviceItem;
}

export async function describeService(graph: GraphCall, code: string): Promise<Answer> {
  const item = await findItem(graph, code);
  if (!item) throw new Open311Error(404, `There is no service "${code}": the codes are listed at services.json (e.g. C07-01).`);
  return { status: 200, json: toServiceDefinition(item), xmlRoot: 'service_definition' };
}

export function discovery(baseUrl: string): Answer {
  return {
    status: 200,
    json: {
      changeset: '2026-12-05T00:00:00Z',
      contact: 'Jianxi district 三社联动 information centre; see docs/open311.md for app registration.',
      key_service: 'Ask the platform operator to run `npm run open311 -- add-app <name>`; the api_key is shown once.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: baseUrl,
          changeset: '2026-12-05T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    },
    xmlRoot: 'discovery',
  };
}
