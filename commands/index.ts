import { about } from './about.js';
import { attack } from './attack.js';
import { attacks } from './attacks.js';
import type { Command } from './command.js';
import { dataset } from './dataset.js';
import { toll } from './toll.js';

/** Every command, by name. Listed by hand, not found by scanning a folder; a duplicate name fails at start-up. */
export const commands: ReadonlyMap<string, Command> = indexByName([attack, attacks, toll, about, dataset]);

function indexByName(list: readonly Command[]): Map<string, Command> {
  const byName = new Map<string, Command>();
  for (const command of list) {
    const name = command.definition.name;
    if (byName.has(name)) throw new Error(`two commands are named "${name}"`);
    byName.set(name, command);
  }
  return byName;
}
