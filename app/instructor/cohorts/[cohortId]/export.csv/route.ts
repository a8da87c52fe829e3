import { cohortExportResponse } from "@/app/_edge/cohort-export-route";

export async function GET(req: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  return cohortExportResponse(req, (await params).cohortId, "instructor");
}
