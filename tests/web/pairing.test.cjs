// Serving beyond loopback (`rehearse serve --listen 0.0.0.0`): every device pairs with the
// one-time code first, this computer's browser too. The tests send traffic on loopback only, to a
// server bound to every interface: what they check is the server's rule, not the network's.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {spawnSync} = require('node:child_process');
const {Workspace, request, NOW} = require('./harness.cjs');

let ws;

test.before(() => { ws = new Workspace(); });
test.after(async () => { await ws.close(); });

const hostOf = (server) => `127.0.0.1:${server.port}`;
const deviceCookie = (server, token) => `rehearse_device_${server.port}=${token}`;

function pair(server, code, {name = '', tls = false, from} = {}) {
  return request(server.port, {method: 'POST', path: '/pair', tls, from, body: `code=${code}&name=${encodeURIComponent(name)}`,
    headers: {Host: hostOf(server), 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/120.0'}});
}

// The codes printed for the next device so far, oldest first.
const nextCodes = (server) => [...server.stdout().matchAll(/To pair another device, open \S+code=([0-9a-f]+)/g)].map((m) => m[1]);

// Pairs with the server's current code; returns the device's token (the cookie's value).
async function pairDevice(server, options = {}) {
  const printed = nextCodes(server).length;
  const paired = await pair(server, server.pairingCode, options);
  assert.equal(paired.status, 303, paired.body);
  const setCookie = paired.headers['set-cookie'][0];
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  // A new code is printed for the next device; this one is used up. (Wait for the new line: the
  // lines of earlier pairings are in the output too.)
  const codes = await waitFor(() => { const all = nextCodes(server); return all.length > printed ? all : null; });
  const used = server.pairingCode;
  server.pairingCode = codes[codes.length - 1];
  assert.notEqual(server.pairingCode, used);
  return {token: new RegExp(`rehearse_device_${server.port}=([0-9a-f]+)`).exec(setCookie)[1], setCookie, used};
}

async function waitFor(probe) {
  for (let i = 0; i < 100; ++i) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

const get = (server, target, cookie, tls = false) =>
  request(server.port, {path: target, tls, headers: cookie ? {Host: hostOf(server), Cookie: cookie} : {Host: hostOf(server)}});

test('bound to 0.0.0.0, a request from this computer without a paired device is refused (401)', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  assert.match(wide.pairingCode, /^[0-9a-f]{10}$/);
  assert.match(wide.stdout(), /\u2588/);  // the QR code, in half blocks
  for (const target of ['/', '/api/stats', '/api/review', '/app.js', '/api/devices', '/api/story'])
    assert.equal((await get(wide, target)).status, 401, target);
  const pairPage = await get(wide, `/pair?code=${wide.pairingCode}`);
  assert.equal(pairPage.status, 200);
  assert.match(pairPage.body, new RegExp(`value="${wide.pairingCode}"`));
  // Anything but hex digits is dropped before the code is echoed into the page.
  const hostile = await get(wide, '/pair?code=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
  assert.doesNotMatch(hostile.body, /<script/);
});

test('the right code gives a cookie that then works; used again, the code is refused', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  const {token, setCookie, used} = await pairDevice(wide, {name: 'My phone'});
  assert.doesNotMatch(setCookie, /Secure/);  // plain http
  const page = await get(wide, '/', deviceCookie(wide, token));
  assert.equal(page.status, 200);
  const session = page.headers['set-cookie'][0].split(';')[0];
  const stats = await get(wide, '/api/stats', `${deviceCookie(wide, token)}; ${session}`);
  assert.equal(stats.status, 200);
  assert.equal((await pair(wide, used)).status, 401);
  // The collection keeps the device, and only a hash of its token.
  const listed = ws.json(['serve', 'devices']);
  assert.equal(listed.expiry_days, 30);
  const phone = listed.devices.find((d) => d.name === 'My phone');
  assert.ok(phone, JSON.stringify(listed));
  assert.ok(phone.paired_at && phone.last_seen && phone.expires);
  const db = fs.readFileSync(ws.collection);
  assert.equal(db.indexOf(Buffer.from(token)), -1);
});

test('a wrong code is refused and counted; repeated tries are refused with 429 for a while, even the right code', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  for (let i = 0; i < 4; ++i) {
    const wrong = await pair(wide, '0000000000');
    assert.equal(wrong.status, 401);
    assert.match(wrong.body, /wrong/);
  }
  const fifth = await pair(wide, '0000000000');
  assert.equal(fifth.status, 429);
  assert.ok(Number(fifth.headers['retry-after']) > 0);
  const right = await pair(wide, wide.pairingCode);
  assert.equal(right.status, 429);
  assert.equal(right.headers['set-cookie'], undefined);
  // The terminal counts them.
  await waitFor(() => /5 wrong codes so far\); pairing is locked for \d+ s/.test(wide.stderr()));
  assert.match(wide.stderr(), /1 wrong code so far\)/);
});

