// Writes the GraphQL schema the code defines to schema.graphql at the top of the repository.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppPubSub } from '../pubsub.js';
import { createSchema, schemaFileText } from '../schema.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schema.graphql');
await writeFile(file, schemaFileText(await createSchema(createAppPubSub())));
console.log(`wrote ${file}`);
