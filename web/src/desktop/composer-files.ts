/**
 * The files an agent has chosen for the next message, kept apart from the React component so
 * the rules (at most five, in the order chosen, all uploaded or nothing sent) can be tested.
 */

/** The server's limit on `attachmentIds` per message (docs/architecture.md, "Agents send files"). */
export const MAX_FILES_PER_MESSAGE = 5;

/** What the composer needs of a file; a browser `File` fits. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified?: number;
}

export interface AddResult<F extends ChosenFile> {
  files: F[];
  /** Files left out because the message already had five (in the order they were chosen). */
  refused: F[];
}

function sameFile(a: ChosenFile, b: ChosenFile): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/**
 * Adds newly picked files after the ones already chosen. Picking the same file again is
 * ignored (it would be sent twice); files beyond the fifth are refused, not silently dropped.
 */
export function addFiles<F extends ChosenFile>(current: readonly F[], picked: readonly F[]): AddResult<F> {
  const files = [...current];
  const refused: F[] = [];
  for (const file of picked) {
    if (files.some((f) => sameFile(f, file))) continue;
    if (files.length >= MAX_FILES_PER_MESSAGE) refused.push(file);
    else files.push(file);
  }
  return { files, refused };
}

export function removeFileAt<F>(files: readonly F[], index: number): F[] {
  return files.filter((_, i) => i !== index);
}

/** A file size as the composer shows it: bytes below 1 kB, whole kB below 1 MB, else MB with one decimal. */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

export type UploadAllResult<F> = { ok: true; ids: string[] } | { ok: false; file: F; index: number; error: unknown };

/**
 * Uploads the files one after the other, in the order chosen (the customer receives them in
 * that order), and stops at the first refusal: the caller then sends nothing and names that file.
 * Files uploaded before the failure stay unreferenced on the server; the customer can only ever
 * download files that were part of a sent message.
 */
export async function uploadAll<F>(files: readonly F[], upload: (file: F) => Promise<{ id: string }>): Promise<UploadAllResult<F>> {
  const ids: string[] = [];
  for (const [index, file] of files.entries()) {
    try {
      ids.push((await upload(file)).id);
    } catch (error) {
      return { ok: false, file, index, error };
    }
  }
  return { ok: true, ids };
}
