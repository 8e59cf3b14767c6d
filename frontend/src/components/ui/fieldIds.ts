/** Ids of the hint and error texts of a field, for aria-describedby. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  if (error !== undefined && error !== '') {
    return `${id}-error`;
  }
  return hint === undefined || hint === null ? undefined : `${id}-hint`;
}
