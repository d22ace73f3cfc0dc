import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126005449 } from './Migration20261126005449.js';
import { Migration20261126070000 } from './Migration20261126070000.js';
import { Migration20261126071000 } from './Migration20261126071000.js';
import { Migration20261127000000 } from './Migration20261127000000.js';

// Listed explicitly so the compiled build and the TypeScript sources run the same migrations.
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126005449', class: Migration20261126005449 },
  { name: 'Migration20261126070000', class: Migration20261126070000 },
  { name: 'Migration20261126071000', class: Migration20261126071000 },
  { name: 'Migration20261127000000', class: Migration20261127000000 },
];
