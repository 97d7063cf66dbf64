// What the web tests share: running the built `rehearse` on a throwaway collection, starting
// `rehearse serve` and waiting for the address it prints, and plain HTTP requests with any
// headers (a browser would not let a test forge Host or Origin).
'use strict';
const {spawn, spawnSync} = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');

const program = process.env.REHEARSE_PROGRAM;
if (!program) throw new Error('REHEARSE_PROGRAM must name the built rehearse program');
const artifacts = process.env.REHEARSE_ARTIFACTS_DIR || path.join(os.tmpdir(), 'rehearse-web-artifacts');
fs.mkdirSync(artifacts, {recursive: true});

// "Now" is fixed, so the queue and the statistics are the same on every run.
const NOW = '2026-03-02T09:00:00Z';

class Workspace {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-web-'));
    this.collection = path.join(this.dir, 'collection.db');
    this.servers = [];
  }

  file(name, content) {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, content);
    return file;
  }

  // Runs `rehearse ARGS` on this collection; returns {status, stdout, stderr}.
  run(args, input = '', cwd = this.dir) {
    const result = spawnSync(program, ['--collection', this.collection, '--now', NOW, ...args],
                             {input, cwd, encoding: 'utf8', env: {...process.env, TZ: 'UTC'}});
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
  }

  json(args) {
    const result = this.run([...args, '--json']);
    if (result.status !== 0) throw new Error(`rehearse ${args.join(' ')} failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  }

  // Starts `rehearse serve --port 0 EXTRA` and resolves when it prints its address (and, served
  // beyond loopback, its pairing code: server.pairingCode). `now` stands in for NOW.
  serve(extra = [], {now = NOW} = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(program, ['--collection', this.collection, '--now', now, 'serve', '--port', '0', ...extra],
                          {cwd: this.dir, env: {...process.env, TZ: 'UTC'}});
      let stdout = '', stderr = '';
      const server = {child, stderr: () => stderr, stdout: () => stdout};
      this.servers.push(server);
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /serving your collection at (https?:\/\/[^\s]+)/.exec(stdout);
        // The first code, from the banner; once a test pairs, it keeps track of the codes itself.
        const pairing = /pairing code ([0-9a-f]+)/.exec(stdout);
        if (pairing && server.pairingCode === undefined) server.pairingCode = pairing[1];
        if (match && !server.url) {  // printed after the pairing code
          server.url = match[1];
          server.port = Number(new URL(server.url).port);
          resolve(server);
        }
      });
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      child.on('exit', (code) => { if (!server.url) reject(new Error(`rehearse serve exited with ${code}: ${stderr}`)); });
    });
  }

  // Stops the servers (as Ctrl-C would) and removes the folder.
  async close() {
    for (const server of this.servers) {
      if (server.child.exitCode !== null) continue;
      const exited = new Promise((resolve) => server.child.on('exit', (code, signal) => resolve({code, signal})));
      server.child.kill('SIGINT');
      server.exit = await exited;
    }
    fs.rmSync(this.dir, {recursive: true, force: true});
  }
}

// One HTTP request with exactly these headers. Resolves {status, headers, body, json}.
// With `tls`, over https, accepting the test's self-signed certificate.
// `from`: the local address to send from (any of 127.0.0.0/8 is this computer), so that a test can
// be several clients on loopback.
function request(port, {method = 'GET', path: target = '/', headers = {}, body, tls = false, from} = {}) {
  return new Promise((resolve, reject) => {
    const options = {host: '127.0.0.1', port, method, path: target, headers, setHost: false};
    if (from) options.localAddress = from;
    if (tls) options.rejectUnauthorized = false;
    const req = (tls ? https : http).request(options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch (error) { /* not JSON */ }
        resolve({status: res.statusCode, headers: res.headers, body: text, json});
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// A multipart/form-data body with one file and some fields.
function multipart(fields, file) {
  const boundary = `----rehearse${Date.now().toString(16)}`;
  const parts = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n`
                           + 'Content-Type: text/markdown\r\n\r\n'), Buffer.from(file.content), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}`};
}

// A workspace with the deck file `deck` imported and `rehearse serve` running on it, and a chromium
// page (playwright's `newPage` options: the window's size, a phone's touch) whose uncaught errors
// collect in `pageErrors`. `chromiumArgs` go on chromium's command line (a fake microphone). The
// caller closes `browser` and `ws`.
async function browserOnDeck(deck, pageOptions, chromiumArgs = []) {
  const {chromium} = require('playwright-core');  // installed for the browser tests only
  const ws = new Workspace();
  const imported = ws.run(['import', deck]);
  if (imported.status !== 0) throw new Error(`import ${deck} failed: ${imported.stderr}`);
  const server = await ws.serve();
  const browser = await chromium.launch({executablePath: process.env.REHEARSE_CHROMIUM || '/usr/bin/chromium',
                                         args: ['--no-sandbox', ...chromiumArgs]});
  const page = await browser.newPage(pageOptions);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {ws, server, browser, page, pageErrors};
}

module.exports = {Workspace, request, multipart, artifacts, NOW, browserOnDeck};
