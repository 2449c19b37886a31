import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every operation in src/ against the graph's API schema and writes the trusted-documents
 * manifest (src/gql/persisted-documents.json, SHA-256 → document) the gateway enforces.
 * `replaceDocumentWithHash` leaves only the hash in the bundle: the client sends the manifest's
 * own text for it (src/graph.ts), so what runs is byte for byte what was registered.
 * The output is committed; `npm run codegen -w @sanshe/community-portal` rewrites it.
 */
const config: CodegenConfig = {
  schema: '../../packages/graph-client/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' } },
      config: { enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
