/** Says a delay in words: "Wait 1 second", "Wait 2 minutes". */
export function describeDelay(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `Wait ${plural(seconds / 3600, 'hour')}`;
  if (seconds >= 60 && seconds % 60 === 0) return `Wait ${plural(seconds / 60, 'minute')}`;
  return `Wait ${plural(seconds, 'second')}`;
}
