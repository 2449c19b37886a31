import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { loadSupergraphSdl } from '@sanshe/schemas';
import { parse, validate, type OperationDefinitionNode } from 'graphql';

const DIR = path.join(__dirname, '..', 'console', 'operations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.graphql'));
// What clients see: the supergraph without its federation machinery.
const apiSchema = Supergraph.build(loadSupergraphSdl()).apiSchema().toGraphQLJSSchema();

describe("the console's example operations", () => {
  it('are the six tabs the users asked for', () => {
    expect(files).toHaveLength(6);
  });

  it.each(files)('%s parses and validates against the supergraph API schema', (file) => {
    const document = parse(readFileSync(path.join(DIR, file), 'utf8'));
    expect(validate(apiSchema, document).map((e) => e.message)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(operations.length).toBeGreaterThan(0);
    // Named, so GraphiQL can offer each one of a multi-operation tab.
    for (const op of operations) expect(op.name?.value).toMatch(/^[A-Z]\w+$/);
  });
});
