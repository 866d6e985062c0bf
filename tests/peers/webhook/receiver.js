// Test peer for the webhook channel: receives POST /hooks/<name>, verifies the Standard Webhooks signature with
// the standardwebhooks package (an implementation independent of ours), records what came and answers with the
// status the test chose for that endpoint (200 by default; 500 or 410 to exercise failures).
//   node receiver.js [--port N] [--host 127.0.0.1]   (port 0 picks a free one; prints "listening <port>")
// Control: PUT /_endpoints/<name> {"secret":"whsec_…","status":200}; GET /_deliveries/<name>.
"use strict";
const http = require("http");
const { Webhook } = require("standardwebhooks");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const endpoints = new Map(); // name -> { webhook, status }
const deliveries = new Map(); // name -> [ { id, timestamp, contentType, verified, error, body } ]

const readBody = (req) => new Promise((resolve, reject) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => resolve(Buffer.concat(chunks)));
  req.on("error", reject);
});

const send = (res, status, value) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(value === undefined ? "" : JSON.stringify(value));
};

const server = http.createServer(async (req, res) => {
  const [, kind, name] = decodeURIComponent(req.url).split("/");
  const body = await readBody(req);
  if (req.method === "PUT" && kind === "_endpoints" && name) {
    const { secret, status } = JSON.parse(body.toString("utf8"));
    endpoints.set(name, { webhook: new Webhook(secret), status: status || 200 });
    return send(res, 204);
  }
  if (req.method === "GET" && kind === "_deliveries" && name) {
    return send(res, 200, deliveries.get(name) || []);
  }
  if (req.method === "POST" && kind === "hooks" && name) {
    const endpoint = endpoints.get(name);
    if (!endpoint) {
      return send(res, 404, { error: "unknown endpoint" });
    }
    const contentType = req.headers["content-type"] || "";
    const record = {
      id: req.headers["webhook-id"],
      timestamp: req.headers["webhook-timestamp"],
      contentType,
      verified: false,
      error: null,
      body: body.toString("utf8"),
    };
    try {
      endpoint.webhook.verify(body, req.headers, { jsonParse: contentType.startsWith("application/json") });
      record.verified = true;
    } catch (e) {
      record.error = e.message;
    }
    if (!deliveries.has(name)) deliveries.set(name, []);
    deliveries.get(name).push(record);
    return send(res, record.verified ? endpoint.status : 401, record.verified ? { ok: true } : { error: record.error });
  }
  return send(res, 404, { error: "not found" });
});

server.listen(Number(arg("port", "0")), arg("host", "127.0.0.1"), () => {
  console.log(`listening ${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
