/**
 * One CSV line (RFC 4180 quoting: a field in double quotes may hold commas and `""` for a quote; no line breaks
 * inside a field, since the ledger formats hold one record a line). Null when a quote is not closed.
 */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = line.indexOf('"', j);
        if (close === -1) return null;
        value += line.slice(j, close);
        if (line[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Text between the closing quote and the next comma belongs to the field, as spreadsheets read it.
      const comma = line.indexOf(',', i);
      fields.push(value + line.slice(i, comma === -1 ? line.length : comma));
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma === -1 ? line.length : comma));
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
