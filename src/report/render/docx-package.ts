import { Packer, type Document } from 'docx';
import { zipFiles } from './zip.js';

/** A package's files by path, in the order docx zips them. */
export type DocxFiles = Map<string, string | Uint8Array>;

/** docx's compiler (Packer's own, a private static): the package's files by path. */
type Compiler = { compile(file: Document, prettify?: string): DocxFiles };
const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;

/** The document's package files, each text part passed through its `edits` (by path) first. */
export function compileDocx(
  document: Document,
  edits: Readonly<Record<string, (xml: string) => string>> = {},
): DocxFiles {
  // Checked here, not on import: the other formats load this module too and must not fail with it.
  if (compiler === undefined) throw new Error('docx no longer exposes Packer.compiler (docx-package.ts)');
  const files = compiler.compile(document);
  for (const [path, edit] of Object.entries(edits)) {
    const content = files.get(path);
    if (typeof content !== 'string') throw new Error(`no ${path} in the package`);
    files.set(path, edit(content));
  }
  return files;
}

/**
 * The files as a .docx, zipped by Node's zlib (zip.ts) rather than docx's JavaScript zipper, which took about a
 * third of a department's DOCX in bulk.
 */
export function zipDocx(files: DocxFiles): Buffer {
  return zipFiles([...files].map(([path, data]) => ({ path, data })));
}
