// Source: standards.md §4: 优 90–100, 良 80–89, 中 60–79, 差 below 60 (the pack's bands, highest first).
import type { Points } from './points.js';
import type { Grade, RulePack } from './rule-pack.js';

/** The first band whose lower bound the total reaches; the lowest band otherwise. */
export function gradeFor(total: Points, grades: RulePack['grades']): Grade {
  const band = grades.find((g) => total >= g.min) ?? grades.at(-1);
  return band?.grade ?? '差';
}
