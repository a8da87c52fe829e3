/**
 * Real email through a real SMTP server (smtp-server, started here on a free
 * loopback port): the worker's pooled nodemailer transport delivers both
 * parts, a stable Message-ID, RFC 8058 unsubscribe headers that point at a
 * signed link, and a link into the app.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "@/emails/render";
import { getDb } from "@/db/client";
import { enrol, makeAssignment, makeCohort, makeInstructor, makeLearner, progressOf } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { enqueue } from "./outbox";
import { SMTP_TIMEOUTS, smtpTransport } from "./transport";
import { readUnsubscribeToken } from "./unsubscribe";
import { LEASE_MS, runOnce, type WorkerConfig } from "./worker";

setupTestDb();

const received: ParsedMail[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => received.push(mail))
        .then(() => done(), done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("email over SMTP", () => {
  it("arrives with both parts, a Message-ID, RFC 8058 unsubscribe headers and links into the app; a kind always sent has none", async () => {
    const { moduleId } = await publishBuiltInModules(getDb());
    const instructor = await makeInstructor();
    const learner = await makeLearner({ name: "Rosa Díaz" });
    const cohort = await makeCohort({ instructorIds: [instructor.id], name: "Evening Cohort" });
    await enrol(cohort.id, learner.id);
    const assignment = await makeAssignment({ cohortId: cohort.id, moduleId });
    const progress = await progressOf(assignment.id, learner.id);
    const id = await enqueue(getDb(), {
      recipientId: learner.id,
      kind: "assigned",
      subjectId: progress.id,
      sendAfter: new Date(Date.now() - 1000),
    });
    // a kind that is always sent: no unsubscribe header, no unsubscribe link
    const other = await makeLearner({ name: "Derek Wilson" });
    await enqueue(getDb(), {
      recipientId: other.id,
      kind: "revision_requested",
      subjectId: progress.id,
      payload: { progressId: progress.id, moduleTitle: "Boundaries", feedback: "Say more about what you would do next time." },
      sendAfter: new Date(Date.now() - 1000),
    });

    const secret = "smtp-test-secret-0123456789";
    const transport = await smtpTransport(`smtp://127.0.0.1:${port}`);
    const config: WorkerConfig = {
      transport,
      origin: "https://training.example.org",
      from: "Cohort <no-reply@example.org>",
      organizationName: "Example Programme",
      secret,
      render: renderEmail,
    };
    try {
      await runOnce(getDb(), config, { limit: 500 });
    } finally {
      transport.close();
    }
    await expect.poll(() => received.filter((m) => m.to && JSON.stringify(m.to).includes(learner.email)).length).toBe(1);
    const mail = received.find((m) => JSON.stringify(m.to).includes(learner.email))!;

    expect(mail.subject).toMatch(/^New assignment: /);
    expect(mail.messageId).toBe(`<${id}@cohort.training.example.org>`);
    expect(mail.text).toContain("Hello Rosa Díaz,");
    expect(mail.text).toContain("Evening Cohort");
    expect(mail.text).toContain(`https://training.example.org/learn/${progress.id}`);
    expect(mail.html).toContain(`href="https://training.example.org/learn/${progress.id}"`);
    expect(mail.html).toContain('lang="en"');

    expect(mail.html).toContain(">Example Programme<");
    expect(mail.html).toMatch(/<h1[^>]*>New assignment: /);
    expect(mail.html).toContain(">Open the assignment<");

    // RFC 8058: the header names the one-click endpoint, and says it takes a POST
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "") ?? "";
    const listUnsubscribe = header("list-unsubscribe");
    const token = listUnsubscribe.match(/^<https:\/\/training\.example\.org\/unsubscribe\/([^/>\s]+)\/one-click>$/)?.[1];
    expect(token, listUnsubscribe).toBeTruthy();
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(readUnsubscribeToken(secret, token!)).toEqual({ userId: learner.id, kind: "assigned" });
    // the footer's link: the page with a button (a person's click never unsubscribes on GET)
    expect(mail.text).toContain(`https://training.example.org/unsubscribe/${token} `);
    expect(mail.html).toContain(`href="https://training.example.org/unsubscribe/${token}"`);
    expect(mail.text).toContain("https://training.example.org/notifications/preferences");

    await expect.poll(() => received.filter((m) => JSON.stringify(m.to).includes(other.email)).length).toBe(1);
    const revision = received.find((m) => JSON.stringify(m.to).includes(other.email))!;
    expect(revision.subject).toBe("Your instructor asked for a revision");
    expect(revision.text).toContain("“Say more about what you would do next time.”");
    expect(revision.text).toContain("always sent");
    expect(revision.text).not.toContain("/unsubscribe/");
    expect(revision.headerLines.some((h) => h.key.startsWith("list-unsubscribe"))).toBe(false);
    expect(revision.messageId).toMatch(/^<[0-9a-f-]{36}@cohort\.training\.example\.org>$/);
  });

  it("speaks TLS: STARTTLS on a plain port, and TLS from the first byte for smtps:// (smtp-server's own test certificate)", async () => {
    for (const secure of [false, true]) {
      const got: { secure: boolean; subject?: string }[] = [];
      const tlsServer = new SMTPServer({
        secure,
        authOptional: true,
        onData(stream, session, done) {
          simpleParser(stream)
            .then((mail) => got.push({ secure: session.secure, subject: mail.subject }))
            .then(() => done(), done);
        },
      });
      await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
      const tlsPort = (tlsServer.server.address() as AddressInfo).port;
      const transport = await smtpTransport(`${secure ? "smtps" : "smtp"}://127.0.0.1:${tlsPort}?tls.rejectUnauthorized=false`);
      try {
        await transport.send({
          to: "rosa@example.org",
          from: "Cohort <no-reply@example.org>",
          subject: `Over TLS (${secure ? "smtps" : "STARTTLS"})`,
          text: "Hello",
          html: "<p>Hello</p>",
          messageId: `<tls-${secure}@example.org>`,
          headers: {},
        });
      } finally {
        transport.close();
        await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
      }
      expect(got).toEqual([{ secure: true, subject: `Over TLS (${secure ? "smtps" : "STARTTLS"})` }]);
    }
  });

  it("gives up on a silent server well before the claim runs out, so no other worker can send the message a second time", () => {
    for (const ms of Object.values(SMTP_TIMEOUTS)) expect(ms).toBeLessThanOrEqual(LEASE_MS / 2);
  });
});
