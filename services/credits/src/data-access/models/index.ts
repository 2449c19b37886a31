import type { Connection } from 'mongoose';
import { catalogueModels, type CatalogueModels } from './catalogue';
import { ledgerModels, type LedgerModels } from './ledger';

export type { CatalogueModels } from './catalogue';
export type { HeadHint } from './head-hint';
export {
  historyBookOf,
  historyLinesOf,
  type AccountDoc,
  type HistoryBook,
  type LedgerModels,
  type RankingDoc,
  type RulesDoc,
  type SeedMarker,
  type WorkMark,
} from './ledger';

/** Every collection of credits: the ledger's and the catalogue's. */
export type CreditsModels = LedgerModels & CatalogueModels;

/** Builds (or finds) the service's models on its own connection. */
export const creditsModels = (connection: Connection): CreditsModels => ({ ...ledgerModels(connection), ...catalogueModels(connection) });
