// Public API of review-parse.
export { parseSheet, parseSheetBytes, safeParseSheet, NotASheetError } from './parse.js';
export type { ParseOptions, ParseResult, SafeParseResult } from './parse.js';
export { reviewSheetSchema } from './assemble/schema.js';
export type * from './assemble/schema.js';
export { decode } from './input/decode.js';
export { reviewSheetJsonSchema } from './output/json-schema.js';
