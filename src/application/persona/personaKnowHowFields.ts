import { craftFields } from "./personaKnowHowCrafts.ts";
import type { KnowHowField } from "./personaKnowHowField.ts";
import { homeFields } from "./personaKnowHowHome.ts";
import { makerFields } from "./personaKnowHowMakers.ts";
import { subjectFields } from "./personaKnowHowSubjects.ts";
import { tradeFields } from "./personaKnowHowTrades.ts";

export const knowHowFields: readonly KnowHowField[] = [
  ...tradeFields,
  ...craftFields,
  ...makerFields,
  ...homeFields,
  ...subjectFields,
];
