/** A GBK encoder for tests, built from the GB18030 decoder itself (no encoding library in the project). */
export function gbkEncoder(): (text: string) => Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // Not a two-byte code.
      }
    }
  return (text) =>
    Uint8Array.from(
      [...text].flatMap((char) => {
        const code = char.codePointAt(0) ?? 0;
        if (code < 0x80) return [code];
        const pair = table.get(char);
        if (pair === undefined) throw new Error(`no GBK code for ${char}`);
        return pair;
      }),
    );
}
