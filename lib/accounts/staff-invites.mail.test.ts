/** Invites go out by email when SMTP_URL is set: a tiny SMTP server on loopback receives it. */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";

setupTestDb();
const received: string[] = [];
let server: net.Server;

beforeAll(async () => {
  server = net.createServer((socket) => {
    let data = false;
    let buffer = "";
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === ".") {
            data = false;
            socket.write("250 queued\r\n");
          } else received.push(line);
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 test\r\n");
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write("354 go ahead\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(() => server.close());

describe("invite email", () => {
  it("is sent to the invited person with the link", async () => {
    const { inviteStaff } = await import("./staff-invites");
    const a = await makeUser({ role: "admin", name: "Inviting Admin" });
    const invite = await inviteStaff(
      { id: a.id, role: "admin", email: a.email, name: a.name },
      { name: "Mailed Instructor", email: "mailed@test.cohort", role: "instructor" },
      { origin: "http://cohort.test" },
    );
    expect(invite.emailed).toBe(true);
    const message = received.join("\n");
    expect(message).toContain("To: mailed@test.cohort");
    expect(message.replace(/=\n/g, "")).toContain(invite.url.replace("http://cohort.test", ""));
  });
});
