import { authorize, ConflictError, type Identity } from '@sanshe/domain-kit';
import { validateRules, type EarningRules, type EarningRulesInput } from './rules';

export interface RulesStore {
  current(): Promise<EarningRules>;
  /** Inserts version `rules.version`; false when that version exists already. */
  insertVersion(rules: EarningRules): Promise<boolean>;
}

/** The rules in force: public, as residents are told how they earn. */
export const currentEarningRules = (store: Pick<RulesStore, 'current'>): Promise<EarningRules> => store.current();

/** A new version of the rules; the old ones stay, and postings keep the version they used. */
export async function updateEarningRules(input: EarningRulesInput, identity: Identity, store: RulesStore): Promise<EarningRules> {
  authorize(identity, { action: 'change the earning rules', roles: ['DISTRICT_ADMIN'] });
  const valid = validateRules(input);
  const current = await store.current();
  const next: EarningRules = { ...valid, version: current.version + 1, updatedAt: new Date(), updatedBy: identity.userId };
  if (!(await store.insertVersion(next))) {
    throw new ConflictError(`The earning rules were changed meanwhile (now past version ${current.version}); reload them and try again.`);
  }
  return next;
}
