/**
 * With TEST_DATABASE_URL, migrate one template database per run so each test
 * file's database is a cheap copy of it; drop it at the end.
 */
import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDb } from "../migrate";
import * as schema from "../schema";
import type { TestProject } from "vitest/node";
import { serverUrlFor } from "./test-db";
import "./global-setup-types";

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("templateDb", "");
    return;
  }
  const host = new URL(base).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && !process.env.COHORT_ALLOW_REMOTE_TEST_DB) {
    throw new Error(`TEST_DATABASE_URL points at ${host}; tests only run against a local server.`);
  }
  const name = `cohort_tmpl_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const client = postgres(serverUrlFor(base, name), { max: 1, onnotice: () => {} });
  await migrateDb(drizzle(client, { schema }), "postgres");
  await client.end();
  project.provide("templateDb", name);
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
