// CPU time spent by process groups and the whole machine, from /proc (Linux), so a benchmark can say where
// its time went and how much of the machine other work took meanwhile.
import fs from "node:fs";

// Clock ticks per second of /proc's counters: 100 on every Linux configuration Node runs on.
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  cpuTicks: number;
}

function readStat(pid: string): ProcStat | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime
    // cstime ...": comm may hold spaces and parentheses, so split after the last ")". cutime and cstime hold
    // the CPU of children that ended and were reaped (a PostgreSQL backend after its connection closed).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      cpuTicks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null; // ended while we looked
  }
}

function allProcesses(): ProcStat[] {
  if (process.platform !== "linux") return [];
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => readStat(entry) ?? []);
}

/** CPU milliseconds used so far by every live member of these process groups. */
export function groupCpuMs(pgids: number[]): number {
  const wanted = new Set(pgids);
  return (allProcesses().reduce((sum, p) => sum + (wanted.has(p.pgrp) ? p.cpuTicks : 0), 0) * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds used so far by a process and its live children (a PostgreSQL postmaster and its backends). */
export function treeCpuMs(rootPid: number): number {
  const processes = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let ticks = 0;
  const stack = processes.filter((p) => p.pid === rootPid);
  // Bounded by the number of processes: each is visited once.
  for (let visited = 0; stack.length > 0 && visited <= processes.length; visited++) {
    const p = stack.pop();
    if (!p) break;
    ticks += p.cpuTicks;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Busy and total CPU milliseconds of the whole machine so far, summed over its cores. */
export function machineCpuMs(): { busy: number; total: number } {
  if (process.platform !== "linux") return { busy: 0, total: 0 };
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: (busy * 1000) / TICKS_PER_SECOND, total: ((busy + idle + iowait) * 1000) / TICKS_PER_SECOND };
}
