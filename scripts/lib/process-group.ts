// Runs a server (next dev / next start) in its own process group and stops the whole group: Next forks
// workers (next-server), and killing only the pid we spawned leaves them holding the port.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";

export interface GroupChild {
  child: ChildProcess;
  /** Resolves with the exit code of the group leader (128 + n when killed by signal n). */
  exited: Promise<number>;
  /** Signals the group, waits until every member is gone, SIGKILLs what is left after graceMs. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<void>;
}

const SIGNAL_NUMBERS: Partial<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export interface SpawnGroupOptions {
  /** Defaults to "inherit"; e.g. ["ignore", fd, fd] to send a server's output to a log file. */
  stdio?: StdioOptions;
  /** The working directory; defaults to ours. */
  cwd?: string;
}

export function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv, options: SpawnGroupOptions = {}): GroupChild {
  // detached: setsid(), so the child leads a new process group (pgid = its pid) outside the terminal's
  // foreground group: a terminal Ctrl-C reaches only us, and we decide the order of shutdown.
  const child = spawn(command, args, { detached: true, stdio: options.stdio ?? "inherit", env, cwd: options.cwd });
  const pgid = child.pid;
  const exited = new Promise<number>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? 128 + (SIGNAL_NUMBERS[signal ?? ""] ?? 0)));
    child.once("error", (err) => {
      console.error(`${command}: ${err.message}`);
      resolve(127);
    });
  });
  // Last resort if we die on an uncaught error: don't leave the server running.
  const killOnExit = () => signalGroup(pgid, "SIGKILL");
  process.once("exit", killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000) =>
    (stopping ??= (async () => {
      signalGroup(pgid, signal);
      const deadline = Date.now() + graceMs;
      while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (groupAlive(pgid)) signalGroup(pgid, "SIGKILL");
      await exited;
      process.removeListener("exit", killOnExit);
    })());
  return { child, exited, stop };
}

function signalGroup(pgid: number | undefined, signal: NodeJS.Signals): void {
  if (pgid === undefined) return;
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone
  }
}

function groupAlive(pgid: number | undefined): boolean {
  if (pgid === undefined) return false;
  if (process.platform === "linux") {
    // kill(-pgid, 0) also succeeds while members are zombies waiting for init to reap them: read /proc.
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(pgrp) === pgid && state !== "Z") return true;
      } catch {
        // the process ended while we looked
      }
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
