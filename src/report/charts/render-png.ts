import { Resvg } from '@resvg/resvg-js';
import { encodeOpaquePng } from './png-encode.js';
import { svgTextToPaths } from './text-to-path.js';

/**
 * Rasterizes a chart SVG to PNG (for DOCX, whose SVG images need a PNG fallback for older Word, WPS and
 * LibreOffice). resvg is a prebuilt npm binary: no system package. Text is drawn as outlines first.
 */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svgTextToPaths(svg), {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: { loadSystemFonts: false },
  });
  // resvg's own PNG encoder (adaptive filters, best compression) took as long as drawing the chart: the pixels
  // are encoded here instead (png-encode.ts), a little larger, in a third of the time.
  const image = resvg.render();
  return encodeOpaquePng(image.pixels, image.width, image.height);
}
