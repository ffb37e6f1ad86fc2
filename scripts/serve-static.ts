/**
 * A small static file server for built sites, used by the end-to-end tests and the benchmark:
 * it serves `dist/` under a base path like GitHub Pages does (directory index, `404.html` with
 * status 404). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const full = path.join(root, clean);
  if (!full.startsWith(root)) return undefined;
  try {
    const s = await stat(full);
    if (s.isFile()) return full;
    if (s.isDirectory()) {
      const index = path.join(full, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Serves `root` at `http://127.0.0.1:port<basePath>`. */
export function serveStatic(root: string, port: number, basePath = '/'): Promise<Server> {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not under the base path');
      return;
    }
    const rel = url.pathname.slice(base.length - 1);
    if (!rel.endsWith('/') && !path.extname(rel) && (await fileFor(root, `${rel}/`))) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const file = await fileFor(root, rel);
    if (!file) {
      const notFound = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('Not found'));
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  // A port already taken rejects (a clear error for the caller) instead of crashing the process.
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is in use: stop what listens there, or pass another port.`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
