/**
 * zod issues as one message per field (the first for each), the shape every
 * form shows. The edge uses it for a form that does not parse; the domain
 * for a rule it checks itself, so both answer alike.
 */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
