import { cohortExportRoute } from "@/app/_edge/cohort-export-route";

export const GET = cohortExportRoute("workspace.instructor");
