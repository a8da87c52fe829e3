/**
 * One email of each kind, rendered by the real templates (emails/) with the
 * sample data of the template previews: the plain-text parts go to stdout,
 * with the subject above each. `--html DIR` also writes each HTML part to
 * DIR/<kind>.html. `--org NAME` sets the organization's name (default: the
 * demo's). Render time per message goes to stderr.
 *
 *   npx tsx scripts/email-samples.ts [--org "Name"] [--html out/]
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderEmail } from "@/emails/render";
import { sampleInput, sampleKinds } from "@/emails/samples";

function arg(name: string) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const org = arg("--org") ?? "Prairie Peer Recovery Training Institute";
  const htmlDir = arg("--html");
  if (htmlDir) await mkdir(htmlDir, { recursive: true });
  // warm up once: the first render loads React and the templates
  await renderEmail(sampleInput("assigned", org));
  const started = performance.now();
  for (const kind of sampleKinds) {
    const email = await renderEmail(sampleInput(kind, org));
    process.stdout.write(`===== ${kind} =====\nSubject: ${email.subject}\n\n${email.text}\n\n`);
    if (htmlDir) await writeFile(path.join(htmlDir, `${kind}.html`), email.html);
  }
  const rounds = 20;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) for (const kind of sampleKinds) await renderEmail(sampleInput(kind, org));
  const n = rounds * sampleKinds.length;
  const wall = (performance.now() - t0) / n;
  const used = process.cpuUsage(cpu0);
  // CPU time as well as wall time: on a shared, busy machine the wall time mostly measures the wait for a core
  const cpu = (used.user + used.system) / 1000 / n;
  process.stderr.write(
    `${sampleKinds.length} kinds in ${(performance.now() - started).toFixed(0)} ms; render (HTML + text) per message: ${wall.toFixed(2)} ms wall, ${cpu.toFixed(2)} ms CPU (${n} renders)\n`,
  );
}

void main();
