import "server-only";
export { DEMO_PASSWORD, demoAccounts, demoLearners } from "@/db/seed/demo";
