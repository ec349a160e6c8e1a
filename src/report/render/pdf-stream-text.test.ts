import { afterAll, describe, expect, it } from 'vitest';
import { pdfsBothWays } from '../testing/pdf-both-ways.js';
import { useStreamText } from './pdf-stream-text.js';

describe("a page's operators kept as text until its stream ends", () => {
  afterAll(() => useStreamText(true));

  it('give the PDF byte for byte that a Buffer for each operator gives', async () => {
    for (const { off, on } of await pdfsBothWays(useStreamText)) {
      expect(on.length).toBeGreaterThan(20_000);
      expect(on === off).toBe(true);
    }
  }, 120_000);
});
