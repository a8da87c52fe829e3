/**
 * The email templates: every kind renders both parts, accessibly (language,
 * one heading, the button's words, links absolute), with the organization's
 * name and — only where the kind may be turned off — an unsubscribe link.
 * The fast path (one render per shape, values filled in) says exactly what a
 * direct render says, and escapes what it fills into the HTML.
 */
import { describe, expect, it } from "vitest";
import { emailIsOptional } from "@/lib/notifications/kinds";
import { renderEmail, renderView } from "./render";
import { sampleInput, sampleKinds, SAMPLE_ORIGIN } from "./samples";
import { templates, viewOf } from "./templates";

const ORG = "Riverside Peer Academy";
/** The hidden preview line pads itself to a length: a stand-in's length differs from the value's, so it is left out of the comparison. */
const withoutPreview = (html: string) => html.replace(/<div[^>]*data-skip-in-text="true"[\s\S]*?(?=<!--body-->)/, "");

describe("email templates", () => {
  for (const kind of sampleKinds) {
    it(`${kind}: HTML and text parts, accessible, with the organization's name`, async () => {
      const input = sampleInput(kind, ORG);
      const email = await renderEmail(input);
      const view = viewOf(input);
      expect(email.subject).toBe(input.content.title);
      expect(email.html).toMatch(/<html[^>]* lang="en"/);
      expect(email.html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(email.html).toContain(`>${templates[kind].action}<`);
      expect(email.html).toContain(`href="${view.actionHref}"`);
      expect(view.actionHref.startsWith(SAMPLE_ORIGIN)).toBe(true);
      expect(email.html).not.toMatch(/<img|<script/);
      for (const part of [email.html, email.text]) expect(part).toContain(ORG);
      expect(email.text).toContain(`Hello ${input.recipientName},`);
      expect(email.text).toContain(view.actionHref);
      if (emailIsOptional(kind)) {
        expect(email.text).toContain(`${SAMPLE_ORIGIN}/unsubscribe/SAMPLE-TOKEN`);
        expect(email.html).toContain("Stop these emails");
      } else {
        expect(email.text).not.toContain("/unsubscribe/");
        expect(email.text).toContain("always sent");
      }

      const direct = await renderView(view);
      expect(email.text).toBe(direct.text);
      expect(withoutPreview(email.html)).toBe(withoutPreview(direct.html));
    });
  }

  it("a revision request quotes the feedback; a certificate links to its public check", async () => {
    const revision = await renderEmail(sampleInput("revision_requested", ORG));
    expect(revision.text).toContain("Their feedback:");
    expect(revision.text).toContain("“You describe the situation clearly.");
    const certificate = await renderEmail(sampleInput("certificate_issued", ORG));
    expect(certificate.text).toContain(`${SAMPLE_ORIGIN}/verify/K7QF-9M2X`);
    expect(certificate.html).toContain(`href="${SAMPLE_ORIGIN}/verify/K7QF-9M2X"`);
  });

  it("escapes what it fills in: markup in a name or title is text in the HTML and as written in the text part", async () => {
    const input = sampleInput("assigned", `A & B "Peer" <Academy>`);
    input.content = { ...input.content, title: `<script>alert(1)</script> it's due` };
    input.recipientName = "Ré <b>Kim</b>";
    const email = await renderEmail(input);
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).not.toContain("<b>Kim</b>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; it&#x27;s due");
    expect(email.html).toContain("A &amp; B &quot;Peer&quot; &lt;Academy&gt;");
    expect(email.text).toContain("<script>alert(1)</script> it's due");
    expect(email.text).toContain("Hello Ré <b>Kim</b>,");
    const direct = await renderView(viewOf(input));
    expect(email.text).toBe(direct.text);
    expect(withoutPreview(email.html)).toBe(withoutPreview(direct.html));
  });
});
