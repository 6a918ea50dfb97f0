// Writes schemas/review-sheet.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { reviewSheetJsonSchema } from '../src/output/json-schema.js';

writeFileSync(new URL('../schemas/review-sheet.schema.json', import.meta.url), `${JSON.stringify(reviewSheetJsonSchema(), null, 2)}\n`);
