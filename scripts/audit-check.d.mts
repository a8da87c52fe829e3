export type Advisory = { id: string; package: string; severity: string; title?: string; url?: string; range?: string };
export type AuditException = { advisory: string; package?: string; reason: string; until: string };
export function advisoryId(via: { url?: string; source?: number | string }): string;
export function readExceptions(json: unknown): { exceptions: AuditException[]; problems: string[] };
export function evaluate(
  report: unknown,
  exceptions: AuditException[],
  now?: Date,
): { blocking: Advisory[]; accepted: (Advisory & { exception: AuditException })[]; expired: (Advisory & { exception: AuditException })[] };
export function compareVersions(a: string, b: string): number;
export function floorProblems(
  floors: { package: string; minimum: string; why: string }[],
  installedVersion: (name: string) => string | null,
): string[];
