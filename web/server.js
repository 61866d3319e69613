'use strict';
/**
 * `next start`, plus one thing it cannot do: append the visitor's socket address to
 * X-Forwarded-For. Next only fills the header in when the client sent none, so a client could
 * otherwise name any address it liked and the API's per-client rate limit would believe it.
 * Usage: node server.js [-p PORT] [-H HOST]  (defaults: $PORT or 3000, $HOSTNAME or 127.0.0.1)
 */
const http = require('node:http');
const path = require('node:path');
const next = require('next');

function option(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const port = Number(option('-p', process.env.PORT || '3000'));
const hostname = option('-H', process.env.HOSTNAME || '127.0.0.1');
const app = next({ dev: false, dir: path.join(__dirname), hostname, port });
const handle = app.getRequestHandler();

app
  .prepare()
  .then(() => {
    const server = http.createServer((req, res) => {
      const peer = req.socket.remoteAddress;
      if (peer) {
        const prior = req.headers['x-forwarded-for'];
        const chain = Array.isArray(prior) ? prior.join(', ') : prior;
        req.headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer;
      }
      handle(req, res);
    });
    server.listen(port, hostname, () => console.log(`web: ready on http://${hostname}:${port}`));
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((err) => {
    console.error(`web: ${err.message}`);
    process.exit(1);
  });
