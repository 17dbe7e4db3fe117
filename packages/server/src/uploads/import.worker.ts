import { type FileImport, type FileImportInput, importFile } from './file-import.js';

/** The parse pool's task: one file in, its activities computed out (see import-pool.ts). */
export default function run(input: FileImportInput): FileImport {
  return importFile(input);
}
