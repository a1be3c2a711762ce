import { normalisePhone, type PhoneCountry } from './phone-number.js';

/** One problem in an imported list: the CSV line (the header is line 1), the column and what is wrong. */
export interface ContactRowProblem {
  row: number;
  column: string;
  problem: string;
}

export interface ImportedContact {
  row: number;
  phone: string;
  name: string | null;
  reference: string | null;
}

export interface ContactRowsResult {
  contacts: ImportedContact[];
  problems: ContactRowProblem[];
  /** Rows whose number already stood on an earlier row (skipped). */
  duplicates: Array<{ row: number; phone: string; firstRow: number }>;
  /** Rows whose number is on the do-not-call list (skipped). */
  doNotCall: Array<{ row: number; phone: string }>;
}

export const CONTACT_COLUMNS = { phone: ['phone', 'telefoon', 'téléphone', 'telephone', 'nummer', 'number'], name: ['name', 'naam', 'nom'], reference: ['reference', 'referentie', 'référence', 'ref'] } as const;
const MAX_NAME = 200;
const MAX_REFERENCE = 100;

/** Which header names the phone, name and reference columns (case and accents as written, trimmed). */
export function findColumns(header: readonly string[]): { phone: string | null; name: string | null; reference: string | null } {
  const pick = (names: readonly string[]) => header.find((h) => names.includes(h.trim().toLowerCase())) ?? null;
  return { phone: pick(CONTACT_COLUMNS.phone), name: pick(CONTACT_COLUMNS.name), reference: pick(CONTACT_COLUMNS.reference) };
}

/**
 * Checks the rows of a contact list: a phone number that normalises to E.164, a name and reference of
 * sensible length; a number seen on an earlier row or on the do-not-call list is skipped and reported.
 * `rows[i]` is CSV line `i + 2` (line 1 is the header).
 */
export function validateContactRows(header: readonly string[], rows: ReadonlyArray<Record<string, string>>, options: { defaultCountry: PhoneCountry; doNotCall: ReadonlySet<string> }): ContactRowsResult {
  const result: ContactRowsResult = { contacts: [], problems: [], duplicates: [], doNotCall: [] };
  const columns = findColumns(header);
  if (!columns.phone) {
    result.problems.push({ row: 1, column: 'phone', problem: `no phone column; name one of: ${CONTACT_COLUMNS.phone.join(', ')}` });
    return result;
  }
  const seen = new Map<string, number>();
  rows.forEach((record, index) => {
    const row = index + 2;
    const phone = normalisePhone(record[columns.phone as string] ?? '', options.defaultCountry);
    const name = columns.name ? (record[columns.name] ?? '').trim() : '';
    const reference = columns.reference ? (record[columns.reference] ?? '').trim() : '';
    const problems: ContactRowProblem[] = [];
    if (!phone.ok) problems.push({ row, column: columns.phone as string, problem: phone.problem });
    if (name.length > MAX_NAME) problems.push({ row, column: columns.name as string, problem: `longer than ${MAX_NAME} characters` });
    if (reference.length > MAX_REFERENCE) problems.push({ row, column: columns.reference as string, problem: `longer than ${MAX_REFERENCE} characters` });
    if (problems.length > 0 || !phone.ok) {
      result.problems.push(...problems);
      return;
    }
    const firstRow = seen.get(phone.e164);
    if (firstRow !== undefined) {
      result.duplicates.push({ row, phone: phone.e164, firstRow });
      return;
    }
    seen.set(phone.e164, row);
    if (options.doNotCall.has(phone.e164)) {
      result.doNotCall.push({ row, phone: phone.e164 });
      return;
    }
    result.contacts.push({ row, phone: phone.e164, name: name || null, reference: reference || null });
  });
  return result;
}
