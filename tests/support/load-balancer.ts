// A local load balancer for the several-instance suite: Debian's nginx, round robin over the
// app instances, configured as docs/deployment.md describes (the Host kept for the same-origin
// check, the client's address appended to X-Forwarded-For). It stands where a production
// balancer would sit behind the TLS terminator, so it passes X-Forwarded-Proto through.
// Usage: tsx tests/support/load-balancer.ts <listen-port> <app-port>...
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [listenPort, ...appPorts] = process.argv.slice(2).map(Number);
if (!listenPort || appPorts.length === 0 || [listenPort, ...appPorts].some((port) => !Number.isInteger(port))) {
  console.error("Usage: tsx tests/support/load-balancer.ts <listen-port> <app-port>...");
  process.exit(2);
}

function nginxConfig(prefix: string, port: number, upstreams: number[]): string {
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client-body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  # The import upload's own limit (256 MB) is the app's to enforce, with its own message.
  client_max_body_size 300m;
  # Headers as large as Node takes (16 KB), both ways: a redirect carrying a page's filters
  # back must not be cut off (nginx would answer 502 and count the instance as failed).
  large_client_header_buffers 4 16k;
  proxy_buffer_size 16k;
  proxy_buffers 8 16k;
  proxy_busy_buffers_size 32k;
  upstream madoguchi {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream};`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    location / {
      proxy_pass http://madoguchi;
    }
    # The import upload streams to the app, which counts its bytes itself.
    location /staff/import {
      proxy_pass http://madoguchi;
      proxy_request_buffering off;
    }
  }
}
`;
}

// nginx's workers drop root for "nobody": the folder must be theirs to enter.
const prefix = mkdtempSync(join(tmpdir(), "madoguchi-nginx-"));
chmodSync(prefix, 0o755);
writeFileSync(join(prefix, "nginx.conf"), nginxConfig(prefix, listenPort, appPorts));

// Debian puts it in /usr/sbin, which a non-root PATH leaves out.
const binary = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
const nginx = spawn(binary, ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: "inherit" });
nginx.on("error", (error) => {
  console.error(`nginx could not start (.ci/run installs Debian's nginx): ${error.message}`);
  process.exit(1);
});
nginx.on("exit", (code) => {
  rmSync(prefix, { recursive: true, force: true });
  process.exit(code ?? 0);
});
// SIGQUIT is nginx's graceful stop; Playwright ends its web servers with SIGTERM or SIGINT.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => nginx.kill("SIGQUIT"));
