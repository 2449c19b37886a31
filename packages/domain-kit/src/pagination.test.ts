import { decodeCursor, encodeCursor, pageRequest, toConnection } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a cursor and refuses one it did not issue', () => {
    expect(decodeCursor(encodeCursor('resident-000042'))).toBe('resident-000042');
    expect(() => decodeCursor('garbage')).toThrow(/cursor/);
  });

  it('bounds the page size with a message naming the field', () => {
    expect(pageRequest({})).toEqual({ limit: 20, afterKey: null });
    expect(() => pageRequest({ first: 0 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'first' } }));
    expect(() => pageRequest({ first: 1000 })).toThrow(/from 1 to 100/);
  });

  it('reports a next page only when an extra row came back', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ id }));
    const full = toConnection(rows, 2, (r) => r.id);
    expect(full.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(full.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
    expect(toConnection(rows.slice(0, 2), 2, (r) => r.id).pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 2, (r: { id: string }) => r.id).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
