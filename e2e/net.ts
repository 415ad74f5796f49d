import http from "node:http";

// Requests from a chosen loopback address (127.0.0.0/8 all reaches this machine): the server keys per-client limits
// on the socket's address, so a test that spends a client's search budget uses its own address and leaves the
// browser's (127.0.0.1) untouched for the other tests.

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function getFrom(
  clientIp: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, localAddress: clientIp, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}
