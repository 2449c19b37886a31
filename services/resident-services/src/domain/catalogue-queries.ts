import type { ServiceCategory, ServiceItem } from './model';

/** The reads of the catalogue. The catalogue is public: no caller is refused any of it. */
export interface CatalogueReader {
  /** Every category, in catalogue order. */
  categories(): Promise<ServiceCategory[]>;
  categoriesByCodes(codes: readonly string[]): Promise<ServiceCategory[]>;
  itemsByCodes(codes: readonly string[]): Promise<ServiceItem[]>;
  /** The items of many categories, in catalogue order. */
  itemsOfCategories(codes: readonly string[]): Promise<ServiceItem[]>;
}

export const listCategories = (reader: CatalogueReader) => reader.categories();
export const categoriesByCodes = (codes: readonly string[], reader: CatalogueReader) => reader.categoriesByCodes(codes);
export const itemsByCodes = (codes: readonly string[], reader: CatalogueReader) => reader.itemsByCodes(codes);
export const itemsOfCategories = (codes: readonly string[], reader: CatalogueReader) => reader.itemsOfCategories(codes);
