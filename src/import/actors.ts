import type { Actor } from '../dataset/schema.js';

/**
 * Armed groups the exports name in several ways, with the names people search for. An exported actor whose name
 * contains one of `matches` (case ignored) is this actor; the curated data's id is kept, so an imported record and
 * an article's report name the same group.
 */
const KNOWN_ACTORS: readonly (Omit<Actor, 'aliases'> & { aliases: string[]; matches: string[] })[] = [
  {
    id: 'jnim',
    name: 'JNIM',
    aliases: [
      "Jama'at Nusrat al-Islam wal-Muslimin",
      'Jamaat Nusrat al-Islam wal-Muslimin',
      "Jama'a Nusrat al-Islam wal-Muslimin",
      'GSIM',
      "Groupe de soutien à l'islam et aux musulmans",
    ],
    matches: ['jnim', 'nusrat al-islam', 'gsim'],
    description: {
      en: 'Jihadist coalition linked to al-Qaeda, active in Mali, Burkina Faso and Niger.',
      nl: 'Jihadistische coalitie verbonden aan al-Qaida, actief in Mali, Burkina Faso en Niger.',
      fr: 'Coalition djihadiste liée à al-Qaïda, active au Mali, au Burkina Faso et au Niger.',
    },
  },
  {
    id: 'is-sahel',
    name: 'Islamic State Sahel Province',
    aliases: ['IS Sahel', 'ISSP', 'ISGS', 'Islamic State in the Greater Sahara', 'EIGS', 'État islamique au Sahel'],
    matches: ['islamic state (sahel)', 'islamic state sahel', 'greater sahara', 'issp', 'isgs'],
    description: {
      en: 'Sahel branch of the Islamic State group.',
      nl: 'Sahel-tak van de groep Islamitische Staat.',
      fr: 'Branche sahélienne du groupe État islamique.',
    },
  },
];

/** The actors of an import: the known groups under their usual names, the others under the export's own name. */
export class ActorTable {
  readonly #byName = new Map<string, Actor>();
  readonly #actors = new Map<string, Actor>();
  readonly #dataset: string;

  constructor(dataset: string) {
    this.#dataset = dataset;
  }

  /** The actor an exported name stands for, added on first sight. */
  idOf(name: string): string {
    const seen = this.#byName.get(name);
    if (seen) return seen.id;
    const lower = name.toLowerCase();
    const known = KNOWN_ACTORS.find((actor) => actor.matches.some((match) => lower.includes(match)));
    let actor: Actor;
    if (known) {
      const { matches: _, ...rest } = known;
      actor = this.#actors.get(known.id) ?? { ...rest, aliases: [...rest.aliases] };
      if (name !== actor.name && !actor.aliases.includes(name)) actor.aliases.push(name);
    } else {
      const id = `actor-${slug(name)}`;
      actor = this.#actors.get(id) ?? {
        id,
        name,
        aliases: [],
        description: `As named in ${this.#dataset}; no description of our own.`,
      };
    }
    this.#actors.set(actor.id, actor);
    this.#byName.set(name, actor);
    return actor.id;
  }

  get actors(): Actor[] {
    return [...this.#actors.values()];
  }
}

/** Lower-case letters, digits and dashes, as ids are. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii === '' ? 'x' : ascii.slice(0, 60).replace(/-+$/, '');
}
