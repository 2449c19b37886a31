import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { RulesStore } from '../domain/rules-admin';
import { DEFAULT_RULES, type EarningRules } from '../domain/rules';
import type { LedgerModels, RulesDoc } from './models';

const idOf = (version: number) => `rules-v${version}`;
const plain = ({ _id: _id, ...rules }: RulesDoc): EarningRules => rules;

/** Every version of the earning rules, one immutable document each. */
export class RulesRepository implements RulesStore {
  constructor(private readonly models: Pick<LedgerModels, 'Rules'>) {}

  /** Version 1 is the defaults, written once. */
  async ensureDefaults(at = new Date()): Promise<void> {
    const first: EarningRules = { ...DEFAULT_RULES, version: 1, updatedAt: at, updatedBy: null };
    await this.models.Rules.updateOne({ _id: idOf(1) }, { $setOnInsert: first }, { upsert: true });
  }

  async current(): Promise<EarningRules> {
    const [latest] = await this.models.Rules.find({}).sort({ version: -1 }).limit(1).lean<RulesDoc[]>().exec();
    if (!latest) throw new Error('no earning rules: ensureDefaults() was not run');
    return plain(latest);
  }

  async insertVersion(rules: EarningRules): Promise<boolean> {
    try {
      await this.models.Rules.create({ _id: idOf(rules.version), ...rules });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}
