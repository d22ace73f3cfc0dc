import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126005449 } from './Migration20261126005449.js';
import { Migration20261126070000 } from './Migration20261126070000.js';
import { Migration20261126071000 } from './Migration20261126071000.js';
import { Migration20261127000000 } from './Migration20261127000000.js';
import { Migration20261128000000 } from './Migration20261128000000.js';
import { Migration20261128100000 } from './Migration20261128100000.js';
import { Migration20261128200000 } from './Migration20261128200000.js';
import { Migration20261128300000 } from './Migration20261128300000.js';
import { Migration20261128400000 } from './Migration20261128400000.js';
import { Migration20261128500000 } from './Migration20261128500000.js';
import { Migration20261128600000 } from './Migration20261128600000.js';
import { Migration20261128700000 } from './Migration20261128700000.js';

// Listed explicitly so the compiled build and the TypeScript sources run the same migrations.
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126005449', class: Migration20261126005449 },
  { name: 'Migration20261126070000', class: Migration20261126070000 },
  { name: 'Migration20261126071000', class: Migration20261126071000 },
  { name: 'Migration20261127000000', class: Migration20261127000000 },
  { name: 'Migration20261128000000', class: Migration20261128000000 },
  { name: 'Migration20261128100000', class: Migration20261128100000 },
  { name: 'Migration20261128200000', class: Migration20261128200000 },
  { name: 'Migration20261128300000', class: Migration20261128300000 },
  { name: 'Migration20261128400000', class: Migration20261128400000 },
  { name: 'Migration20261128500000', class: Migration20261128500000 },
  { name: 'Migration20261128600000', class: Migration20261128600000 },
  { name: 'Migration20261128700000', class: Migration20261128700000 },
];
