import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web app, from the committed schema. Run `npm run codegen` after changing
// a `graphql(...)` document or schema.graphql; a web unit test fails while web/src/gql is stale.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{vue,ts}', '!web/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: {
        scalars: { DateTimeISO: 'string' },
        useTypeImports: true,
        // Apollo types cache reads and writes as unmasked (every field of every fragment); it can
        // unwrap the masked fragment types only when each object type names its __typename
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
