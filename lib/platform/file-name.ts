/**
 * A file name made of letters, digits and dashes, from something a person
 * typed (a cohort's or a learner's name): every download names its file with it.
 */
export function fileSlug(text: string, fallback = "export"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60)
    .replace(/^-|-$/g, "");
  return slug || fallback;
}
