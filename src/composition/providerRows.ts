import type { IncomingMessage, ServerResponse } from "node:http";
import { FalImageGenerator } from "../adapters/fal/falImageGenerator.ts";
import { FalWebhookVerifier } from "../adapters/fal/falWebhookVerifier.ts";
import { ClimateNormalsWeather } from "../adapters/local/climateNormalsWeather.ts";
import { LexicalEmbedder } from "../adapters/local/lexicalEmbedder.ts";
import { LocalMediaStorage, serveLocalMedia } from "../adapters/local/localMediaStorage.ts";
import { LocalPortraitRenderer } from "../adapters/local/localPortraitRenderer.ts";
import { RuleSummaryThread } from "../adapters/local/ruleSummaryThread.ts";
import { OpenAiEmbedder } from "../adapters/openai/openAiEmbedder.ts";
import { OpenAiReplyModel } from "../adapters/openai/openAiReplyModel.ts";
import { OpenMeteoWeather } from "../adapters/openmeteo/openMeteoWeather.ts";
import { GenerationalVectorIndex } from "../adapters/pinecone/namespaceGenerations.ts";
import { PineconeVectorIndex } from "../adapters/pinecone/pineconeVectorIndex.ts";
import { PostgresVectorIndex } from "../adapters/postgres/postgresVectorIndex.ts";
import { PostgresVectorGenerations } from "../adapters/postgres/vectorGenerations.ts";
import { SupabaseMediaStorage } from "../adapters/supabase/supabaseMediaStorage.ts";
import { modelStrategies, offlineStrategies, type Strategies } from "../application/strategies.ts";
import type { Config } from "../config/config.ts";
import { redactUrl } from "../observability/logger.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { ImageGenerator } from "../ports/imageGenerator.ts";
import type { MediaStorage } from "../ports/mediaStorage.ts";
import type { VectorIndex } from "../ports/vectorIndex.ts";
import type { Weather } from "../ports/weather.ts";
import { row } from "./chosen.ts";

/** Media kept somewhere, and the route that serves it when withme itself does. */
export interface MediaChoice {
  storage: MediaStorage;
  /** Serves `/media/…` from this process; null when the files are served elsewhere. */
  serve: ((request: IncomingMessage, response: ServerResponse) => boolean) | null;
}

const openAiReason = (config: Config) =>
  `OPENAI_API_KEY is set${config.OPENAI_BASE_URL ? ` (endpoint ${redactUrl(config.OPENAI_BASE_URL)})` : ""}`;

const openAiClient = (config: Config) => ({
  apiKey: config.OPENAI_API_KEY!,
  ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
});

