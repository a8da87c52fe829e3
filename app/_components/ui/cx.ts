/** Joins class names, skipping the empty ones: `cx("p-2", numeric && "text-right")`. */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
