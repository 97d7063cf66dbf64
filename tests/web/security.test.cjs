// The web app's protections, each checked by a request that a browser on another site (or a
// rebinding DNS name) could send: these fail when the protection they test is removed.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {Workspace, request, multipart} = require('./harness.cjs');

const fixtures = path.join(__dirname, 'fixtures');

let ws, server, port, host;

// A page load: the session cookie and the token the page carries.
async function openPage() {
  const page = await request(port, {headers: {Host: host}});
  assert.equal(page.status, 200);
  const cookie = page.headers['set-cookie'][0].split(';')[0];
  const token = /<meta name="csrf-token" content="([0-9a-f]+)">/.exec(page.body)[1];
  return {cookie, token, setCookie: page.headers['set-cookie'][0]};
}

function post(target, {cookie, token, origin, json = {}, hostHeader = host}) {
  const headers = {Host: hostHeader, 'Content-Type': 'application/json'};
  if (cookie) headers.Cookie = cookie;
  if (token) headers['X-Rehearse-Token'] = token;
  if (origin) headers.Origin = origin;
  return request(port, {method: 'POST', path: target, headers, body: JSON.stringify(json)});
}

function upload(session, name, content) {
  const form = multipart({source: '', deck: '', dry_run: 'false'}, {name, content});
  return request(port, {method: 'POST', path: '/api/import', body: form.body,
    headers: {Host: host, Cookie: session.cookie, 'X-Rehearse-Token': session.token, 'Content-Type': form.contentType}});
}

test.before(async () => {
  ws = new Workspace();
  assert.equal(ws.run(['config', 'set', 'frontend.web.max_upload_mb', '1']).status, 0);
  server = await ws.serve();
  port = server.port;
  host = `127.0.0.1:${port}`;
});

test.after(async () => { await ws.close(); });

test('it listens on loopback and says where, without a warning', () => {
  assert.equal(server.url, `http://127.0.0.1:${port}/`);
  assert.doesNotMatch(server.stderr(), /warning/);
});

test('a Host header naming another site is refused (DNS rebinding)', async () => {
  for (const bad of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, '']) {
    const page = await request(port, {headers: {Host: bad}});
    assert.equal(page.status, 403, `Host: ${bad}`);
    assert.doesNotMatch(page.body, /csrf-token/);
  }
  const session = await openPage();
  const api = await request(port, {path: '/api/stats', headers: {Host: `evil.example:${port}`, Cookie: session.cookie}});
  assert.equal(api.status, 403);
  assert.equal(api.json, null, 'no statistics for a rebound name');
  for (const good of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`])
    assert.equal((await request(port, {headers: {Host: good}})).status, 200, `Host: ${good}`);
});

test('the session cookie is HttpOnly and SameSite=Strict', async () => {
  const {setCookie} = await openPage();
  assert.match(setCookie, new RegExp(`^rehearse_session_${port}=[0-9a-f]{32};`));
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
});

test('a state-changing request needs the session\'s token', async () => {
  const session = await openPage();
  const suspend = (options) => post('/api/cards/1/suspend', {...options, json: {suspended: true}});

  const noToken = await suspend({cookie: session.cookie});
  assert.equal(noToken.status, 403);
  assert.match(noToken.json.error.message, /token/);
  assert.equal((await suspend({cookie: session.cookie, token: '0'.repeat(64)})).status, 403);
  assert.equal((await suspend({token: session.token})).status, 403, 'a token without its session');
  const other = await openPage();
  assert.equal((await suspend({cookie: session.cookie, token: other.token})).status, 403, 'another session\'s token');
  assert.equal((await suspend({cookie: session.cookie, token: session.token, origin: 'http://evil.example'})).status, 403,
               'a request from another origin');

  // Nothing above changed the card; the real page's request does.
  const card = await request(port, {path: '/api/cards/1', headers: {Host: host, Cookie: session.cookie}});
  assert.equal(card.json.suspended, false);
  const ok = await suspend({cookie: session.cookie, token: session.token, origin: `http://${host}`});
  assert.equal(ok.status, 200);
  assert.equal(ok.json.suspended, true);
  assert.equal((await post('/api/cards/1/suspend', {cookie: session.cookie, token: session.token, json: {suspended: false}})).status, 200);
});

test('only the page\'s own files are served, never a path on disk', async () => {
  const secret = ws.file('secret.txt', 'TOP-SECRET-CONTENT');
  const attempts = ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/app.js/../../../../etc/passwd',
    '//etc/passwd', '/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', `/${path.relative('/', secret)}`, '/secret.txt',
    '/index.html', '/CMakeLists.txt', '/assets/app.js', '/app.js%00.png'];
  for (const target of attempts) {
    const response = await request(port, {path: target, headers: {Host: host}});
    assert.equal(response.status, 404, target);
    assert.doesNotMatch(response.body, /root:|TOP-SECRET|csrf-token/, target);
  }
  const script = await request(port, {path: '/app.js', headers: {Host: host}});
  assert.equal(script.status, 200);
  assert.match(script.headers['content-type'], /text\/javascript/);
  assert.equal(script.headers['x-content-type-options'], 'nosniff');
  assert.match(script.headers['content-security-policy'], /script-src 'self'/);
});

