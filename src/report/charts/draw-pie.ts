import type { ChartSpec } from '../model/types.js';
import {
  area,
  CHART_HEIGHT,
  CHART_WIDTH,
  COLORS,
  legend,
  lines,
  polyline,
  px,
  title,
  type Drawing,
  type Shape,
} from './svg-parts.js';

type Pie = Extract<ChartSpec, { kind: 'pie' }>;

/** ECharts' pie as the charts set it: centre at 50 % / 52 %, radius 58 % of half the shorter side. */
const CX = CHART_WIDTH / 2;
const CY = CHART_HEIGHT * 0.52;
const R = (Math.min(CHART_WIDTH, CHART_HEIGHT) / 2) * 0.58;

const at = (angle: number, radius: number): [number, number] => [
  CX + radius * Math.cos(angle),
  CY + radius * Math.sin(angle),
];

/** One slice from `from` to `to` (radians, clockwise from the top); a whole or nearly whole circle as two parts. */
function slice(from: number, to: number, color: string): Shape[] {
  // Nearly whole too: its two ends would round to the same point, and an arc between equal points is not drawn
  if (to - from >= 2 * Math.PI - 1e-3)
    return [...slice(from, from + Math.PI, color), ...slice(from + Math.PI, to, color)];
  const [x1, y1] = at(from, R);
  const [x2, y2] = at(to, R);
  const large = to - from > Math.PI ? 1 : 0;
  return [area(`M${px(CX)} ${px(CY)}L${px(x1)} ${px(y1)}A${px(R)} ${px(R)} 0 ${large} 1 ${px(x2)} ${px(y2)}Z`, color)];
}

/** A slice's label outside the pie: a guide line from the rim (15 px out, 15 px along), the text beyond it. */
function label(angle: number, text: string, color: string): Drawing {
  const [ex, ey] = at(angle, R);
  const [bx, by] = at(angle, R + 15);
  const right = Math.cos(angle) >= 0;
  const tx = bx + (right ? 15 : -15);
  const textLines = text.split('\n');
  const top = by - ((textLines.length - 1) * 14) / 2;
  return [
    polyline(
      [
        [ex, ey],
        [bx, by],
        [tx, by],
      ],
      color,
    ),
    lines(tx + (right ? 5 : -5), top, textLines, 12, right ? 'start' : 'end'),
  ];
}

/** 收入构成: slices clockwise from the top (all equal when every value is 0, as ECharts shows a zero sum). */
export function drawPie(spec: Pie): Drawing {
  const total = spec.slices.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  const share = (value: number) => (total > 0 ? Math.max(0, value) / total : 1 / spec.slices.length);
  const colors = spec.slices.map((_, i) => COLORS[i % COLORS.length] ?? COLORS[0]);
  let angle = -Math.PI / 2;
  const shapes: Drawing[] = [];
  const labels: Drawing[] = [];
  spec.slices.forEach((s, i) => {
    const sweep = share(s.value) * 2 * Math.PI;
    if (sweep > 0) shapes.push(slice(angle, angle + sweep, colors[i]!));
    labels.push(label(angle + sweep / 2, s.text, colors[i]!));
    angle += sweep;
  });
  const items = spec.slices.map((s, i) => ({ name: s.name, color: colors[i]!, marker: 'box' as const }));
  return [title(spec.title), shapes, labels, legend(items, CHART_HEIGHT - 16)];
}
