// Source: standards.md §4, provincial add-ons: total-score caps by execution rate (70–80 % → at most 89;
// 60–70 % → 79; below 60 % → 69; below 50 % → 59). The strictest applicable cap wins; no rate, no cap.
import type { Percent } from '../money/index.js';
import type { Points } from './points.js';
import type { RulePack } from './rule-pack.js';

export type ExecutionCap = RulePack['addOns']['executionCaps'][number];

/** The cap that applies to `rate` (the lowest maxTotal among caps whose `below` exceeds the rate), or null. */
export function applicableCap(rate: Percent | null, caps: RulePack['addOns']['executionCaps']): ExecutionCap | null {
  if (rate === null) return null;
  return caps
    .filter((c) => rate < c.below)
    .reduce<ExecutionCap | null>((best, c) => (best === null || c.maxTotal < best.maxTotal ? c : best), null);
}

export function capTotal(subtotal: Points, cap: ExecutionCap | null): Points {
  return cap !== null && subtotal > cap.maxTotal ? cap.maxTotal : subtotal;
}
