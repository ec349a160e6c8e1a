/** A wire percentage ("84.18" or null) as shown; no domain import, so list pages do not load the domain chunk. */
export function wirePercentText(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}
