/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a quoted field may hold
 * commas, line breaks and doubled quotes (`""` is one `"`). A byte-order mark is skipped and a
 * final line break does not make an empty record.
 *
 * @example parseCsv('text,category\n"Hi, there",greeting\n') // [['text', 'category'], ['Hi, there', 'greeting']]
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let position = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  while (position < text.length) {
    const char = text[position] as string;
    if (quoted) {
      if (char === '"' && text[position + 1] === '"') {
        field += '"';
        position += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      position++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n') endRecord();
    else if (char === '\r' && text[position + 1] === '\n') {
      endRecord();
      position++;
    } else field += char;
    position++;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field.');
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * CSV with a header row as objects keyed by column name; every record must have the header's width.
 *
 * @example parseCsvObjects('text,category\nhello,greeting') // [{ text: 'hello', category: 'greeting' }]
 */
export function parseCsvObjects(input: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(input);
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV record ${index + 2} has ${row.length} fields, the header ${header.length}.`);
    return Object.fromEntries(header.map((name, column) => [name, row[column] ?? '']));
  });
}
