import type { Incident } from '../dataset/schema.js';
import { u } from './unicodeWords.js';

type Target = Incident['target'];

// The first that matches wins: a camp for displaced people is not a military camp, a convoy is not a base.
const RULES: readonly [RegExp, Target][] = [
  [/displaced|déplacés|ontheemden|vluchtelingenkamp|camp de réfugiés/iu, 'displacement_camp'],
  [/convoy|konvooi|convoi/iu, 'military_convoy'],
  [/patrol|patrouille/iu, 'patrol'],
  [/checkpoint|controlepost|poste de contrôle|barrage/iu, 'checkpoint'],
  [/police (?:post|station)|politiepost|commissariat|poste de police|gendarmerie/iu, 'police_post'],
  [
    u(/military base|army base|\bbase\b|\bbasis\b|legerbasis|kazerne|\bcamp militaire|\bcamp\b|garrison|garnison/iu),
    'military_base',
  ],
  [/military positions|militaire posities|positions militaires|army positions/iu, 'military_positions'],
  [u(/\bmarket\b|\bmarkt\b|\bmarché\b/iu), 'market'],
  [u(/\bmosque|\bchurch|\bmoskee|\bkerk\b|\bmosquée|\béglise/iu), 'place_of_worship'],
  [u(/\bschool\b|\bschool|\bécole/iu), 'school'],
  [u(/\bhospital|health cent|ziekenhuis|hôpital|centre de santé/iu), 'health_facility'],
  [u(/\bmine\b|goldmine|goudmijn|site d'orpaillage|\bmijn\b/iu), 'mine'],
  [u(/\bbridge|\bbrug\b|\bpont\b|power station|antenne|pylône/iu), 'infrastructure'],
  [/town hall|prefecture|préfecture|mairie|gemeentehuis|government building/iu, 'government_building'],
  [u(/\bvillage|\bdorp\b|\bdorpen\b/iu), 'village'],
  [u(/\btown\b|\bcity\b|\bstad\b|\bville\b|\bsteden\b|\btowns\b/iu), 'town'],
  [/civilians|burgers|civils|villagers|dorpelingen|villageois/iu, 'civilians'],
];

const TOWN = u(u(/\btown\b|\bcity\b|\bstad\b|\bville\b/iu));

/** What an attack was on, from the words of the sentence that reports it; undefined when it names nothing. */
export function targetOf(text: string): Target | undefined {
  for (const [words, target] of RULES) {
    if (!words.test(text)) continue;
    if (target === 'military_positions' && TOWN.test(text)) return 'military_positions_and_town';
    return target;
  }
  return undefined;
}
