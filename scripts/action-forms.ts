/** Server action forms as React renders them for browsers without JavaScript (used by e2e tests and the ops scripts). */

/**
 * The hidden fields React renders into a server action form (for browsers
 * without JavaScript) and their named inputs: posting them back as
 * multipart/form-data runs the action, as a form submitted without
 * JavaScript would.
 */
export function actionForms(html: string): { fields: Record<string, string>; inputs: string[] }[] {
  const forms = html.match(/<form\b[\s\S]*?<\/form>/g) ?? [];
  return forms
    .map((f) => {
      const fields: Record<string, string> = {};
      const inputs: string[] = [];
      for (const tag of f.match(/<input\b[^>]*>/g) ?? []) {
        const name = decode(tag.match(/\bname="([^"]*)"/)?.[1] ?? "");
        const value = decode(tag.match(/\bvalue="([^"]*)"/)?.[1] ?? "");
        if (!name) continue;
        if (/type="hidden"/.test(tag)) fields[name] = value;
        else inputs.push(name);
      }
      return { fields, inputs };
    })
    .filter((f) => Object.keys(f.fields).some((k) => k.startsWith("$ACTION")));
}

function decode(s: string) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function multipart(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}
