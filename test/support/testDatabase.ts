import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export interface TestDatabase {
  label: string;
  url: string;
  drop(): Promise<void>;
}

/** The embedded server of the worker slot this file runs in, which no other file uses meanwhile. */
export function embeddedServerUrl(): string {
  const urls = inject("embeddedPostgresUrls");
  const slot = Number(process.env.VITEST_POOL_ID ?? "1") - 1;
  return urls[slot % urls.length]!;
}

/** The servers a suite can run against: the embedded one always, and TEST_DATABASE_URL when set. */
export function testServers(): { label: string; url: string }[] {
  const servers = [{ label: "embedded PostgreSQL", url: embeddedServerUrl() }];
  if (process.env.TEST_DATABASE_URL)
    servers.push({ label: "TEST_DATABASE_URL", url: process.env.TEST_DATABASE_URL });
  return servers;
}

/** A fresh, empty database on the given server (the embedded one by default). */
export async function createTestDatabase(serverUrl: string = embeddedServerUrl()): Promise<TestDatabase> {
  const name = `withme_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: url.host,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client(serverUrl);
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
