// An in-memory storage area for unit tests, with faults on demand.
import type { Area } from '../../../src/shared/store/area';

export class FakeArea implements Area {
  data = new Map<string, unknown>();
  /** Make the next writes fail, as a full quota or a failed write would; a function picks the writes that fail. */
  failWrites: boolean | ((items: Record<string, unknown>) => boolean) = false;
  async get(keys: string[]): Promise<Record<string, unknown>> {
    return Object.fromEntries(keys.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (typeof this.failWrites === 'function' ? this.failWrites(items) : this.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
    // Like extension storage: values go through serialisation.
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.parse(JSON.stringify(v)));
  }
  async remove(keys: string[]): Promise<void> {
    if (this.failWrites) throw new Error('write failed');
    for (const k of keys) this.data.delete(k);
  }
  snapshot(): string {
    return JSON.stringify([...this.data.entries()].sort());
  }
}
