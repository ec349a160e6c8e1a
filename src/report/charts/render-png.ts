import { Resvg } from '@resvg/resvg-js';
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
  return resvg.render().asPng();
}
