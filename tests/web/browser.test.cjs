// The web app as a user sees it, driven in Debian's headless chromium with playwright-core:
// a review of a whole deck with typed answers, findings, keyboard ratings and undo; an upload,
// good and broken; the statistics page. Screenshots are kept in the artefacts folder.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {chromium} = require('playwright-core');
const {Workspace, artifacts} = require('./harness.cjs');

const fixtures = path.join(__dirname, 'fixtures');
const chromiumPath = process.env.REHEARSE_CHROMIUM || '/usr/bin/chromium';

let ws, server, browser, page, pageErrors;

async function screenshot(name) {
  await page.screenshot({path: path.join(artifacts, `web-${name}.png`), fullPage: true});
}

// The prompt of the card on screen, once a card is on screen.
async function currentPrompt() {
  await page.waitForSelector('.card .prompt');
  return page.textContent('.card .prompt');
}

// Waits until the card on screen is no longer `previous` (or the deck is done).
async function nextCardAfter(previous) {
  await page.waitForFunction((before) => {
    const prompt = document.querySelector('.card .prompt');
    return !prompt || prompt.textContent !== before || !document.querySelector('.ratings') && !document.querySelector('textarea');
  }, previous);
  await page.waitForFunction(() => document.querySelector('.card textarea') || document.querySelector('.ratings')
                                   || !document.querySelector('.card'));
}

test.before(async () => {
  ws = new Workspace();
  const imported = ws.run(['import', path.join(fixtures, 'review-deck.md')]);
  assert.equal(imported.status, 0, imported.stderr);
  server = await ws.serve();
  browser = await chromium.launch({executablePath: chromiumPath, args: ['--no-sandbox']});
  page = await browser.newPage({viewport: {width: 1100, height: 900}});
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

test.after(async () => {
  if (browser) await browser.close();
  if (ws) await ws.close();
});

test('a review of a whole deck: typed answers, findings, keyboard ratings and undo', async () => {
  await page.goto(`${server.url}#/review?deck=${encodeURIComponent('Web review')}`);
  const first = await currentPrompt();

  // Type an answer, reveal with Ctrl+Enter: the scorers' findings and the model answer show.
  await page.fill('textarea.answer-box', 'I rolled back the release to stop the bleeding, then used metrics and traces '
                                         + 'to find the cause and sent status updates every 30 minutes.');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.ratings');
  const revealed = await page.textContent('.card');
  assert.match(revealed, /\/100/, 'a score is shown');
  assert.match(revealed, /suggests (again|hard|good|easy)/);
  await screenshot('review-revealed');

  // Rate with the keyboard; the answer is saved before the next card shows.
  await page.keyboard.press('3');
  await nextCardAfter(first);
  const second = await currentPrompt();
  assert.notEqual(second, first);
  assert.equal(ws.json(['stats']).reviews_total, 1);

  // Reveal with the button, rate Again, then undo: the same card comes back and the review is gone.
  await page.click('button:has-text("Reveal answer")');
  await page.waitForSelector('.ratings');
  await page.keyboard.press('1');
  await nextCardAfter(second);
  assert.equal(ws.json(['stats']).reviews_total, 2);
  // The next card's answer box has the focus: Esc leaves it, so that u is a shortcut, not a letter.
  await page.keyboard.press('Escape');
  await page.keyboard.press('u');
  await page.waitForFunction((prompt) => document.querySelector('.card .prompt')?.textContent === prompt, second);
  assert.equal(ws.json(['stats']).reviews_total, 1);

  // Answer every card until the deck is done for today; Again brings a card back, so rate Good.
  let answered = 1;
  for (let guard = 0; guard < 20; ++guard) {
    if (!(await page.$('.card .prompt'))) break;
    const prompt = await currentPrompt();
    if (await page.$('textarea.answer-box')) {
      await page.click('button:has-text("Reveal answer")');
      await page.waitForSelector('.ratings');
    }
    await page.keyboard.press('3');
    ++answered;
    await nextCardAfter(prompt);
    // A learning card may come straight back; it is a new answer all the same.
  }
  assert.equal(await page.$('.card .prompt'), null, 'the deck is done for today');
  await screenshot('review-done');
  assert.equal(ws.json(['stats']).reviews_total, answered);

  // A card whose text holds markup shows it as text; the script never ran.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(pageErrors, []);
});

test('a card with markup in its prompt shows the markup as text', async () => {
  await page.goto(`${server.url}#/decks`);
  await page.fill('#card-search', 'cache-aside');
  await page.waitForSelector('text=<script>window.__pwned = 1</script>');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('uploading a deck imports it; a broken one says where and imports nothing', async () => {
  await page.goto(`${server.url}#/decks`);
  await page.waitForSelector('#import-file');
  const before = ws.json(['stats']).cards;

  await page.setInputFiles('#import-file', path.join(fixtures, 'broken-upload.md'));
  await page.click('#import button[type=submit]');
  const error = await page.waitForSelector('#import .import-result :text("Nothing was imported")');
  assert.match(await error.evaluate((node) => node.closest('.import-result').textContent), /broken-upload\.md:\d+/);
  assert.equal(ws.json(['stats']).cards, before);
  await screenshot('upload-refused');

  await page.setInputFiles('#import-file', path.join(fixtures, 'good-upload.md'));
  await page.click('#import button[type=submit]');
  await page.waitForSelector('#import .import-result :text("Imported good-upload.md")');
  assert.equal(ws.json(['stats']).cards, before + 3);
  assert.ok(ws.json(['decks']).some((deck) => deck.name === 'Uploaded deck'));
  await screenshot('upload-imported');
});

test('the statistics page draws its charts from the collection', async () => {
  await page.goto(`${server.url}#/stats`);
  await page.waitForSelector('.chart-panel svg');
  // The retention chart is simulated after the page is drawn.
  await page.waitForSelector('#desired-retention svg circle');
  const charts = await page.$$eval('.chart-panel', (panels) => panels.map((panel) => ({
    title: panel.querySelector('h2').textContent, shapes: panel.querySelectorAll('svg rect, svg circle, svg path, svg line').length})));
  const titles = charts.map((chart) => chart.title);
  for (const expected of ['Reviews', 'Due in the next 30 days', 'True retention', 'Intervals', 'Story bank', 'Help me decide: desired retention'])
    assert.ok(titles.includes(expected), `a "${expected}" chart (have: ${titles.join(', ')})`);
  for (const chart of charts) assert.ok(chart.shapes > 0, `the "${chart.title}" chart draws something`);
  // Today's reviews are in the heatmap's text.
  assert.match(await page.textContent('.chart-panel'), /review/);
  // A point per desired retention compared, the work growing with it.
  const minutes = await page.$$eval('#desired-retention circle.point', (points) => points.map((p) => Number(p.dataset.minutes)));
  assert.equal(minutes.length, 8);
  assert.ok(minutes[minutes.length - 1] >= minutes[0], `more minutes at 97% than at 70% (${minutes.join(', ')})`);
  // The interview day: the share recalled, deck by deck and kind by kind.
  await page.fill('#readiness input[type=date]', '2030-01-15');
  await page.dispatchEvent('#readiness input[type=date]', 'change');
  await page.waitForSelector('#readiness .readiness-table tbody tr');
  assert.match(await page.textContent('#readiness .readiness-table'), /\d+%/);
  await screenshot('statistics');
  assert.deepEqual(pageErrors, []);
});
