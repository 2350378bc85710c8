// Resident memory of process groups, from /proc (Linux): what a server and the workers it forked hold in RAM.
import fs from "node:fs";

/** Bytes resident (VmRSS) in every live member of the process group `pgid`. */
export function groupRssBytes(pgid: number): number {
  if (process.platform !== "linux") return 0;
  let bytes = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      const rss = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
      bytes += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return bytes;
}
