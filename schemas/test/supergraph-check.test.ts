import { Kind, parse, print, visit, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';
import { loadSubgraphSdl, subgraphNames } from '@sanshe/schemas';
import { composeCommand, composeSupergraph } from '@sanshe/schemas/compose';
import { checkSupergraph } from '../supergraph-check';

const currentSdl = (): Record<string, string> => Object.fromEntries(subgraphNames().map((n) => [n, loadSubgraphSdl(n)]));

/** The SDL with `edit` applied to the fields of object type `typeName`. */
function editFields(sdl: string, typeName: string, edit: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[]): string {
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition(node) {
        return node.name.value === typeName ? { ...node, fields: edit(node.fields ?? []) } : undefined;
      },
    }),
  );
}

describe('the graph contract check', () => {
  // The baseline is the composition of today's SDL, so other subgraphs' work in progress cannot disturb it.
  const sdl = currentSdl();
  const baselineSdl = composeSupergraph(sdl).supergraphSdl;
  const withoutCommunityName = {
    ...sdl,
    registry: editFields(sdl.registry!, 'Community', (fields) => fields.filter((f) => f.name.value !== 'name')),
  };
  // Composition takes seconds: the tests after the first reuse this one.
  const withoutNameSdl = composeSupergraph(withoutCommunityName).supergraphSdl;

  it('fails when a field is removed from a subgraph, naming the field', () => {
    const result = checkSupergraph({ sdlByName: withoutCommunityName, baselineSdl, allowText: '' });
    expect(result.unallowed.map((c) => c.description)).toEqual(['Community.name was removed.']);
    expect(result.unallowed[0]!.coordinate).toBe('Community.name');
  });

  it('makes `compose.js --check` list the breaking change, with the field, before the stale message', () => {
    const result = composeCommand({ check: true, supergraphSdl: withoutNameSdl, committedSdl: baselineSdl, allowText: '' });
    expect(result.exitCode).toBe(1);
    const texts = result.lines.map((l) => l.text);
    const breaking = texts.findIndex((t) => t.includes('Community.name was removed'));
    const stale = texts.findIndex((t) => t.includes('is stale'));
    expect(breaking).toBeGreaterThanOrEqual(0);
    expect(stale).toBeGreaterThan(breaking);
  });

  it('refuses to write the supergraph over an unlisted breaking change', () => {
    const result = composeCommand({ supergraphSdl: withoutNameSdl, committedSdl: baselineSdl, allowText: '' });
    expect(result).toMatchObject({ exitCode: 1, write: false });
  });

  it('lets a deliberate break through when breaking-changes.allow lists it with a reason', () => {
    const allowText = '# deliberate breaks\nCommunity.name  # replaced by displayName; front ends told in the 2026-05 release notes\n';
    const result = checkSupergraph({ supergraphSdl: withoutNameSdl, baselineSdl, allowText });
    expect(result.unallowed).toEqual([]);
    expect(result.breaking).toEqual([
      expect.objectContaining({ coordinate: 'Community.name', allowedBecause: expect.stringContaining('displayName') }),
    ]);
    expect(composeCommand({ supergraphSdl: withoutNameSdl, committedSdl: baselineSdl, allowText })).toMatchObject({
      exitCode: 0,
      write: true,
    });
  });

  it('wants a reason for every allowed break', () => {
    expect(checkSupergraph({ supergraphSdl: withoutNameSdl, baselineSdl, allowText: 'Community.name\n' }).allowProblems).toEqual([
      'breaking-changes.allow line 1: `Community.name` needs a reason after `#`',
    ]);
  });

  it('names retyped fields and new required arguments by their coordinates', () => {
    const retyped = editFields(sdl.activities!, 'Activity', (fields) =>
      fields.map((f) =>
        f.name.value === 'capacity' ? { ...f, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } } : f,
      ),
    );
    const newArg: InputValueDefinitionNode = {
      kind: Kind.INPUT_VALUE_DEFINITION,
      name: { kind: Kind.NAME, value: 'streetId' },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    };
    const requiredArg = editFields(sdl.registry!, 'Query', (fields) =>
      fields.map((f) => (f.name.value === 'community' ? { ...f, arguments: [...(f.arguments ?? []), newArg] } : f)),
    );
    const result = checkSupergraph({ sdlByName: { ...sdl, activities: retyped, registry: requiredArg }, baselineSdl, allowText: '' });
    expect(result.unallowed.map((c) => c.coordinate).sort()).toEqual(['Activity.capacity', 'Query.community(streetId:)']);
  });

  it('does not count a new optional field as breaking', () => {
    const added = editFields(sdl.registry!, 'Community', (fields) => [
      ...fields,
      {
        kind: Kind.FIELD_DEFINITION,
        name: { kind: Kind.NAME, value: 'motto' },
        type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } },
      },
    ]);
    expect(checkSupergraph({ sdlByName: { ...sdl, registry: added }, baselineSdl, allowText: '' }).breaking).toEqual([]);
  });

  it("finds no unlisted breaking change between the committed supergraph and today's subgraphs", () => {
    const result = checkSupergraph({ supergraphSdl: baselineSdl });
    expect(result.allowProblems).toEqual([]);
    expect(result.unallowed.map((c) => c.description)).toEqual([]);
  });
});
