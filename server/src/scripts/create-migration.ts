// Writes a migration with the difference between the entities and the database at DATABASE_URL
// (which should be migrated to the latest version first). Usage: npm run migration:create -w server
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, DEFAULT_DATABASE_URL } from '../db/orm.config.js';

const orm = await MikroORM.init(ormOptions(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { connect: true }));
const initial = process.argv.includes('--initial');
const result = await orm.migrator.createMigration('src/db/migrations', false, initial);
console.log(result.fileName ? `wrote ${result.fileName}; add it to src/db/migrations/index.ts` : 'no changes');
await orm.close();
