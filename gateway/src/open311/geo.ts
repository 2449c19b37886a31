import { COMMUNITIES } from '@sanshe/seed-fixtures';

/**
 * Where a GeoReport request is: a point or an address, mapped to a community of Jianxi.
 *
 * The registry keeps no coordinates, so the district's bounding area and the community
 * centroids here are demo data (docs/open311.md says so): the 71 seed communities laid on
 * a grid over the area in seed order. A real deployment replaces them with surveyed
 * centroids; the rules below stay the same.
 */
export const DISTRICT_AREA = { south: 34.61, north: 34.69, west: 112.32, east: 112.43 } as const;

export interface LocatedCommunity {
  id: string;
  name: string;
  lat: number;
  long: number;
}

const COLUMNS = 9;
const ROWS = Math.ceil(COMMUNITIES.length / COLUMNS);

export const COMMUNITY_CENTROIDS: readonly LocatedCommunity[] = COMMUNITIES.map((c, i) => {
  const row = Math.floor(i / COLUMNS);
  const column = i % COLUMNS;
  const lat = DISTRICT_AREA.north - ((row + 0.5) * (DISTRICT_AREA.north - DISTRICT_AREA.south)) / ROWS;
  const long = DISTRICT_AREA.west + ((column + 0.5) * (DISTRICT_AREA.east - DISTRICT_AREA.west)) / COLUMNS;
  return { id: c.id, name: c.name, lat: Number(lat.toFixed(5)), long: Number(long.toFixed(5)) };
});

export const insideDistrict = (lat: number, long: number): boolean =>
  lat >= DISTRICT_AREA.south && lat <= DISTRICT_AREA.north && long >= DISTRICT_AREA.west && long <= DISTRICT_AREA.east;

/** The community whose centroid is nearest, or null outside the district's area. */
export function communityAt(lat: number, long: number): LocatedCommunity | null {
  if (!insideDistrict(lat, long)) return null;
  // At this latitude a degree of longitude is cos(34.65°) ≈ 0.82 of a degree of latitude.
  const scale = Math.cos((lat * Math.PI) / 180);
  let best: LocatedCommunity | null = null;
  let bestDistance = Infinity;
  for (const c of COMMUNITY_CENTROIDS) {
    const distance = (c.lat - lat) ** 2 + ((c.long - long) * scale) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  return best;
}

/** The community an address names (the longest name found, so 长安路三社区 wins over a shorter one it contains). */
export function communityNamedIn(address: string): LocatedCommunity | null {
  const found = COMMUNITY_CENTROIDS.filter((c) => address.includes(c.name));
  return found.sort((a, b) => b.name.length - a.name.length)[0] ?? null;
}
