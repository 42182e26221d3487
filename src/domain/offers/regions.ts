/**
 * Belgian postcode → province (the search facet "region") and, for the larger municipalities, the
 * municipality and its coordinates (for the distance in matching). A small table, no download:
 * the province follows from the postcode ranges of bpost; municipalities not in the table keep the
 * name the provider typed and no coordinates.
 */

export const REGIONS = [
  'brussel',
  'antwerpen',
  'limburg',
  'oost-vlaanderen',
  'west-vlaanderen',
  'vlaams-brabant',
  'waals-brabant',
  'henegouwen',
  'luik',
  'luxemburg',
  'namen',
] as const;
export type Region = (typeof REGIONS)[number];

const RANGES: ReadonlyArray<[from: number, to: number, region: Region]> = [
  [1000, 1299, 'brussel'],
  [1300, 1499, 'waals-brabant'],
  [1500, 1999, 'vlaams-brabant'],
  [2000, 2999, 'antwerpen'],
  [3000, 3499, 'vlaams-brabant'],
  [3500, 3999, 'limburg'],
  [4000, 4999, 'luik'],
  [5000, 5999, 'namen'],
  [6000, 6599, 'henegouwen'],
  [6600, 6999, 'luxemburg'],
  [7000, 7999, 'henegouwen'],
  [8000, 8999, 'west-vlaanderen'],
  [9000, 9999, 'oost-vlaanderen'],
];

/** Main municipality per postcode: name and approximate centre. */
const MUNICIPALITIES: Readonly<Record<string, [name: string, lat: number, lon: number]>> = {
  '1000': ['Brussel', 50.8466, 4.3528],
  '1030': ['Schaarbeek', 50.8676, 4.3737],
  '1070': ['Anderlecht', 50.8365, 4.3082],
  '1080': ['Sint-Jans-Molenbeek', 50.8549, 4.3222],
  '1500': ['Halle', 50.7339, 4.2345],
  '1800': ['Vilvoorde', 50.9281, 4.4245],
  '1930': ['Zaventem', 50.8836, 4.4731],
  '2000': ['Antwerpen', 51.2194, 4.4025],
  '2018': ['Antwerpen', 51.2062, 4.4155],
  '2060': ['Antwerpen', 51.2262, 4.429],
  '2100': ['Deurne', 51.2194, 4.4644],
  '2200': ['Herentals', 51.1766, 4.8364],
  '2300': ['Turnhout', 51.3227, 4.9447],
  '2400': ['Mol', 51.191, 5.1165],
  '2440': ['Geel', 51.1617, 4.99],
  '2500': ['Lier', 51.1313, 4.5704],
  '2800': ['Mechelen', 51.0259, 4.4776],
  '2900': ['Schoten', 51.2524, 4.5019],
  '3000': ['Leuven', 50.8798, 4.7005],
  '3300': ['Tienen', 50.8077, 4.9378],
  '3500': ['Hasselt', 50.9307, 5.3378],
  '3600': ['Genk', 50.965, 5.5],
  '3700': ['Tongeren', 50.7806, 5.4648],
  '3900': ['Pelt', 51.221, 5.427],
  '8000': ['Brugge', 51.2093, 3.2247],
  '8400': ['Oostende', 51.2154, 2.9286],
  '8500': ['Kortrijk', 50.828, 3.2649],
  '8800': ['Roeselare', 50.9465, 3.1227],
  '8900': ['Ieper', 50.8503, 2.885],
  '9000': ['Gent', 51.0543, 3.7174],
  '9100': ['Sint-Niklaas', 51.165, 4.1437],
  '9200': ['Dendermonde', 51.0287, 4.101],
  '9300': ['Aalst', 50.9378, 4.0403],
  '9700': ['Oudenaarde', 50.8453, 3.6047],
  '9900': ['Eeklo', 51.1858, 3.5639],
};

export const POSTCODE_PATTERN = /^[1-9]\d{3}$/;

export interface Place {
  region: Region;
  municipality: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The place of a 4-digit Belgian postcode; null when it is not one. */
export function placeOfPostcode(postcode: string): Place | null {
  if (!POSTCODE_PATTERN.test(postcode)) return null;
  const n = Number(postcode);
  const range = RANGES.find(([from, to]) => n >= from && n <= to);
  if (!range) return null;
  const m = MUNICIPALITIES[postcode];
  return { region: range[2], municipality: m?.[0] ?? null, latitude: m?.[1] ?? null, longitude: m?.[2] ?? null };
}
