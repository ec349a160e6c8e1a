import { afterAll, describe, expect, it } from 'vitest';
import { pdfsBothWays } from '../testing/pdf-both-ways.js';
import { useRememberedWidths } from './pdf-text-width.js';

describe('text widths remembered per font', () => {
  afterAll(() => useRememberedWidths(true));

  it('give the PDF byte for byte that measuring every word through pdfkit gives', async () => {
    for (const { off, on } of await pdfsBothWays(useRememberedWidths)) {
      expect(on.length).toBeGreaterThan(20_000);
      expect(on === off).toBe(true);
    }
  }, 120_000);
});
