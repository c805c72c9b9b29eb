import { listAgents } from "../../../projections/agents/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { CARD_FILE_LIMITS, megabytes } from "../../application/cards/cardErrors.ts";
import { exportCardFile } from "../../application/cards/exportCardFile.ts";
import {
  type CardPreview,
  type ImportedAgent,
  importCardFile,
  previewCardFile,
} from "../../application/cards/importCardFile.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import { agentStreamId } from "../../domain/streamIds.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, requestMeta } from "../context.ts";
import { badInput } from "../errors.ts";
import { viewableUrl } from "../mediaLinks.ts";
import { AgentRef, loadAgentAsWritten } from "./agent.ts";
import { IdentityInput, identitySchema } from "./agentInputs.ts";
import { CLIENT_REQUEST_ID_DESCRIPTION, clientRequestId } from "./clientRequestId.ts";
import { id } from "./message.ts";

builder.scalarType("File", {
  description: "A file sent in a multipart request (GraphQL multipart request spec).",
  serialize: () => {
    throw new TypeError("files are input only");
  },
  parseValue: (value) => {
    // yoga's multipart parser gives its own File, so the shape is checked rather than the class.
    const file = value as File;
    if (typeof file !== "object" || file === null || typeof file.arrayBuffer !== "function")
      throw badInput("Send the file in a multipart request (the GraphQL upload spec).");
    return file;
  },
});

/** The whole upload, refused by its declared size before it is read. */
async function bytesOf(file: File): Promise<Uint8Array> {
  if (file.size > CARD_FILE_LIMITS.charxBytes)
    throw badInput(`The file is ${megabytes(file.size)}; a card may be at most 20 MB (a PNG 10 MB).`);
  return new Uint8Array(await file.arrayBuffer());
}

const IdentityGuessRef = builder.objectRef<CardPreview["guess"]>("CardIdentityGuess").implement({
  description: "Where the card's text suggests the character lives; the operator confirms it.",
  fields: (t) => ({
    homeCity: t.exposeString("homeCity", { nullable: true }),
    timezone: t.exposeString("timezone", { nullable: true }),
    occupation: t.exposeString("occupation", { nullable: true }),
  }),
});

const CardIdentityRef = builder.objectRef<NonNullable<CardPreview["identity"]>>("CardIdentity").implement({
  fields: (t) => ({
    homeCity: t.exposeString("homeCity"),
    country: t.string({ nullable: true, resolve: (i) => i.country ?? null }),
    occupation: t.exposeString("occupation"),
    timezone: t.exposeString("timezone"),
  }),
});

const CardPreviewRef = builder.objectRef<CardPreview>("CardPreview").implement({
  description: "What a card file holds, read but not imported.",
  fields: (t) => ({
    name: t.exposeString("name"),
    format: t.exposeString("format", { description: "png, charx or json." }),
    greeting: t.exposeString("greeting", { nullable: true }),
    identity: t.field({
      type: CardIdentityRef,
      nullable: true,
      description: "The identity the card carries from withme; when present no choice is needed.",
      resolve: (p) => p.identity,
    }),
    guess: t.field({ type: IdentityGuessRef, resolve: (p) => p.guess }),
    lorebookEntries: t.exposeInt("lorebookEntries"),
    hasPortrait: t.exposeBoolean("hasPortrait"),
    warnings: t.exposeStringList("warnings"),
  }),
});

const CardImportPayload = builder.objectRef<ImportedAgent>("CardImportPayload").implement({
  fields: (t) => ({
    agentId: t.exposeID("agentId"),
    agent: t.field({
      type: AgentRef,
      nullable: true,
      description: "The agent as the read model has it, with this change.",
      resolve: (p, _args, context) => loadAgentAsWritten(context, p.agentId),
    }),
    lorebookId: t.exposeID("lorebookId", { nullable: true }),
    basePortraitJobId: t.exposeID("basePortraitJobId", {
      nullable: true,
      description: "The image job drawing a portrait when the card brought none and portraits are set up.",
    }),
    portraitUrl: t.string({
      nullable: true,
      resolve: (p, _args, context) => viewableUrl(context, p.portraitUrl),
    }),
    warnings: t.exposeStringList("warnings"),
  }),
});

