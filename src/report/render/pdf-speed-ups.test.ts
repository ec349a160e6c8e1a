import { afterAll, describe, expect, it } from 'vitest';
import { pdfsBothWays } from '../testing/pdf-both-ways.js';
import { useFontLayoutBySpaces } from './pdf-fonts.js';
import { useKeepAhead } from './pdf-keep-ahead.js';
import { useStreamText } from './pdf-stream-text.js';
import { useRememberedWidths } from './pdf-text-width.js';

/** Speed-ups of pdfmake and pdfkit that must not change a byte of a PDF, each with its switch. */
const SPEED_UPS: [string, (enabled: boolean) => void][] = [
  [
    "text widths remembered per font (pdf-text-width.ts) give what measuring each word through pdfkit's runs gives",
    useRememberedWidths,
  ],
  ["texts laid out by character code (pdf-font-layout.ts) give what pdfkit's own layout gives", useFontLayoutBySpaces],
  [
    "a page's operators kept as text until its stream ends (pdf-stream-text.ts) give what a Buffer each gives",
    useStreamText,
  ],
  ['keep-with-next decided ahead (pdf-keep-ahead.ts) gives what laying out again gives', useKeepAhead],
];

describe('the PDF speed-ups', () => {
  afterAll(() => {
    for (const [, use] of SPEED_UPS) use(true);
  });

  it.each(SPEED_UPS)(
    '%s, byte for byte, for the seed and a corner-case text',
    async (_, use) => {
      for (const { off, on } of await pdfsBothWays(use)) {
        expect(on.length).toBeGreaterThan(20_000);
        expect(on === off).toBe(true);
      }
    },
    120_000,
  );
});
