/** Reports whether r is a status code (100-599) or a class such as 4xx, like Go's flow.ValidRoute. */
export function validRoute(r: string): boolean {
  return /^[1-5](xx|\d\d)$/.test(r);
}

/** Normalizes what the user typed as a route: trimmed, lower-case x ("4XX" is "4xx"). */
export function normalizeRoute(r: string): string {
  return r.trim().toLowerCase();
}

/** Returns why a route cannot be added, or "" when it can. */
export function routeProblem(r: string, existing: readonly string[]): string {
  if (r === '') return 'Type a status code such as 200 or a class such as 4xx.';
  if (r === 'others') return '"others" is always there.';
  if (!validRoute(r)) return `${r} is not a route; use a status code such as 404 or a class such as 5xx.`;
  if (existing.includes(r)) return `${r} is already a route.`;
  return '';
}

/** Routes offered as one-click additions. */
export const suggestedRoutes = ['200', '201', '204', '400', '401', '404', '2xx', '4xx', '5xx'];
