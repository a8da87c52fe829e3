/**
 * A PostgreSQL server of our own: initdb into a temporary folder, started on
 * its own port with the machine's PostgreSQL binaries. Stopping or restarting
 * it disturbs nobody else's tests, which is what makes the fault test safe to
 * run in CI. Removed by destroy().
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, "bin", "initdb"))) return path.join(base, v, "bin");
  throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql: install the postgresql package.");
}

/** initdb refuses to run as root: run the server as the postgres system user then. */
function asServerUser(cmd: string[]): string[] {
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...cmd] : cmd;
}

function run(cmd: string[], what: string) {
  // the server started by pg_ctl must not hold our pipes open (its output goes to the log file)
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr || r.stdout}`);
}

/** As run(), without blocking: the load generator keeps running meanwhile. */
export function runAsync(cmd: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr!.on("data", (b) => (err += b));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed: ${err}`))));
  });
}

export type PrivatePostgres = {
  url: string;
  port: number;
  dir: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  destroy: () => void;
};

export function createPrivatePostgres(port: number): PrivatePostgres {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-pg-"));
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
    const uid = id("-u");
    const gid = id("-g");
    if (!uid) throw new Error("No postgres system user to run a private PostgreSQL server as.");
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run(asServerUser([path.join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]), "initdb");
  const ctl = (...args: string[]) => asServerUser([path.join(bin, "pg_ctl"), "-D", data, "-w", "-t", "60", ...args]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const log = path.join(dir, "server.log");
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start: () => runAsync(ctl("-l", log, "-o", options, "start"), "starting PostgreSQL"),
    stop: () => runAsync(ctl("-m", "fast", "stop"), "stopping PostgreSQL"),
    // what `pg_ctlcluster … restart` does: a fast shutdown, then start
    restart: () => runAsync(ctl("-m", "fast", "-l", log, "-o", options, "restart"), "restarting PostgreSQL"),
    destroy: () => {
      const stop = ctl("-m", "immediate", "stop");
      spawnSync(stop[0], stop.slice(1), { stdio: "ignore" });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  run(ctl("-l", log, "-o", options, "start"), "starting PostgreSQL");
  return pg;
}
