/** Building and running the app for the benchmark, and sampling its memory. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export async function buildApp(distDir: string, logFile: string) {
  const out = fs.openSync(logFile, "w");
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
      stdio: ["ignore", out, out],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
    });
    child.on("exit", resolve);
  });
  fs.closeSync(out);
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${logFile}:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
}

function portInUse(port: number) {
  return new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export type Server = { pid: number; base: string; stop(): Promise<void> };

/** `next start` in its own process group, so stopping it stops everything it started. */
export async function startServer(opts: {
  port: number;
  distDir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** node flags, e.g. --cpu-prof (written when the server stops) */
  nodeArgs?: string[];
}): Promise<Server> {
  if (await portInUse(opts.port)) throw new Error(`Port ${opts.port} is already in use; stop that server or set BENCH_PORT.`);
  const out = fs.openSync(opts.logFile, "w");
  const args = [...(opts.nodeArgs ?? []), require.resolve("next/dist/bin/next"), "start", "-p", String(opts.port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", out, out],
    detached: true,
    env: { ...opts.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: opts.distDir },
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${opts.logFile}`);
    try {
      const res = await fetch(`${base}/api/auth/csrf`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s; see ${opts.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { pid: child.pid!, base, stop };
}

// ---------------------------------------------------------------- memory

function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (!f) continue; // exited meanwhile
    const ppid = Number(f[1]);
    const list = map.get(ppid) ?? [];
    list.push(Number(name));
    map.set(ppid, list);
  }
  return map;
}

/** "pid (comm) state ppid …" split after the command name, which may contain spaces. */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function descendants(root: number): number[] {
  const kids = childrenByParent();
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return out;
}

// clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux)
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) the process tree has used so far,
 * in ms. Unlike latency it hardly depends on what else the machine runs, so
 * CPU ms per request is the figure to compare across machines and runs.
 */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    const f = statFields(pid);
    // fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over a process and its descendants, in MB. */
export function treeRssMb(root: number): number {
  return descendants(root).reduce((kb, pid) => kb + rssKb(pid), 0) / 1024;
}

/** Samples the server's memory every 100 ms; `mark()` starts a new peak window. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private last = 0;
  private peakMb = 0;
  constructor(readonly root: number) {}
  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  stop() {
    clearInterval(this.timer);
  }
  private sample() {
    this.last = treeRssMb(this.root);
    this.peakMb = Math.max(this.peakMb, this.last);
  }
  /** The current RSS; the peak restarts from it. */
  mark(): number {
    this.sample();
    this.peakMb = this.last;
    return this.last;
  }
  peak(): number {
    this.sample();
    return this.peakMb;
  }
}
