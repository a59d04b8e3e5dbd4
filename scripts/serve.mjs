#!/usr/bin/env node
// Zero-dependency static server for www/ (development and end-to-end tests).
//
//   node scripts/serve.mjs [--port N]      (default: $PORT or 8080)
//
// Binds 127.0.0.1 only, serves the files under www/ with the same strict
// Content-Security-Policy the page declares, and refuses anything outside www/.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../www/', import.meta.url)));
const HOST = '127.0.0.1';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // covers .d.ts
};

function usage(message) {
  if (message) console.error(`serve.mjs: ${message}`);
  console.error('usage: node scripts/serve.mjs [--port N]');
  process.exit(2);
}

function parsePort(argv) {
  let port = process.env.PORT || '8080';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg === '-p') {
      if (i + 1 >= argv.length) usage('--port needs a value');
      port = argv[++i];
    } else if (arg.startsWith('--port=')) {
      port = arg.slice('--port='.length);
    } else if (arg === '--help' || arg === '-h') {
      usage();
    } else {
      usage(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) usage(`invalid port ${JSON.stringify(port)}`);
  return n;
}

function baseHeaders(extra = {}) {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...extra,
  };
}

function sendText(req, res, status, text, extra = {}) {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, baseHeaders({
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...extra,
  }));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Maps a request path to a file under ROOT, or null when it is not allowed. */
async function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Any dot-dot segment is refused outright rather than normalised away.
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const candidate = resolve(join(ROOT, decoded));
  if (candidate !== ROOT && !candidate.startsWith(ROOT + sep)) return null;
  // Symlinks must not lead out of www/ either.
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return null;
  }
  const realRoot = await realpath(ROOT);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
  return real;
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname;
  try {
    pathname = new URL(req.url, `http://${HOST}`).pathname;
  } catch {
    sendText(req, res, 400, 'Bad Request');
    return;
  }
  // Raw request targets such as "/../x" or "/%2e%2e/x" are refused before URL
  // normalisation could hide them.
  const raw = (req.url || '').split(/[?#]/)[0];
  let rawDecoded = raw;
  try { rawDecoded = decodeURIComponent(raw); } catch { /* handled below */ }
  if (rawDecoded.split(/[/\\]/).some((s) => s === '..')) {
    sendText(req, res, 403, 'Forbidden');
    return;
  }
  const file = await resolveFile(pathname);
  if (!file && pathname === '/favicon.ico') {
    // Browsers ask for it unprompted; answer without a 404 in the console.
    res.writeHead(204, baseHeaders());
    res.end();
    return;
  }
  if (!file) {
    sendText(req, res, 404, 'Not Found');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      sendText(req, res, 404, 'Not Found');
      return;
    }
    const type = MIME[extname(file).toLowerCase()] || 'application/octet-stream';
    if (req.method === 'HEAD') {
      res.writeHead(200, baseHeaders({ 'Content-Type': type, 'Content-Length': info.size }));
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('open', () => {
      res.writeHead(200, baseHeaders({ 'Content-Type': type, 'Content-Length': info.size }));
      stream.pipe(res);
    });
    stream.on('error', (err) => {
      if (!res.headersSent) sendText(req, res, 500, 'Internal Server Error');
      else res.destroy();
      console.error(`serve.mjs: ${req.url}: ${err.message}`);
    });
    res.on('close', () => stream.destroy());
  } catch {
    if (!res.headersSent) sendText(req, res, 404, 'Not Found');
    else res.destroy();
  }
}

const port = parsePort(process.argv.slice(2));
const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(`serve.mjs: ${err && err.stack}`);
    if (!res.headersSent) sendText(req, res, 500, 'Internal Server Error');
    else res.destroy();
  });
});

server.on('error', (err) => {
  console.error(`serve.mjs: ${err.code === 'EADDRINUSE' ? `port ${port} is already in use` : err.message}`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const { port: actual } = server.address();
  console.log(`Corroborate is running at http://${HOST}:${actual}/`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  // Do not hang on a stuck connection.
  setTimeout(() => process.exit(0), 2000).unref();
  if (signal) console.log(`\nCorroborate server stopped (${signal}).`);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
