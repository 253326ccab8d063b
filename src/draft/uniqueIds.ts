/** Hands out ids that are not in `taken` (and then are): `base`, else `base-2`, `base-3`… */
export function uniqueIds(taken: Set<string>): (base: string) => string {
  return (base) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}
