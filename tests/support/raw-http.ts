// A request as a script or a scanner writes it, byte for byte: any request line, any Host,
// any header a browser or fetch() would refuse to send. One connection per request.
import net from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `head`: the request line and headers, without Connection (this adds "close"). */
export function sendRaw(port: number, head: string[], body = ""): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // Written, not ended: the server closes once it has answered (Connection: close), and a
    // client that half-closed first may find an answer still being worked out cut short.
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(`${head.join("\r\n")}\r\nConnection: close\r\n\r\n${body}`);
    });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const bytes = Buffer.concat(chunks);
      const split = bytes.indexOf("\r\n\r\n");
      const [statusLine = "", ...headerLines] = bytes.subarray(0, split).toString("latin1").split("\r\n");
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      const rawBody = bytes.subarray(split + 4);
      const body = headers["transfer-encoding"] === "chunked" ? unchunk(rawBody) : rawBody;
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: body.toString("utf8") });
    });
  });
}

function unchunk(bytes: Buffer): Buffer {
  const pieces: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at);
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString("latin1"), 16);
    if (!size) return Buffer.concat(pieces);
    pieces.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
