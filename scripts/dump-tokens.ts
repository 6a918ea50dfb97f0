// Developer aid: prints the boxes the tokenizer sees, with their labels. tsx scripts/dump-tokens.ts FILE [FROM] [TO]
import { readFileSync } from 'node:fs';
import { decode } from '../src/input/decode.js';
import { buildDocument } from '../src/tokenize/document.js';
import { tokenize } from '../src/tokenize/labels.js';

const [file, from = '0', to = '100000'] = process.argv.slice(2);
const decoded = decode(readFileSync(file!));
if (!decoded.ok) throw new Error(decoded.message);
const sheet = tokenize(buildDocument(decoded.text));
console.log('extractor:', sheet.extractor);
for (const t of sheet.tokens.slice(Number(from), Number(to))) {
  const tag = t.labels.length ? ` [${t.labels.join(',')}]` : t.inlineLabel ? ` [${t.inlineLabel}+] ${JSON.stringify(t.rest)}` : '';
  console.log(`${String(t.index).padStart(4)} L${t.row}${t.col ? `:${t.col}-${t.end}` : ''}${tag}  ${t.lines.map((l) => l.text).join(' ⏎ ')}`);
}
