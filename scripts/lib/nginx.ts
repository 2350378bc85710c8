// Debian's nginx running deploy/nginx/podium.conf, as the reverse-proxy spec and `npm run bench:proxy` use it:
// the shipped file with its ports and cache folder substituted (renderPodiumConf), inside a main configuration
// whose pid file, logs and temporary folders are in a folder of our own, started in the foreground as our own
// process (never the system service) and stopped by its pid.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";
const SHIPPED = path.resolve(__dirname, "../../deploy/nginx/podium.conf");

export interface PodiumProxyPorts {
  /** The two `npm start` instances. */
  apps: readonly [number, number];
  /** Where the TLS server listens in production; plain HTTP on loopback here. */
  listen: number;
  /** Where the port-80 redirect listens. */
  redirect: number;
}

/** Replaces `from` (which must occur exactly once in `text`) by `to`: a value renamed in the shipped file fails here. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const pattern = typeof from === "string" ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g") : new RegExp(from.source, "g");
  const found = text.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`deploy/nginx/podium.conf: expected ${String(from)} once, found it ${found} times`);
  return text.replace(pattern, to);
}

/**
 * deploy/nginx/podium.conf for a test on loopback: the instances' ports, the cache folder, and the listeners
 * (TLS on 443 becomes plain HTTP, the redirect from 80 another port). Nothing else changes.
 */
export function renderPodiumConf(ports: PodiumProxyPorts, cacheDir: string): string {
  let conf = readFileSync(SHIPPED, "utf8");
  conf = replaceOnce(conf, "server 127.0.0.1:3000 ", `server 127.0.0.1:${ports.apps[0]} `);
  conf = replaceOnce(conf, "server 127.0.0.1:3001 ", `server 127.0.0.1:${ports.apps[1]} `);
  conf = replaceOnce(conf, "proxy_cache_path /var/cache/nginx/podium ", `proxy_cache_path ${cacheDir} `);
  conf = replaceOnce(conf, /\n {4}listen 80;\n {4}listen \[::\]:80;\n/, `\n    listen 127.0.0.1:${ports.redirect};\n`);
  conf = replaceOnce(conf, /\n {4}listen 443 ssl http2;\n {4}listen \[::\]:443 ssl http2;\n/, `\n    listen 127.0.0.1:${ports.listen};\n`);
  return conf;
}

export interface RunningNginx {
  dir: string;
  pid: number;
  stop: () => Promise<void>;
  /** nginx's error log so far (warnings and errors). */
  errorLog: () => string;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts nginx with deploy/nginx/podium.conf rendered for `ports`, plus `extraServers` (server blocks in the
 * http context, e.g. the benchmark's static baseline; `$DIR` in them is this run's folder). Resolves once
 * every listener accepts connections.
 */
export async function startNginx(ports: PodiumProxyPorts, options: { extraServers?: string; extraPorts?: number[] } = {}): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: install Debian's nginx (apt-get install -y nginx)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "podium-nginx-"));
  // nginx's workers run as an unprivileged user (nobody) when started as root: they read and write below here.
  chmodSync(dir, 0o755);
  for (const sub of ["cache", "client_body", "proxy", "fastcgi", "uwsgi", "scgi", "logs"]) mkdirSync(path.join(dir, sub), { recursive: true });
  const podium = renderPodiumConf(ports, path.join(dir, "cache"));
  writeFileSync(path.join(dir, "podium.conf"), podium);
  const main = `# Written by scripts/lib/nginx.ts; the site itself is podium.conf (deploy/nginx/podium.conf, ports substituted).
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/podium.conf;
${(options.extraServers ?? "").replaceAll("$DIR", dir)}
}
`;
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, main);
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const errorLog = () => {
    try {
      return readFileSync(path.join(dir, "logs", "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  // Last resort if this process dies without stopping it (a test runner killing its worker): nginx goes too.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.once("exit", killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // SIGTERM: nginx's fast shutdown; its workers go with the master.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const listeners = [ports.listen, ports.redirect, ...(options.extraPorts ?? [])];
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited with ${child.exitCode}:\n${stderr}${errorLog()}`);
    }
    const up = await Promise.all(listeners.map(portAnswers));
    if (up.every(Boolean)) return { dir, pid: child.pid!, stop, errorLog };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`nginx did not listen on ${listeners.join(", ")} within 10 s:\n${stderr}`);
}