/** The providers of the adapter table: the external services withme calls, or their offline stand-ins. */
export const providerRows = {
  /** The chat model, and with it how replies, appraisals, summaries and drafts are written. */
  strategies: row<Strategies>("ReplyModel", (config) =>
    config.OPENAI_API_KEY
      ? {
          adapter: `openai (${config.OPENAI_MODEL})`,
          offline: false,
          reason: openAiReason(config),
          build: () =>
            modelStrategies(
              new OpenAiReplyModel({ ...openAiClient(config), model: config.OPENAI_MODEL }),
              new RuleSummaryThread(),
            ),
        }
      : {
          adapter: "local-persona-engine",
          offline: true,
          reason:
            "no OPENAI_API_KEY: a deterministic local persona engine writes replies (not a language model), rules appraise and summarise",
          build: () =>
            offlineStrategies(
              { tokenDelayMs: config.WITHME_OFFLINE_TOKEN_DELAY_MS },
              new RuleSummaryThread(),
            ),
        },
  ),
  embedder: row<Embedder>("Embedder", (config) =>
    config.OPENAI_API_KEY
      ? {
          adapter: `openai (${config.OPENAI_EMBEDDING_MODEL})`,
          offline: false,
          reason: openAiReason(config),
          build: () =>
            new OpenAiEmbedder({
              ...openAiClient(config),
              model: config.OPENAI_EMBEDDING_MODEL,
              ...(config.OPENAI_EMBEDDING_DIMENSIONS
                ? { dimensions: config.OPENAI_EMBEDDING_DIMENSIONS }
                : {}),
            }),
        }
      : {
          adapter: "local-lexical-embedder",
          offline: true,
          reason: "no OPENAI_API_KEY: hashed, stemmed n-grams",
          build: () => new LexicalEmbedder(),
        },
  ),
  vectorIndex: row<VectorIndex>("VectorIndex", (config) =>
    config.PINECONE_API_KEY
      ? {
          adapter: `pinecone (${config.PINECONE_INDEX})`,
          offline: false,
          reason: "PINECONE_API_KEY is set",
          build: ({ database, dimensions }) =>
            new GenerationalVectorIndex(
              new PineconeVectorIndex({
                apiKey: config.PINECONE_API_KEY!,
                indexName: config.PINECONE_INDEX!,
                dimensions,
                ...(config.PINECONE_HOST ? { indexHost: config.PINECONE_HOST } : {}),
              }),
              new PostgresVectorGenerations(database.pool, `pinecone:${config.PINECONE_INDEX}`),
            ),
        }
      : {
          adapter: "postgres-vectors",
          offline: true,
          reason: "no PINECONE_API_KEY: vectors in a PostgreSQL table, cosine similarity in process",
          build: ({ database, dimensions }) => new PostgresVectorIndex(database.pool, { dimensions }),
        },
  ),
  imageGenerator: row<ImageGenerator>("ImageGenerator", (config) =>
    config.falApiKey
      ? {
          adapter: "fal",
          offline: false,
          reason: "FAL_API_KEY is set",
          build: () =>
            new FalImageGenerator({
              credentials: config.falApiKey!,
              models: { basePortrait: config.FAL_PORTRAIT_MODEL, variation: config.FAL_EDIT_MODEL },
              verifier: new FalWebhookVerifier(),
            }),
        }
      : {
          adapter: "local-portrait-renderer",
          offline: true,
          reason: "no FAL_API_KEY: stylised portraits drawn locally as PNG",
          build: () => new LocalPortraitRenderer(),
        },
  ),
  media: row<MediaChoice>("MediaStorage", (config) =>
    config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY
      ? {
          adapter: "supabase-storage",
          offline: false,
          reason: "SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set",
          build: () => ({
            storage: new SupabaseMediaStorage({
              url: config.SUPABASE_URL!,
              serviceRoleKey: config.SUPABASE_SERVICE_ROLE_KEY!,
              bucket: config.SUPABASE_STORAGE_BUCKET,
              access: config.SUPABASE_STORAGE_ACCESS,
            }),
            serve: null,
          }),
        }
      : {
          adapter: "local-files",
          offline: true,
          reason: `no Supabase service key: files under ${config.dataDir}/media, served at /media`,
          build: ({ mediaLinks, clock }) => {
            const storage = new LocalMediaStorage({
              dataDir: config.dataDir,
              publicBaseUrl: config.PUBLIC_BASE_URL,
              links: mediaLinks,
            });
            return { storage, serve: serveLocalMedia(storage.directory, mediaLinks, () => clock.now()) };
          },
        },
  ),
  weather: row<Weather>("Weather", (config) =>
    config.WITHME_WEATHER === "open-meteo"
      ? {
          adapter: "open-meteo",
          offline: false,
          reason: "WITHME_WEATHER=open-meteo: current weather, climate normals when it does not answer",
          build: ({ clock }) =>
            new OpenMeteoWeather({
              baseUrl: config.OPEN_METEO_URL,
              clock,
              fallback: new ClimateNormalsWeather(),
            }),
        }
      : {
          adapter: "climate-normals",
          offline: true,
          reason:
            "each city's climate normals with day-to-day variation (WITHME_WEATHER=open-meteo for live weather)",
          build: () => new ClimateNormalsWeather(),
        },
  ),
};
