import type { IncidentOutline } from '../dataset/dataset.js';
import type { IncidentRow } from '../dataset/incidentRow.js';

type Precision = IncidentOutline['date']['precision'];
type LocationPrecision = NonNullable<IncidentOutline['location']>['precision'];

/**
 * The outline of every incident an import hands over, by row, kept as columns: the texts many incidents share
 * (countries, dates, precisions) are held once each. Objects for each of a million incidents kept the import's
 * garbage collector busier than the import itself.
 */
export class IncidentOutlines {
  private readonly ids: string[] = [];
  private readonly countries: number[] = [];
  private readonly dates: number[] = [];
  private readonly precisions: number[] = [];
  private readonly names: string[] = [];
  private readonly keys: string[] = [];
  private readonly longitudes: number[] = [];
  private readonly latitudes: number[] = [];
  /** -1 for an incident without a location. */
  private readonly locationPrecisions: number[] = [];
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  /** Adds the next row's incident. */
  add(incident: IncidentRow): void {
    const { location } = incident;
    this.ids.push(incident.id);
    this.countries.push(this.indexOf(incident.countryCode));
    this.dates.push(this.indexOf(incident.date.value));
    this.precisions.push(this.indexOf(incident.date.precision));
    this.names.push(incident.placeName);
    this.keys.push(incident.placeKey);
    this.longitudes.push(location?.longitude ?? 0);
    this.latitudes.push(location?.latitude ?? 0);
    this.locationPrecisions.push(location ? this.indexOf(location.precision) : -1);
  }

  id(row: number): string {
    return this.ids[row] as string;
  }

  /** The country of a row; undefined for no row (-1 stands for an id no incident has). */
  countryOf(row: number): string | undefined {
    const country = this.countries[row];
    return country === undefined ? undefined : this.text(country);
  }

  /** By date, most recent first, then by place name and the data's order: as the index lists incidents. */
  newestFirst(a: number, b: number): number {
    const dateA = this.text(this.dates[a] as number);
    const dateB = this.text(this.dates[b] as number);
    if (dateA !== dateB) return dateA < dateB ? 1 : -1;
    const keyA = this.keys[a] as string;
    const keyB = this.keys[b] as string;
    if (keyA !== keyB) return keyA < keyB ? -1 : 1;
    return a - b;
  }

  /** A row's outline, made when asked for: a map reads each of a country's once. */
  outline(row: number): IncidentOutline {
    const locationPrecision = this.locationPrecisions[row] as number;
    return {
      id: this.id(row),
      date: {
        value: this.text(this.dates[row] as number),
        precision: this.text(this.precisions[row] as number) as Precision,
      },
      place: { name: this.names[row] as string },
      location:
        locationPrecision < 0
          ? undefined
          : {
              longitude: this.longitudes[row] as number,
              latitude: this.latitudes[row] as number,
              precision: this.text(locationPrecision) as LocationPrecision,
            },
    };
  }

  *outlines(rows: Iterable<number>): Generator<IncidentOutline> {
    for (const row of rows) yield this.outline(row);
  }

  private indexOf(text: string): number {
    let index = this.textIndex.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, index);
    }
    return index;
  }

  private text(index: number): string {
    return this.texts[index] as string;
  }
}
