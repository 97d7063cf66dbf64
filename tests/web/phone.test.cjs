// The web app on a phone: each page in a 360x740 chromium window (as a phone paired with
// `rehearse serve --listen` shows it) fits the screen, with nothing wider than 360 px.
// Screenshots are kept in the artefacts folder (web-phone-*.png). The bar shows the sync state
// once the collection names a sync server, and fits then too.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const {execFile} = require('node:child_process');
const path = require('node:path');
const {artifacts, browserOnDeck, NOW} = require('./harness.cjs');

const fixtures = path.join(__dirname, 'fixtures');
const WIDTH = 360;

let ws, server, browser, page, pageErrors;

test.before(async () => {
  const phone = {viewport: {width: WIDTH, height: 740}, isMobile: true, hasTouch: true, deviceScaleFactor: 2};
  ({ws, server, browser, page, pageErrors} = await browserOnDeck(path.join(fixtures, 'review-deck.md'), phone));
});

test.after(async () => {
  if (browser) await browser.close();
  if (ws) await ws.close();
});

// The page is no wider than the screen: nothing scrolls sideways. Names what sticks out if not.
async function assertFits(name) {
  await page.screenshot({path: path.join(artifacts, `web-phone-${name}.png`), fullPage: true});
  await page.screenshot({path: path.join(artifacts, `web-phone-${name}-screen.png`)});  // what the phone shows first
  const {width, wide} = await page.evaluate((limit) => ({
    width: document.scrollingElement.scrollWidth,
    wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > limit + 0.5)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }), WIDTH);
  assert.ok(width <= WIDTH, `${name}: the page is ${width} px wide at a ${WIDTH} px screen (${wide.join(', ')})`);
}

test('the navigation and the review fit a 360 px screen, before and after the answer is shown', async () => {
  await page.goto(`${server.url}#/review?deck=${encodeURIComponent('Web review')}`);
  await page.waitForSelector('.card .prompt');
  assert.ok(await page.isVisible('.recorder .record-button'), 'the Record button');
  assert.equal((await page.textContent('.recorder')).includes('null'), false, 'the recorder shows no stray "null"');
  for (const link of ['Review', 'Mock', 'Decks', 'Story', 'Statistics', 'Recordings', 'Devices'])
    assert.ok(await page.isVisible(`nav a:has-text("${link}")`), link);
  assert.equal(await page.isVisible('#sync-state'), false, 'no sync server: nothing about sync');
  await assertFits('review');
  await page.fill('textarea.answer-box', 'I rolled back the release, then used metrics and traces to find the cause.');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.ratings');
  await assertFits('review-answer');
});

test('the decks page fits a 360 px screen', async () => {
  await page.goto(`${server.url}#/decks`);
  await page.waitForSelector('#import-file');
  await assertFits('decks');
});

test('the statistics and devices pages fit a 360 px screen', async () => {
  await page.goto(`${server.url}#/stats`);
  await page.waitForSelector('.chart-panel svg');
  await assertFits('stats');
  await page.goto(`${server.url}#/devices`);
  await page.waitForSelector('.devices-page h2');
  await assertFits('devices');
  assert.deepEqual(pageErrors, []);
});

test('the recordings page fits a 360 px screen', async () => {
  await page.goto(`${server.url}#/recordings`);
  await page.waitForSelector('#recordings-usage');
  await assertFits('recordings');
  assert.deepEqual(pageErrors, []);
});

test('the story page fits a 360 px screen, with the findings after a step and on the whole story', async () => {
  await page.goto(`${server.url}#/story`);
  await page.waitForSelector('.story-step[data-step="title"]');
  assert.ok(await page.isVisible('nav a:has-text("Story")'));
  await assertFits('story');
  const steps = {title: 'Checkout outage I led', situation: 'Our checkout API failed during a regional failover.',
                 task: 'I owned the mitigation.', action: 'I rolled back the deploy, instead of scaling the database.',
                 result: 'Errors fell from 18% to under 0.5% within 12 minutes.', lesson: '', themes: 'incident'};
  for (const [name, text] of Object.entries(steps)) {
    await page.waitForSelector(`.story-step[data-step="${name}"]`);
    await page.fill('#story-input', text);
    if (name === 'result') await assertFits('story-findings');
    await page.click('#story-next');
  }
  await page.waitForSelector('.story-review');
  await assertFits('story-review');
  assert.deepEqual(pageErrors, []);
});