interface CardFileShape {
  fileName: string;
  asciiFileName: string;
  contentDisposition: string;
  dataUrl: string;
}

const CardFile = builder.objectRef<CardFileShape>("CardFile").implement({
  description: "A character card as a V3 PNG with a V2 `chara` chunk, as a data URL to save.",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: 'The agent\'s name as written ("Zoë.png").' }),
    asciiFileName: t.exposeString("asciiFileName", { description: 'The same in ASCII ("Zoe.png").' }),
    contentDisposition: t.exposeString("contentDisposition", {
      description: "Both names as an RFC 6266 Content-Disposition value (filename and filename*).",
    }),
    contentType: t.string({ resolve: () => "image/png" }),
    dataUrl: t.exposeString("dataUrl"),
  }),
});

const ImportCardInput = builder.inputType("ImportCardInput", {
  fields: (t) => ({
    file: t.field({ type: "File", required: true, description: "A V2/V3 PNG, a .charx or card JSON." }),
    identity: t.field({
      type: IdentityInput,
      description: "Required unless the card carries withme's identity; wins over it when given.",
    }),
    clientRequestId: t.id({ description: CLIENT_REQUEST_ID_DESCRIPTION }),
  }),
});

const admin = { admin: true } as const;
const cardDeps = (context: GraphQLContext) => ({
  commands: context.services.commands,
  media: context.services.media,
  basePortraits: context.services.basePortraits,
  listAgents: async () => {
    await context.services.recentWrites.shownAny("agents", "agent", context.signal);
    const agents = await readModelOr([], () =>
      listAgents(context.services.readModels, { includeArchived: true }),
    );
    return agents.map((a) => ({ ...a, greetings: a.card.greetings }));
  },
});

builder.mutationFields((t) => ({
  previewCard: t.field({
    type: CardPreviewRef,
    description: "Reads a card file without importing it, for the operator to confirm its identity.",
    authScopes: admin,
    args: { file: t.arg({ type: "File", required: true }) },
    resolve: async (_root, args) => previewCardFile(await bytesOf(args.file)),
  }),
  importCard: t.field({
    type: CardImportPayload,
    description: "Creates an agent from a character card; its image becomes the base portrait.",
    authScopes: admin,
    args: { input: t.arg({ type: ImportCardInput, required: true }) },
    resolve: async (_root, args, context) => {
      const identity = args.input.identity ? identitySchema.parse(args.input.identity) : null;
      const key = clientRequestId.parse(args.input.clientRequestId);
      const bytes = await bytesOf(args.input.file);
      const choice = { identity, clientRequestId: key };
      return importCardFile(cardDeps(context), bytes, choice, requestMeta(context));
    },
  }),
  exportCard: t.field({
    type: CardFile,
    description:
      "The agent as a character card PNG (V3, with a V2 backfill), portrait and lorebooks included.",
    authScopes: admin,
    args: { agentId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const agentId = id.parse(String(args.agentId));
      const file = await exportCardFile(cardDeps(context), agentId, context.services.clock.now());
      return {
        fileName: file.fileName,
        asciiFileName: file.asciiFileName,
        contentDisposition: file.contentDisposition,
        dataUrl: `data:image/png;base64,${Buffer.from(file.png).toString("base64")}`,
      };
    },
  }),
}));

builder.objectFields(AgentRef, (t) => ({
  greetings: t.stringList({
    authScopes: admin,
    description: "What the agent opens a new conversation with (from its card); macros unresolved.",
    resolve: async (a, _args, context) =>
      (await context.services.commands.load(agentDecider, agentStreamId(a.id))).state.card.greetings.slice(),
  }),
  lorebookIds: t.idList({
    authScopes: admin,
    description: "The lorebooks the agent reads, in order.",
    resolve: async (a, _args, context) =>
      (await context.services.commands.load(agentDecider, agentStreamId(a.id))).state.lorebookIds.slice(),
  }),
}));
