import { readFileSync } from 'node:fs';
import { loadSubgraphSdl, subgraphNames, supergraphPath } from '@sanshe/schemas';
import { composeSupergraph } from '@sanshe/schemas/compose';

describe('the supergraph', () => {
  it('composes from the committed subgraph SDL and matches the committed supergraph', () => {
    const { supergraphSdl } = composeSupergraph();
    expect(readFileSync(supergraphPath, 'utf8')).toBe(supergraphSdl);
  });

  it('fails composition, naming the clash, when two subgraphs disagree on a field type', () => {
    const names = subgraphNames();
    const sdl = Object.fromEntries(names.map((n) => [n, loadSubgraphSdl(n)]));
    sdl['broken'] = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Community @key(fields: "id") { id: ID! name: Int }`;
    expect(() => composeSupergraph(sdl)).toThrow(/Community\.name/);
  });
});
