import { Command } from "commander";
import { exportCardFile } from "../application/cards/exportCardFile.ts";
import { importCardFile, previewCardFile } from "../application/cards/importCardFile.ts";
import { imageJobBasePortraitQueue } from "../application/images/basePortraits.ts";
import type { IdentityInput } from "../domain/agent/agentInputs.ts";
import { DomainError } from "../domain/shared/decider.ts";
import type { CliSystem } from "./cliSystem.ts";
import { readToolFile, writeToolFile } from "./toolFiles.ts";

export interface ImportCardOptions {
  city?: string;
  tz?: string;
  occupation?: string;
  country?: string;
}

/**
 * The identity to import with: the options, completed by the guess from the card's text. None
 * when the card brings withme's own and no option is given, so the card's identity is kept.
 */
export function identityFromOptions(
  preview: ReturnType<typeof previewCardFile>,
  options: ImportCardOptions,
): IdentityInput | null {
  const given = options.city ?? options.tz ?? options.occupation ?? options.country;
  if (preview.identity && given === undefined) return null;
  const homeCity = options.city ?? preview.identity?.homeCity ?? preview.guess.homeCity;
  const timezone = options.tz ?? preview.identity?.timezone ?? preview.guess.timezone;
  const occupation = options.occupation ?? preview.identity?.occupation ?? preview.guess.occupation;
  if (!homeCity || !timezone || !occupation) {
    if (given === undefined) return null;
    const missing = [
      homeCity ? null : "--city",
      timezone ? null : "--tz",
      occupation ? null : "--occupation",
    ].filter((flag): flag is string => flag !== null);
    throw new DomainError(
      "CardIdentityIncomplete",
      "BAD_USER_INPUT",
      `The card does not say all of where the character lives and what they do; add ${missing.join(" and ")}.`,
    );
  }
  const country = options.country ?? preview.identity?.country;
  return { homeCity, timezone, occupation, ...(country ? { country } : {}) };
}

/** `withme import-card <file>` and `withme export-card <agentId> <out.png>`. */
export function cardCommands(open: () => Promise<CliSystem>): Command[] {
  const importCard = new Command("import-card")
    .description("create an agent from a character card (V2/V3 PNG, .charx or JSON)")
    .argument("<file>", "the card file")
    .option("--city <city>", "home city, when the card does not say (a guess from its text otherwise)")
    .option("--tz <zone>", "IANA time zone, e.g. Europe/Lisbon")
    .option("--occupation <job>", "what the character does")
    .option("--country <country>", "home country")
    .action(async (file: string, options: ImportCardOptions) => {
      const bytes = readToolFile(file);
      const preview = previewCardFile(bytes);
      const identity = identityFromOptions(preview, options);
      const system = await open();
      try {
        const deps = {
          commands: system.commands,
          media: await system.media(),
          basePortraits: imageJobBasePortraitQueue(system.commands),
        };
        const meta = { actor: "system:cli", requestId: null, now: new Date() };
        const imported = await importCardFile(deps, bytes, { identity }, meta);
        const where = identity ?? preview.identity;
        console.log(`imported ${preview.name} as agent ${imported.agentId}`);
        if (where) console.log(`  lives in ${where.homeCity} (${where.timezone}), ${where.occupation}`);
        if (imported.portraitUrl) console.log(`  portrait ${imported.portraitUrl}`);
        if (imported.basePortraitJobId)
          console.log(`  portrait being drawn (image job ${imported.basePortraitJobId})`);
        for (const warning of imported.warnings) console.log(`  note: ${warning}`);
      } finally {
        await system.lifecycle.stop();
      }
    });
  const exportCard = new Command("export-card")
    .description("write an agent as a character card PNG (V3 with a V2 chunk)")
    .argument("<agentId>", "the agent's id")
    .argument("<out>", "where to write the PNG")
    .action(async (agentId: string, out: string) => {
      const system = await open();
      try {
        const deps = {
          commands: system.commands,
          media: await system.media(),
          basePortraits: imageJobBasePortraitQueue(system.commands),
        };
        const file = await exportCardFile(deps, agentId, new Date());
        writeToolFile(out, file.png);
        console.log(`wrote ${out} (${file.png.byteLength} bytes)`);
      } finally {
        await system.lifecycle.stop();
      }
    });
  return [importCard, exportCard];
}
