/**
 * The benchmark's SMTP sink: an smtp-server on a free loopback port that
 * accepts every message and throws it away, in a process of its own so its
 * parsing never competes with the sender's event loop. Started with an IPC
 * channel (scripts/bench/notifications.ts): sends { port } when listening,
 * answers "count" with { count } (messages accepted so far).
 */
import { SMTPServer } from "smtp-server";

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  // the worker's pool keeps a few connections open; never refuse one
  maxClients: 100,
  onData(stream, _session, done) {
    stream.on("data", () => {});
    stream.on("end", () => {
      count++;
      done();
    });
  },
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.server.address().port }));
process.on("message", (m) => {
  if (m === "count") process.send?.({ count });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
