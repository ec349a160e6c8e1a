import type { Contour } from './raster-canvas.js';
import { DASH } from './svg-parts.js';

/** How far a flattened curve may stray from the true one, in pixels (a 64th of a pixel: invisible). */
const TOLERANCE = 1 / 64;

/** Points of a circular arc from angle `from` to `to` (radians, y down), the first point left out. */
function arcPoints(out: number[], cx: number, cy: number, r: number, from: number, to: number): void {
  const step = r > TOLERANCE ? 2 * Math.acos(1 - TOLERANCE / r) : Math.PI / 2;
  const count = Math.max(1, Math.ceil(Math.abs(to - from) / step));
  for (let i = 1; i <= count; i++) {
    const angle = from + ((to - from) * i) / count;
    out.push(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
  }
}

/** A circle as a contour, clockwise on the page (counter-clockwise with `reverse`, to cut a hole). */
export function circleContour(cx: number, cy: number, r: number, reverse = false): Contour {
  const points: number[] = [cx + r, cy];
  arcPoints(points, cx, cy, r, 0, reverse ? -2 * Math.PI : 2 * Math.PI);
  points.length -= 2; // the last point is the first again
  return Float64Array.from(points);
}

/** A rectangle, its corners rounded by `radius` (clamped to half its sides, as SVG's rx). */
export function rectContour(x: number, y: number, width: number, height: number, radius: number): Contour {
  const r = Math.min(radius, width / 2, height / 2);
  if (r <= 0) return Float64Array.of(x, y, x + width, y, x + width, y + height, x, y + height);
  const points: number[] = [x + r, y, x + width - r, y];
  arcPoints(points, x + width - r, y + r, r, -Math.PI / 2, 0);
  points.push(x + width, y + height - r);
  arcPoints(points, x + width - r, y + height - r, r, 0, Math.PI / 2);
  points.push(x + r, y + height);
  arcPoints(points, x + r, y + height - r, r, Math.PI / 2, Math.PI);
  points.push(x, y + r);
  arcPoints(points, x + r, y + r, r, Math.PI, 1.5 * Math.PI);
  return Float64Array.from(points);
}

/**
 * SVG's elliptical arc command for a circle (rx = ry, no rotation): the end points and flags converted to a centre
 * and two angles (SVG 1.1, appendix F.6.5), the arc's points appended after the current point.
 */
function svgArc(
  out: number[],
  x1: number,
  y1: number,
  radius: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
): void {
  const hx = (x1 - x2) / 2;
  const hy = (y1 - y2) / 2;
  const half = hx * hx + hy * hy;
  if (half === 0) return;
  const r = Math.max(radius, Math.sqrt(half));
  const factor = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, (r * r - half) / half));
  const cx = factor * hy + (x1 + x2) / 2;
  const cy = -factor * hx + (y1 + y2) / 2;
  const from = Math.atan2(y1 - cy, x1 - cx);
  let delta = Math.atan2(y2 - cy, x2 - cx) - from;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  arcPoints(out, cx, cy, r, from, from + delta);
  out[out.length - 2] = x2; // exactly the end point
  out[out.length - 1] = y2;
}

/**
 * The subpaths of path data as the charts write it (svg-parts.ts): M, L, A (circular) and Z, absolute, numbers
 * separated by spaces or signs. Each subpath is a list of points; `closed` says whether it ended with Z.
 */
export function pathPoints(d: string): { points: number[]; closed: boolean }[] {
  const tokens = d.match(/[MLAZ]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  const paths: { points: number[]; closed: boolean }[] = [];
  let current: { points: number[]; closed: boolean } | null = null;
  let i = 0;
  const number = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++]!.toUpperCase();
    if (command === 'M') {
      current = { points: [number(), number()], closed: false };
      paths.push(current);
    } else if (command === 'L' && current !== null) {
      current.points.push(number(), number());
    } else if (command === 'A' && current !== null) {
      const radius = number();
      i += 2; // ry (the same) and the x-axis rotation (0)
      const large = number() !== 0;
      const sweep = number() !== 0;
      const [x1, y1] = current.points.slice(-2) as [number, number];
      svgArc(current.points, x1, y1, radius, large, sweep, number(), number());
    } else if (command === 'Z' && current !== null) {
      current.closed = true;
    } else {
      throw new Error(`path data the charts do not write: ${d}`);
    }
  }
  return paths;
}

/** SVG's dashes along a polyline (`on` drawn, `off` left out, and again): the pieces drawn. */
function dashes(points: readonly number[], on: number, off: number): number[][] {
  const out: number[][] = [];
  let inDash = true;
  let left = on;
  let piece: number[] = [points[0]!, points[1]!];
  for (let i = 2; i < points.length; i += 2) {
    let x = points[i - 2]!;
    let y = points[i - 1]!;
    const tx = points[i]!;
    const ty = points[i + 1]!;
    let length = Math.hypot(tx - x, ty - y);
    while (length > left) {
      x += ((tx - x) * left) / length;
      y += ((ty - y) * left) / length;
      length -= left;
      if (inDash) out.push([...piece, x, y]);
      piece = [x, y];
      inDash = !inDash;
      left = inDash ? on : off;
    }
    left -= length;
    piece.push(tx, ty);
  }
  if (inDash && piece.length >= 4) out.push(piece);
  return out;
}

/**
 * Longer lines are drawn solid: dashing costs a piece every 12 px, and a line this long (figures far outside their
 * axis) is almost all off the picture. A chart's own lines are under 2,000 px.
 */
const MAX_DASHED_LENGTH = 40_000;

function polylineLength(points: readonly number[]): number {
  let length = 0;
  for (let i = 2; i < points.length; i += 2)
    length += Math.hypot(points[i]! - points[i - 2]!, points[i + 1]! - points[i - 1]!);
  return length;
}

/**
 * A stroke of `width` along a polyline as contours: a rectangle for each segment (butt caps), which the non-zero
 * rule joins; at a bend the outer corner stays open by less than half the width (a pixel at most here).
 */
export function strokeContours(points: readonly number[], width: number, dashed: boolean): Contour[] {
  const pieces = dashed && polylineLength(points) <= MAX_DASHED_LENGTH ? dashes(points, DASH.on, DASH.off) : [points];
  const half = width / 2;
  const out: Contour[] = [];
  for (const piece of pieces) {
    for (let i = 2; i < piece.length; i += 2) {
      const x1 = piece[i - 2]!;
      const y1 = piece[i - 1]!;
      const x2 = piece[i]!;
      const y2 = piece[i + 1]!;
      const length = Math.hypot(x2 - x1, y2 - y1);
      if (length === 0) continue;
      const nx = (-(y2 - y1) / length) * half;
      const ny = ((x2 - x1) / length) * half;
      out.push(Float64Array.of(x1 + nx, y1 + ny, x2 + nx, y2 + ny, x2 - nx, y2 - ny, x1 - nx, y1 - ny));
    }
  }
  return out;
}
