/**
 * An outline as a closed polygon: x0, y0, x1, y1, … in canvas pixels (the last point joins the first). A shape is
 * one or more of them, filled together by the non-zero rule (holes wound the other way).
 */
export type Contour = Float64Array;

/** An RGB colour as three bytes. */
export type Rgb = readonly [number, number, number];

/** '#rgb' or '#rrggbb' as three bytes (the charts write nothing else). */
export function parseColor(color: string): Rgb {
  const hex = color.startsWith('#') ? color.slice(1) : color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const value = Number.parseInt(full, 16);
  if (full.length !== 6 || Number.isNaN(value)) throw new Error(`not a colour the charts use: ${color}`);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * 光栅画布: an opaque RGB picture, laid out as a PNG's scanlines (a filter byte, 0, before each row), so that it is
 * deflated as it stands. Shapes are painted one after the other with exact anti-aliasing: each pixel gets the share
 * of its area that the shape covers (signed-area accumulation, as font-rs rasterizes glyphs), then the shape's
 * colour is blended over what is there.
 */
export class RasterCanvas {
  readonly rows: Buffer;
  readonly stride: number;
  /** Coverage accumulated over the current shape's bounding box, reused from shape to shape. */
  private cover = new Float32Array(0);

  /** `rows`, when given, is painted over (it must be `(width × 3 + 1) × height` bytes): one buffer for many charts. */
  constructor(
    readonly width: number,
    readonly height: number,
    rows?: Buffer,
  ) {
    this.stride = width * 3 + 1;
    if (rows !== undefined && rows.length !== this.stride * height) throw new RangeError('rows of another size');
    this.rows = rows?.fill(255) ?? Buffer.alloc(this.stride * height, 255);
    for (let y = 0; y < height; y++) this.rows[y * this.stride] = 0;
  }

  /** Fills the contours, together, in `color` (non-zero winding; an overlap counts once). */
  fill(contours: readonly Contour[], color: Rgb): void {
    const box = this.boundingBox(contours);
    if (box === null) return;
    const [left, top, width, height] = box;
    const pitch = width + 2;
    const size = pitch * height;
    if (this.cover.length < size) this.cover = new Float32Array(Math.max(size, this.cover.length * 2));
    const cover = this.cover;
    cover.fill(0, 0, size);
    for (const contour of contours) {
      const n = contour.length;
      for (let i = 0; i < n; i += 2) {
        const j = i + 2 < n ? i + 2 : 0;
        accumulateClipped(
          cover,
          pitch,
          width,
          height,
          contour[i]! - left,
          contour[i + 1]! - top,
          contour[j]! - left,
          contour[j + 1]! - top,
        );
      }
    }
    this.blend(left, top, width, height, pitch, color);
  }

  /** The contours' pixel box on the canvas [left, top, width, height], or null when nothing of them is on it. */
  private boundingBox(contours: readonly Contour[]): [number, number, number, number] | null {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const contour of contours) {
      for (let i = 0; i < contour.length; i += 2) {
        const x = contour[i]!;
        const y = contour[i + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    const left = Math.max(0, Math.floor(minX));
    const top = Math.max(0, Math.floor(minY));
    const right = Math.min(this.width, Math.ceil(maxX));
    const bottom = Math.min(this.height, Math.ceil(maxY));
    return right > left && bottom > top ? [left, top, right - left, bottom - top] : null;
  }

  /** Each pixel's coverage is the running sum of its row; the colour goes over the pixel by that share. */
  private blend(left: number, top: number, width: number, height: number, pitch: number, [r, g, b]: Rgb): void {
    const { rows, stride, cover } = this;
    for (let y = 0; y < height; y++) {
      let sum = 0;
      let at = (top + y) * stride + 1 + left * 3;
      const line = y * pitch;
      for (let x = 0; x < width; x++, at += 3) {
        sum += cover[line + x]!;
        const alpha = sum < 0 ? -sum : sum;
        if (alpha < 1 / 512) continue;
        if (alpha >= 1) {
          rows[at] = r;
          rows[at + 1] = g;
          rows[at + 2] = b;
        } else {
          rows[at] = Math.round(rows[at]! + (r - rows[at]!) * alpha);
          rows[at + 1] = Math.round(rows[at + 1]! + (g - rows[at + 1]!) * alpha);
          rows[at + 2] = Math.round(rows[at + 2]! + (b - rows[at + 2]!) * alpha);
        }
      }
    }
  }
}

/**
 * An edge that crosses the box's left or right side, split there: each piece then lies on one side, and a piece
 * outside, its x clamped, becomes the side itself (what lies left still winds the pixels right of it). Clamping a
 * crossing edge as a whole would ramp its coverage across the pixels from the clamped point.
 */
function accumulateClipped(
  cover: Float32Array,
  pitch: number,
  width: number,
  height: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): void {
  if (ax >= 0 && ax <= width && bx >= 0 && bx <= width) return accumulate(cover, pitch, width, height, ax, ay, bx, by);
  const cuts: number[] = [];
  for (const side of [0, width]) {
    if ((ax < side && bx > side) || (ax > side && bx < side)) cuts.push((side - ax) / (bx - ax));
  }
  if (cuts.length === 0) return accumulate(cover, pitch, width, height, ax, ay, bx, by);
  cuts.sort((p, q) => p - q);
  let [x, y] = [ax, ay];
  for (const t of [...cuts, 1]) {
    const [nx, ny] = t === 1 ? [bx, by] : [ax + (bx - ax) * t, ay + (by - ay) * t];
    accumulate(cover, pitch, width, height, x, y, nx, ny);
    [x, y] = [nx, ny];
  }
}

/**
 * Adds the signed area that the edge (x0, y0) → (x1, y1) sweeps to the coverage rows it crosses (font-rs's
 * accumulation): summed along a row, the adds give each pixel the share of it inside the outline, positive or
 * negative by winding. Coordinates are relative to the box; x is clamped into it (what lies left of the box
 * still winds the pixels right of it), y is clipped.
 */
function accumulate(
  cover: Float32Array,
  pitch: number,
  width: number,
  height: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): void {
  if (ay === by) return;
  // From top to bottom (no array swap: this runs for every edge of every shape).
  const down = ay < by;
  const dir = down ? 1 : -1;
  let x0 = down ? ax : bx;
  let y0 = down ? ay : by;
  const x1 = down ? bx : ax;
  let y1 = down ? by : ay;
  const dxdy = (x1 - x0) / (y1 - y0);
  if (y0 < 0) {
    x0 -= y0 * dxdy;
    y0 = 0;
  }
  if (y1 > height) y1 = height;
  if (y0 >= y1) return;
  let x = x0;
  for (let row = Math.floor(y0); row < y1; row++) {
    const dy = Math.min(row + 1, y1) - Math.max(row, y0);
    const next = x + dxdy * dy;
    const d = dy * dir;
    const from = clamp(Math.min(x, next), width);
    const to = clamp(Math.max(x, next), width);
    const line = row * pitch;
    const fromFloor = Math.floor(from);
    const toCeil = Math.ceil(to);
    if (toCeil <= fromFloor + 1) {
      // Within one pixel: its part right of the edge's middle.
      const middle = (from + to) / 2 - fromFloor;
      cover[line + fromFloor] = cover[line + fromFloor]! + d * (1 - middle);
      cover[line + fromFloor + 1] = cover[line + fromFloor + 1]! + d * middle;
    } else {
      const slope = 1 / (to - from);
      const fromFrac = from - fromFloor;
      const first = 0.5 * slope * (1 - fromFrac) * (1 - fromFrac);
      const toFrac = to - toCeil + 1;
      const last = 0.5 * slope * toFrac * toFrac;
      cover[line + fromFloor] = cover[line + fromFloor]! + d * first;
      if (toCeil === fromFloor + 2) {
        cover[line + fromFloor + 1] = cover[line + fromFloor + 1]! + d * (1 - first - last);
      } else {
        const second = slope * (1.5 - fromFrac);
        cover[line + fromFloor + 1] = cover[line + fromFloor + 1]! + d * (second - first);
        for (let xi = fromFloor + 2; xi < toCeil - 1; xi++) cover[line + xi] = cover[line + xi]! + d * slope;
        const before = second + (toCeil - fromFloor - 3) * slope;
        cover[line + toCeil - 1] = cover[line + toCeil - 1]! + d * (1 - before - last);
      }
      cover[line + toCeil] = cover[line + toCeil]! + d * last;
    }
    x = next;
  }
}

const clamp = (x: number, width: number) => (x < 0 ? 0 : x > width ? width : x);
