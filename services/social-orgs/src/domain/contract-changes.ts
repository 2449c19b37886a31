import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError } from '@sanshe/domain-kit';
import { addDays, optionalText, parseDay, today, type Caller } from './common';
import {
  checkEnd,
  claimAll,
  claimsAfter,
  kpiTargetsOf,
  budgetOf,
  loadForChange,
  releaseClaims,
  type ContractAmendment,
  type ContractDeps,
  type KpiTargetsInput,
  type ServiceContract,
} from './contract';
import { claimsFor } from './contract-claims';
import { CONTRACT_AMENDED, CONTRACT_ENDED } from './events';

export interface AmendContractInput {
  endsOn?: string | null;
  budgetYuan?: number | null;
  kpiTargets?: KpiTargetsInput | null;
  note?: string | null;
}

/**
 * 补充协议: changes the end date, budget or KPI targets. A later end claims the added months
 * first (CONFLICT when they overlap another contract); an earlier one gives months back
 * after the contract is written.
 */
export async function amendContract(id: string, input: AmendContractInput, caller: Caller, deps: ContractDeps): Promise<ServiceContract> {
  const contract = await loadForChange(id, caller, deps, 'amend service contract');
  const endsOn = input.endsOn ? parseDay('endsOn', input.endsOn) : contract.endsOn;
  if (endsOn !== contract.endsOn) {
    checkEnd('endsOn', contract.startsOn, endsOn);
    if (endsOn < today()) throw new BadInputError('endsOn', 'An amended end date is today or later; to stop a contract now, end it.');
  }
  const terms = {
    endsOn,
    budgetYuan: input.budgetYuan === null || input.budgetYuan === undefined ? contract.budgetYuan : budgetOf(input.budgetYuan),
    kpiTargets: input.kpiTargets ? kpiTargetsOf(input.kpiTargets) : contract.kpiTargets,
  };
  const note = optionalText('note', input.note);
  if (endsOn === contract.endsOn && terms.budgetYuan === contract.budgetYuan && !input.kpiTargets && !note) {
    throw new BadInputError('input', 'An amendment changes endsOn, budgetYuan or kpiTargets, or records a note.');
  }
  const token = randomUUID();
  const locked = await deps.store.lock(id, token, new Date(Date.now() - deps.claimGraceMs));
  if (!locked) throw new ConflictError(`Contract ${id} is being amended or was ended meanwhile; reload it and try again.`);
  const added =
    endsOn > locked.endsOn ? claimsFor({ ...locked, contractId: locked._id, startsOn: addDays(locked.endsOn, 1), endsOn }, new Date()) : [];
  try {
    await claimAll(added, deps);
    const event = deps.events.create(
      CONTRACT_AMENDED,
      id,
      {
        contractId: id,
        providerOrgId: locked.providerOrgId,
        itemCodes: locked.itemCodes,
        communityIds: locked.communityIds,
        startsOn: locked.startsOn,
        endsOn,
        budgetYuan: terms.budgetYuan,
        ...(note ? { note } : {}),
      },
      caller.traceparent,
    );
    const amendment: ContractAmendment = {
      amendedAt: new Date(),
      endsOn: endsOn === locked.endsOn ? null : endsOn,
      budgetYuan: terms.budgetYuan === locked.budgetYuan ? null : terms.budgetYuan,
      note,
    };
    const amended = await deps.store.amend(id, token, terms, amendment, [event]);
    if (!amended) throw new ConflictError(`Contract ${id} was ended meanwhile; the amendment was not applied.`);
    if (endsOn < locked.endsOn) await releaseClaims(deps, claimsAfter(locked, endsOn));
    return amended;
  } catch (err) {
    await releaseClaims(deps, added);
    await deps.store.unlock(id, token);
    throw err;
  }
}

/** Ends an ACTIVE contract early; the months after `endedOn` are free for other contracts at once. */
export async function endContract(
  id: string,
  endedOnRaw: string,
  reasonRaw: string | null | undefined,
  caller: Caller,
  deps: ContractDeps,
): Promise<ServiceContract> {
  const contract = await loadForChange(id, caller, deps, 'end service contract');
  const endedOn = parseDay('endedOn', endedOnRaw);
  if (endedOn < today()) throw new BadInputError('endedOn', 'A contract cannot be ended in the past; give today or a later day.');
  if (endedOn >= contract.endsOn)
    throw new BadInputError('endedOn', `Contract ${id} runs until ${contract.endsOn} anyway; an early end is before that.`);
  const reason = optionalText('reason', reasonRaw);
  const event = deps.events.create(
    CONTRACT_ENDED,
    id,
    { contractId: id, providerOrgId: contract.providerOrgId, endedOn, ...(reason ? { reason } : {}) },
    caller.traceparent,
  );
  const ended = await deps.store.end(id, endedOn, reason, [event]);
  if (!ended) throw new ConflictError(`Contract ${id} was ended by someone else meanwhile.`);
  // Claims after the end no longer hold once the contract says ENDED; removing them now
  // spares the next signing the check.
  await releaseClaims(deps, claimsAfter(contract, endedOn));
  return ended;
}
