// The floor of a page: a bare node:http server, no framework, in a process of its own as the
// app is, answering with the exact status, headers and body the app gave once (captured here).
// What's left between the two under the same load is the app's own work: routing, sessions,
// queries, rendering. Node adds Date and the keep-alive headers itself, as it does for the app.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { waitForApp } from "../support/app-process";

export interface CapturedResponse {
  method: string;
  path: string;
  /** Answers only requests that carry this If-None-Match (a 304 beside the 200 of the same path). */
  ifNoneMatch?: string;
  status: number;
  /** Flat name, value, name, value…, as rawHeaders has them. */
  headers: string[];
  chunked: boolean;
  bodyBase64: string;
}

/** Headers node:http writes itself for any server, so replaying them would send them twice. */
const NODE_OWN = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/** The headers Node's fetch adds to each request: a capture for a fetch-timed loop asks with them,
 * so it gets the same (compressed) bytes the loop gets. */
export const FETCH_SENDS = { Accept: "*/*", "User-Agent": "node", "Sec-Fetch-Mode": "cors", "Accept-Encoding": "gzip, deflate" };

/** One response of the app, byte for byte, asked for with exactly the given headers (no Accept-Encoding unless given). */
export function captureResponse(
  base: string,
  request: { method?: string; path: string; headers?: Record<string, string>; body?: string; ifNoneMatch?: string },
): Promise<CapturedResponse> {
  const method = request.method ?? "GET";
  const headers = { ...request.headers, ...(request.ifNoneMatch ? { "If-None-Match": request.ifNoneMatch } : {}) };
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${base}${request.path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const kept: string[] = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          if (!NODE_OWN.has(response.rawHeaders[i]!.toLowerCase())) kept.push(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
        }
        resolve({
          method,
          path: request.path,
          ifNoneMatch: request.ifNoneMatch,
          status: response.statusCode ?? 0,
          headers: kept,
          chunked: /chunked/i.test(String(response.headers["transfer-encoding"] ?? "")),
          bodyBase64: Buffer.concat(chunks).toString("base64"),
        });
      });
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

export interface BareServer {
  base: string;
  stop(): Promise<void>;
}

/** Starts the floor server on `port` with these responses; a request none of them matches gets a 404. */
export async function startBareServer(port: number, responses: CapturedResponse[]): Promise<BareServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "madoguchi-bare-"));
  const file = path.join(dir, "responses.json");
  writeFileSync(file, JSON.stringify(responses), { mode: 0o600 });
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "tests/bench/bare-server.ts", String(port), file], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Waited for as the app is: it answers /healthz too.
    await waitForApp({ child, url: base, exited, output: () => "" });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

function serve(port: number, file: string): void {
  const responses = (JSON.parse(readFileSync(file, "utf8")) as CapturedResponse[]).map((response) => ({
    ...response,
    body: Buffer.from(response.bodyBase64, "base64"),
  }));
  // Conditional answers first, so a request that carries the ETag gets the 304.
  responses.sort((a, b) => Number(b.ifNoneMatch !== undefined) - Number(a.ifNoneMatch !== undefined));
  const server = http.createServer((request, response) => {
    // The body of a POST is read to its end, as the app reads its form.
    request.resume();
    request.on("end", () => {
      if (request.url === "/healthz") return void response.writeHead(200).end("ok");
      const match = responses.find(
        (candidate) =>
          candidate.method === request.method &&
          candidate.path === request.url &&
          (candidate.ifNoneMatch === undefined || candidate.ifNoneMatch === request.headers["if-none-match"]),
      );
      if (!match) return void response.writeHead(404).end();
      response.writeHead(match.status, match.headers);
      // A chunked answer stays chunked (one chunk); the others carry their Content-Length.
      if (match.chunked) response.write(match.body);
      response.end(match.chunked ? undefined : match.body);
    });
  });
  // Waited for as the app is (tests/support/app-process.ts): "listening" over the IPC channel.
  server.listen(port, "127.0.0.1", () => {
    process.send?.("listening");
    process.channel?.unref();
  });
  // Nothing to flush: a floor server just stops, whatever connections a client keeps open.
  process.on("SIGTERM", () => process.exit(0));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) serve(Number(process.argv[2]), process.argv[3]!);
