import { chooseContract, covers, inForce, providersThatReturned } from '../../src/domain/dispatch';
import type { ServiceContract } from '../../src/domain/model';
import { orderThrough } from '../builders/orders';

const contract = (id: string, providerOrgId: string, changes: Partial<ServiceContract> = {}): ServiceContract => ({
  _id: id,
  providerOrgId,
  itemCodes: ['C07-01'],
  communityIds: ['community-001'],
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  endedOn: null,
  ...changes,
});

describe('dispatch under contracts', () => {
  it('uses a contract only within its period and before it ended early', () => {
    const c = contract('k1', 'org-001');
    expect(inForce(c, '2025-12-31')).toBe(false);
    expect(inForce(c, '2026-01-01')).toBe(true);
    expect(inForce(c, '2026-12-31')).toBe(true);
    expect(inForce({ ...c, endedOn: '2026-06-01' }, '2026-05-31')).toBe(true);
    expect(inForce({ ...c, endedOn: '2026-06-01' }, '2026-06-01')).toBe(false);
  });

  it('needs the item and the community named in the contract', () => {
    expect(covers(contract('k1', 'org-001'), 'C07-01', 'community-001', '2026-03-01')).toBe(true);
    expect(covers(contract('k1', 'org-001'), 'C07-02', 'community-001', '2026-03-01')).toBe(false);
    expect(covers(contract('k1', 'org-001'), 'C07-01', 'community-002', '2026-03-01')).toBe(false);
  });

  it('chooses the least loaded provider, ties to the lowest id', () => {
    const candidates = [contract('k3', 'org-003'), contract('k1', 'org-001'), contract('k2', 'org-002')];
    expect(
      chooseContract(
        candidates,
        new Map([
          ['org-001', 4],
          ['org-002', 1],
          ['org-003', 1],
        ]),
        new Set(),
      )!._id,
    ).toBe('k2');
    expect(chooseContract(candidates, new Map(), new Set())!._id).toBe('k1');
    expect(chooseContract([], new Map(), new Set())).toBeNull();
  });

  it('asks a provider that returned the order only when no other can take it', () => {
    const order = orderThrough([
      ['ACCEPT', 'ACCEPTED', '2026-11-27T02:00:00Z'],
      ['DISPATCH', 'DISPATCHED', '2026-11-27T03:00:00Z', 'org-001'],
      ['RETURN', 'RETURNED', '2026-11-27T04:00:00Z', 'org-001'],
    ]);
    const returned = providersThatReturned(order);
    expect(returned).toEqual(new Set(['org-001']));
    const load = new Map([
      ['org-001', 0],
      ['org-002', 9],
    ]);
    expect(chooseContract([contract('k1', 'org-001'), contract('k2', 'org-002')], load, returned)!.providerOrgId).toBe('org-002');
    expect(chooseContract([contract('k1', 'org-001')], load, returned)!.providerOrgId).toBe('org-001');
  });
});