test('a phone pairs in the browser: the pairing page, then the review, with no page errors', async () => {
  const wide = await ws.serve(['--listen', '0.0.0.0']);
  const base = `http://127.0.0.1:${wide.port}`;
  const phone = await browser.newPage({viewport: {width: WIDTH, height: 740}, isMobile: true, hasTouch: true});
  const errors = [];
  phone.on('pageerror', (error) => errors.push(error.message));
  const refused = await phone.goto(`${base}/`);
  assert.equal(refused.status(), 401);
  await phone.goto(`${base}/pair?code=${wide.pairingCode}`);
  assert.equal(await phone.inputValue('input[name=code]'), wide.pairingCode);
  await phone.fill('input[name=name]', 'Test phone');
  await phone.screenshot({path: path.join(artifacts, 'web-phone-pair.png')});
  assert.ok(await phone.evaluate(() => document.scrollingElement.scrollWidth) <= WIDTH);
  const [paired] = await Promise.all([phone.waitForNavigation(), phone.click('button[type=submit]')]);
  assert.equal(paired.status(), 200, `${phone.url()}: ${await phone.content()}`);
  await phone.waitForSelector('.card .prompt, .panel');
  await phone.goto(`${base}/#/devices`);
  await phone.waitForSelector('.device');
  assert.match(await phone.textContent('.device-list'), /Test phone\s*this device/);
  assert.deepEqual(errors, []);
  await phone.close();
});

// A stand-in for a sync server that only enrols: `rehearse sync --enrol` then sets sync.server
// and sync.token as it would with a real one. Nothing is pushed in this test.
function enrolOnlyServer() {
  const stub = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(request.url === '/v1/enrol' ? 200 : 404, {'Content-Type': 'application/json'});
      response.end(JSON.stringify({protocol: '1.0', token: 'test-token', user: 'tester'}));
    });
  });
  return new Promise((resolve) => stub.listen(0, '127.0.0.1', () => resolve(stub)));
}

test('with a sync server, the bar shows what waits for the next sync and counts an answer', async () => {
  const stub = await enrolOnlyServer();
  try {
    // Not ws.run: the stub answers from this process, whose event loop must keep running.
    await new Promise((resolve, reject) => execFile(process.env.REHEARSE_PROGRAM,
      ['--collection', ws.collection, '--now', NOW, 'sync', '--enrol', `http://127.0.0.1:${stub.address().port}`, 'one-time-code'],
      (error, stdout, stderr) => (error ? reject(new Error(`sync --enrol failed: ${stderr}`)) : resolve())));
  } finally {
    stub.close();
  }
  await page.goto(`${server.url}#/review?deck=${encodeURIComponent('Web review')}`);
  await page.waitForSelector('#sync-state:not([hidden])');
  const waiting = async () => Number(/^Not synced yet · (\d+) waiting$/.exec(await page.textContent('#sync-state'))?.[1]);
  const before = await waiting();
  assert.ok(before >= 0, await page.textContent('#sync-state'));
  const status = ws.json(['sync', '--status']);
  assert.equal(status.waiting.reviews + status.waiting.cards + status.waiting.settings, before, 'the count sync --status gives');
  await assertFits('sync');

  await page.waitForSelector('.card .prompt');
  if (!(await page.isVisible('.ratings'))) {  // the first test left this card's answer shown
    await page.focus('textarea.answer-box');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.ratings');
  }
  await page.keyboard.press('3');
  await page.waitForFunction((n) => document.getElementById('sync-state').textContent.endsWith(`· ${n} waiting`), before + 1);
  await assertFits('sync-after-answer');
  assert.deepEqual(pageErrors, []);
});