test('API reads need a session too', async () => {
  const response = await request(port, {path: '/api/cards?q=', headers: {Host: host}});
  assert.equal(response.status, 403);
  assert.equal(response.json.reload, true);
});

test('an upload goes through the same source plugin, with the same error as the command line', async () => {
  const session = await openPage();
  const broken = fs.readFileSync(path.join(fixtures, 'broken-upload.md'), 'utf8');
  const before = ws.json(['stats']).cards;
  const response = await upload(session, 'broken-upload.md', broken);
  assert.equal(response.status, 422);
  ws.file('broken-upload.md', broken);
  const cli = ws.run(['import', 'broken-upload.md']);
  assert.notEqual(cli.status, 0);
  assert.equal(`rehearse: ${response.json.error.message}\n`, cli.stderr);
  assert.equal(response.json.error.file, 'broken-upload.md');
  assert.ok(response.json.error.line > 0);
  assert.equal(ws.json(['stats']).cards, before, 'a broken file imports nothing');

  const good = await upload(session, '../../../tmp/good-upload.md', fs.readFileSync(path.join(fixtures, 'good-upload.md')));
  assert.equal(good.status, 200);
  assert.equal(good.json.file, 'good-upload.md', 'the file name loses its folders');
  assert.equal(good.json.report.added, 3);
  assert.equal(ws.json(['stats']).cards, before + 3);
});

test('uploads beyond the size limit are refused before they are parsed', async () => {
  const session = await openPage();
  const before = ws.json(['stats']).cards;
  const card = '## K: Padding\nThe same card again and again.\n\n';
  const justOver = `---\ndeck: Big\n---\n${card.repeat(Math.ceil((1.2 * 1048576) / card.length))}`;
  const over = await upload(session, 'big.md', justOver);
  assert.equal(over.status, 413);
  assert.match(over.json.error.message, /larger than the limit of 1 MB/);
  const farOver = await upload(session, 'huge.md', 'x'.repeat(3 * 1048576));
  assert.equal(farOver.status, 413);
  assert.match(farOver.json.error.message, /limit of 1 MB/);
  assert.equal(ws.json(['stats']).cards, before);
});

// A spoken answer as the recorder sends it: multipart with card_id, spoken_ms and the audio.
function recording(session, {cardId, type = 'audio/webm', bytes = 2000, token = session.token}) {
  const boundary = '----rehearseaudio';
  const field = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([Buffer.from(field('card_id', cardId) + field('spoken_ms', 65000)),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="answer.webm"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.alloc(bytes, 1), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const headers = {Host: host, 'Content-Type': `multipart/form-data; boundary=${boundary}`};
  if (session.cookie) headers.Cookie = session.cookie;
  if (token) headers['X-Rehearse-Token'] = token;
  return request(port, {method: 'POST', path: '/api/review/recording', body, headers});
}

test('recordings are guarded like the other API routes, and a recording that is not audio or too large is refused', async () => {
  const session = await openPage();
  const review = await request(port, {path: '/api/review', headers: {Host: host, Cookie: session.cookie}});
  const cardId = review.json.card.id;
  assert.equal((await recording(session, {cardId, token: null})).status, 403, 'without the page\'s token');
  assert.equal((await recording({cookie: null}, {cardId, token: session.token})).status, 403, 'without a session');
  for (const target of ['/api/recordings', '/api/recordings/1/audio'])
    assert.equal((await request(port, {path: target, headers: {Host: host}})).status, 403, target);
  assert.equal((await post('/api/recordings/1/delete', {cookie: session.cookie})).status, 403);

  const html = await recording(session, {cardId, type: 'text/html'});
  assert.equal(html.status, 415);
  assert.match(html.json.error.message, /must be audio/);
  const big = await recording(session, {cardId, bytes: 1048576 + 1});
  assert.equal(big.status, 413);
  assert.match(big.json.error.message, /larger than the limit of 1 MB/);
  const now = await request(port, {path: '/api/review', headers: {Host: host, Cookie: session.cookie}});
  assert.equal(now.json.recording, null, 'nothing refused is held for the answer');
  const ok = await recording(session, {cardId});
  assert.equal(ok.status, 200);
  assert.equal(ok.json.recording.spoken_seconds, 65);
});

test('--listen on every interface requires pairing (this computer too), and still refuses other Host names', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  assert.match(wide.stdout(), /each device pairs first/);
  // stderr is another pipe: its line may arrive after the address on stdout.
  for (let i = 0; i < 100 && !/warning/.test(wide.stderr()); ++i) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.match(wide.stderr(), /warning: without --cert and --key the traffic is not encrypted/);
  const refused = await request(wide.port, {headers: {Host: `evil.example:${wide.port}`}});
  assert.equal(refused.status, 403);
  const local = await request(wide.port, {headers: {Host: `127.0.0.1:${wide.port}`}});
  assert.equal(local.status, 401);
});

test('Ctrl-C stops the server cleanly', async () => {
  const extra = await ws.serve();
  const exited = new Promise((resolve) => extra.child.on('exit', (code) => resolve(code)));
  extra.child.kill('SIGINT');
  assert.equal(await exited, 0);
  assert.match(extra.stdout(), /Stopped\. Every answer was saved\./);
});
