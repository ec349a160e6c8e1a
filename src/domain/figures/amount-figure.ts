import { sumFen, type Fen } from '../money/index.js';

/**
 * A derived amount and the number of rounded raw inputs it was summed from. Each raw input is printed to
 * 0.01 of the unit, so a sum of `parts` of them may differ from a separately rounded total by up to
 * parts × 0.005: the rounding tolerance the checks allow.
 */
export type AmountFigure = { value: Fen; parts: number };

export function single(value: Fen): AmountFigure {
  return { value, parts: 1 };
}

export function sumOf(values: readonly Fen[]): AmountFigure {
  return { value: sumFen(values), parts: values.length };
}

/** a + b (or a − b with `sign` −1): parts add up either way. */
export function combine(a: AmountFigure, b: AmountFigure, sign: 1 | -1 = 1): AmountFigure {
  return { value: (sign === 1 ? a.value + b.value : a.value - b.value) as Fen, parts: a.parts + b.parts };
}
