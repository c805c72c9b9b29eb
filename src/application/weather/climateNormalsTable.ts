import { americasNormals } from "./climateNormalsAmericas.ts";
import { asiaAfricaOceaniaNormals } from "./climateNormalsAsiaAfricaOceania.ts";
import { europeNormals } from "./climateNormalsEurope.ts";
import type { CityNormals } from "./climateNormalsRow.ts";

export type { CityNormals } from "./climateNormalsRow.ts";

/** Every city with normals; sources in `climateNormalsRow.ts`. */
export const CLIMATE_NORMALS: readonly CityNormals[] = [
  ...europeNormals,
  ...americasNormals,
  ...asiaAfricaOceaniaNormals,
];
