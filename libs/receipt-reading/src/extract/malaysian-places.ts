import { allPostcodes } from 'malaysia-postcodes';

/**
 * Malaysia's states and post-office towns, from the package malaysia-postcodes (Pos Malaysia's
 * postcodes with their town and state): the names an address of the country may end with.
 */

const TOWN_BY_POSTCODE = new Map<string, string>(allPostcodes.flatMap((state) => state.city.flatMap((city) => city.postcode.map((code) => [code, city.name] as const))));

/** The words of the states' names ("NEGERI", "SEMBILAN", "SELANGOR", "KUALA", "LUMPUR"), upper case. */
export const STATE_WORDS: readonly string[] = [
  ...new Set(
    allPostcodes
      .flatMap((state) => state.name.toUpperCase().split(/[^A-Z]+/))
      .filter((word) => word.length >= 4),
  ),
];

/** Every word of the towns' and states' names ("KLANG", "BAHRU", "BAHARU"): a word printed right is never "repaired". */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  allPostcodes.flatMap((state) => [state.name, ...state.city.map((city) => city.name)]).flatMap((name) => name.toUpperCase().split(/[^A-Z]+/)),
);

/** The post-office town of a postcode ("43300" → "Seri Kembangan"), or null. */
export function townOfPostcode(postcode: string): string | null {
  return TOWN_BY_POSTCODE.get(postcode) ?? null;
}
