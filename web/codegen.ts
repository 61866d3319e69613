import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every document in lib/api, generated from the server's emitted SDL (the truth). */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['lib/api/**/*.ts', '!lib/api/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'lib/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      // String documents: the browser bundle needs no GraphQL AST runtime.
      config: { documentMode: 'string', enumsAsTypes: true, useTypeImports: true, skipTypename: true, scalars: { JSONObject: 'Record<string, unknown>' } },
    },
  },
};

export default config;
