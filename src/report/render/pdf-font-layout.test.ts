import { afterAll, describe, expect, it } from 'vitest';
import { pdfsBothWays } from '../testing/pdf-both-ways.js';
import { useFontLayoutBySpaces } from './pdf-fonts.js';

describe('texts laid out by character code', () => {
  afterAll(() => useFontLayoutBySpaces(true));

  it("give the PDF byte for byte that pdfkit's own layout gives", async () => {
    for (const { off, on } of await pdfsBothWays(useFontLayoutBySpaces)) {
      expect(on.length).toBeGreaterThan(20_000);
      expect(on === off).toBe(true);
    }
  }, 120_000);
});
