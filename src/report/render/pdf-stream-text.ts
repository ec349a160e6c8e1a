import { createRequire } from 'node:module';

/**
 * pdfkit writes a page's content stream one operator at a time (a font, a colour, a position, a run of glyphs: a
 * dozen for every run of text), turning each into a Buffer of its own and joining them all when the stream ends:
 * the largest single source of garbage in a report. This keeps the operators' text as it comes and turns each
 * unbroken stretch of it into one Buffer when the stream ends or binary data follows. The bytes, their order and the
 * lengths pdfkit counts are the same (Latin-1: one byte a character, as pdfkit encodes them).
 */

type Reference = {
  buffer: Uint8Array[];
  /** The text written since the last Buffer, in order. */
  pendingText?: string[];
  uncompressedLength: number;
  compress: boolean;
  data: { Length?: number; Filter?: string };
};
type Write = (this: Reference, chunk: unknown) => void;
type Finalize = (this: Reference) => void;
type ReferencePrototype = { write: Write; finalize: Finalize };

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as { prototype: { ref(this: object, data: object): object } };
/** pdfkit does not export its reference class: one made for a stand-in document (no real document sees it) gives it. */
const referencePrototype = Object.getPrototypeOf(
  PDFDocument.prototype.ref.call({ _offsets: [], _waiting: 0, compress: false }, {}),
) as ReferencePrototype;
const pdfkitWrite = referencePrototype.write;
const pdfkitFinalize = referencePrototype.finalize;

function flushText(ref: Reference): void {
  const text = ref.pendingText;
  if (text === undefined || text.length === 0) return;
  ref.buffer.push(Buffer.from(text.join(''), 'binary'));
  ref.pendingText = [];
}

const writeKeepingText: Write = function (this: Reference, chunk) {
  if (chunk instanceof Uint8Array) {
    flushText(this);
    return pdfkitWrite.call(this, chunk);
  }
  // What pdfkit does for text, without its Buffer: `${chunk}\n` is as many bytes as characters in Latin-1.
  const text = `${chunk as string}\n`;
  (this.pendingText ??= []).push(text);
  this.uncompressedLength += text.length;
  this.data.Length ??= 0;
  this.data.Length += text.length;
  if (this.compress) this.data.Filter = 'FlateDecode';
};

const finalizeKeptText: Finalize = function (this: Reference) {
  flushText(this);
  pdfkitFinalize.call(this);
};

/** Installs the text-keeping stream writer into pdfkit (process-wide), or (for tests) puts pdfkit's own back. */
export function useStreamText(enabled = true): void {
  referencePrototype.write = enabled ? writeKeepingText : pdfkitWrite;
  referencePrototype.finalize = enabled ? finalizeKeptText : pdfkitFinalize;
}
