/** Writes schema/schema.graphql from the Pothos schema, and README's listing of it (`npm run schema:print`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSortedSchema } from '../src/schema/index.js';
import { updateReadme } from './readme-schema.js';

const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target}`);
if (updateReadme()) console.log('updated the schema listing in README.md');
