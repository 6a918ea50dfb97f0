// The JSON Schema generated from the zod schema, for `review-parse schema` and schemas/.
import { z } from 'zod';
import { reviewSheetSchema } from '../assemble/schema.js';

export function reviewSheetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reviewSheetSchema, { target: 'draft-2020-12' }),
    $id: 'https://github.com/review-parse/review-parse/schemas/review-sheet.schema.json',
    title: '行政事業レビューシート (review-parse output contract v1)',
  };
}
