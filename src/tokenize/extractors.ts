// The kinds of extracted text the tokenizer tells apart, in a module of its own so that the
// command line can offer them without loading the tokenizer.

/**
 * The kinds of text told apart (others' text is read as the one it resembles). `rows`: a PDF
 * viewer's or pdf.js copy, each table row on a line, its cells one space apart.
 */
export const EXTRACTORS = ['layout', 'pdfminer', 'pdftotext', 'rows'] as const;
export type Extractor = (typeof EXTRACTORS)[number];

/** How a diagnostic names each kind of text (`read as …`). */
export const EXTRACTOR_NAMES: Readonly<Record<Extractor, string>> = {
  layout: 'layout text',
  pdfminer: 'pdfminer text',
  pdftotext: 'pdftotext text',
  rows: "row text (a viewer's copy, a table row a line)",
};