test('one address guessing does not lock out the others; many addresses together meet a ceiling', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  for (let i = 0; i < 5; ++i) await pair(wide, '0000000000', {from: '127.0.0.2'});
  assert.equal((await pair(wide, wide.pairingCode, {from: '127.0.0.2'})).status, 429);
  // Another device still pairs.
  await pairDevice(wide, {from: '127.0.0.3'});

  // Wrong tries spread over many addresses, each below its own limit, lock pairing for all.
  let refused = null;
  for (let address = 10; address < 30 && !refused; ++address) {
    for (let i = 0; i < 4; ++i) {
      const wrong = await pair(wide, '0000000000', {from: `127.0.0.${address}`});
      if (wrong.status === 429) { refused = wrong; break; }
      assert.equal(wrong.status, 401);
    }
  }
  assert.ok(refused, 'no ceiling on wrong tries from many addresses');
  assert.equal((await pair(wide, wide.pairingCode, {from: '127.0.0.40'})).status, 429);
});

test('a tampered cookie gets 401', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  const {token} = await pairDevice(wide);
  const flipped = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
  assert.equal((await get(wide, '/', deviceCookie(wide, flipped))).status, 401);
  assert.equal((await get(wide, '/', deviceCookie(wide, token.slice(1)))).status, 401);
  assert.equal((await get(wide, '/', deviceCookie(wide, token))).status, 200);
});

test('a revoked device gets 401, from the command line and from the web app', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  const first = await pairDevice(wide, {name: 'revoke me'});
  const second = await pairDevice(wide, {name: 'revoke me too'});
  const id = ws.json(['serve', 'devices']).devices.find((d) => d.name === 'revoke me').id;
  const revoked = ws.run(['serve', 'revoke', String(id)]);
  assert.equal(revoked.status, 0, revoked.stderr);
  assert.equal((await get(wide, '/', deviceCookie(wide, first.token))).status, 401);
  assert.notEqual(ws.run(['serve', 'revoke', String(id)]).status, 0);

  // The web app's devices page revokes through the API, with the page's token.
  const cookie = deviceCookie(wide, second.token);
  const page = await get(wide, '/', cookie);
  const session = page.headers['set-cookie'][0].split(';')[0];
  const csrf = /<meta name="csrf-token" content="([0-9a-f]+)">/.exec(page.body)[1];
  const devices = (await get(wide, '/api/devices', `${cookie}; ${session}`)).json;
  assert.equal(devices.pairing_required, true);
  const own = devices.devices.find((d) => d.this_device);
  assert.equal(own.name, 'revoke me too');
  const revoke = await request(wide.port, {method: 'POST', path: `/api/devices/${own.id}/revoke`, body: '{}',
    headers: {Host: hostOf(wide), Cookie: `${cookie}; ${session}`, 'X-Rehearse-Token': csrf, 'Content-Type': 'application/json'}});
  assert.equal(revoke.status, 200, revoke.body);
  assert.equal((await get(wide, '/', cookie)).status, 401);
});

test('a device unused for longer than device_expiry_days gets 401 and must pair again', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  const {token} = await pairDevice(wide, {name: 'old phone'});
  const day = 86400000;
  const later = (days) => new Date(Date.parse(NOW) + days * day).toISOString().slice(0, 16);
  const soon = await ws.serve(['--listen', '0.0.0.0'], {now: later(29)});
  assert.equal((await get(soon, '/', deviceCookie(soon, token))).status, 200);
  // Seen on day 29: it expires 30 days after that, not after the pairing.
  const expired = await ws.serve(['--listen', '0.0.0.0'], {now: later(29 + 31)});
  assert.equal((await get(expired, '/', deviceCookie(expired, token))).status, 401);
  assert.equal(ws.json(['serve', 'devices']).devices.find((d) => d.name === 'old phone'), undefined);
});

test('served on loopback, nothing changes: no pairing and no cookie needed', async () => {
  const local = await ws.serve();
  assert.equal(local.pairingCode, undefined);
  assert.doesNotMatch(local.stdout(), /pair/);
  assert.equal((await get(local, '/')).status, 200);
  assert.equal((await get(local, '/pair')).status, 303);
});

test('TLS: --cert and --key serve https, and the device cookie is Secure', async (t) => {
  if (spawnSync('openssl', ['version']).status !== 0) {
    t.skip('openssl is missing: the TLS test needs it to make a self-signed certificate (apt-get install openssl)');
    return;
  }
  const cert = path.join(ws.dir, 'cert.pem');
  const key = path.join(ws.dir, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
                                     '-days', '2', '-subj', '/CN=127.0.0.1'], {encoding: 'utf8'});
  assert.equal(made.status, 0, made.stderr);
  const secure = await ws.serve(['--listen', '0.0.0.0', '--cert', cert, '--key', key]);
  assert.match(secure.url, /^https:\/\//);
  assert.match(secure.stdout(), /https:\/\/\S+\/pair\?code=/);
  assert.equal((await get(secure, '/', undefined, true)).status, 401);
  const {token, setCookie} = await pairDevice(secure, {tls: true});
  assert.match(setCookie, /; Secure/);
  assert.equal((await get(secure, '/', deviceCookie(secure, token), true)).status, 200);

  const missing = ws.run(['serve', '--listen', '0.0.0.0', '--port', '0', '--cert', path.join(ws.dir, 'nope.pem'), '--key', key]);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /nope\.pem/);
  const notAKey = ws.run(['serve', '--listen', '0.0.0.0', '--port', '0', '--cert', cert, '--key', cert]);
  assert.notEqual(notAKey.status, 0);
  assert.match(notAKey.stderr, /private key file .*cert\.pem/);
});
