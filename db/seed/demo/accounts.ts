/**
 * Demo data: enough people for every screen to show something real.
 * Idempotent: running it again changes nothing.
 */
import { hash } from "@node-rs/argon2";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

export const DEMO_PASSWORD = "cohort-demo-2026";

export const demoAccounts = {
  admin: { email: "admin@demo.cohort", name: "Alex Morgan" },
  instructors: [
    { email: "rivera@demo.cohort", name: "Dana Rivera" },
    { email: "okafor@demo.cohort", name: "Sam Okafor" },
  ],
} as const;

const learnerNames = [
  "Jordan Lee",
  "Maria Santos",
  "Tyrone Jackson",
  "Emily Chen",
  "Marcus Brown",
  "Aisha Khan",
  "Luis Hernandez",
  "Grace Kim",
  "Derek Wilson",
  "Fatima Ali",
  "Kevin O'Brien",
  "Nia Robinson",
  "Pat Murphy",
  "Rosa Alvarez",
  "Chris Taylor",
  "Hannah Cohen",
  "Omar Farouk",
  "Jess Nguyen",
  "Ben Carter",
  "Lena Novak",
  "Ray Thompson",
  "Keisha Williams",
  "Tom Becker",
  "Ana Lima",
];

export const demoLearners = learnerNames.map((name) => ({
  name,
  email: `${name
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "")}@demo.cohort`,
}));

/** The options lib/accounts/password.ts uses; the seed avoids importing lib/ (db/ never does). */
const argon = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function seedDemo(db: Db) {
  const passwordHash = await hash(DEMO_PASSWORD, argon);
  const people = [
    { ...demoAccounts.admin, role: "admin" as const },
    ...demoAccounts.instructors.map((p) => ({ ...p, role: "instructor" as const })),
    ...demoLearners.map((p) => ({ ...p, role: "learner" as const })),
  ];
  await db
    .insert(users)
    .values(people.map((p) => ({ ...p, passwordHash, isSeed: true })))
    .onConflictDoNothing();
  // later parts of the product add cohorts and progress here (seedDemoProgress)
}
