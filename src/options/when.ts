/** A stored time as the reader writes dates; as stored if it is not a date (stored data may be damaged). */
export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
