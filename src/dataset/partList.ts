/**
 * A list kept as the parts it came in (the records of a range, say), read as one. Joined into one array, a million
 * ids held the event loop for 50 to 80 ms at a time (an array that runs out of room copies itself whole), measured
 * during a refresh at 1M incidents.
 */
export class PartList<T> implements Iterable<T> {
  private readonly parts: ArrayLike<T>[] = [];
  /** Where each part starts in the list. */
  private readonly starts: number[] = [];
  private count = 0;
  private lastPart = 0;

  get length(): number {
    return this.count;
  }

  /** Adds a part, even an empty one: parts of lists kept side by side stay numbered alike. */
  push(part: ArrayLike<T>): void {
    this.parts.push(part);
    this.starts.push(this.count);
    this.count += part.length;
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const part = this.partOf(index);
    return this.parts[part]?.[index - (this.starts[part] as number)];
  }

  /** Which part holds the item at `index` (which must be in the list). */
  partOf(index: number): number {
    // Items are mostly read in order: the part read last is tried first.
    const last = this.lastPart;
    if (
      index >= (this.starts[last] as number) &&
      index < (this.starts[last] as number) + (this.parts[last]?.length ?? 0)
    )
      return last;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    this.lastPart = low;
    return low;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const part of this.parts) for (let index = 0; index < part.length; index++) yield part[index] as T;
  }

  /** Where a part starts in the list. */
  startOf(part: number): number {
    return this.starts[part] ?? this.count;
  }
}
