// The web app as a user sees it, driven in Debian's headless chromium with playwright-core:
// a review of a whole deck with typed answers, findings, keyboard ratings and undo; an upload,
// good and broken; the card list a page at a time; editing a card; the statistics page. Screenshots are kept in the artefacts folder.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {artifacts, browserOnDeck} = require('./harness.cjs');

const fixtures = path.join(__dirname, 'fixtures');

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
  ({ws, server, browser, page, pageErrors} = await browserOnDeck(path.join(fixtures, 'review-deck.md'), {viewport: {width: 1100, height: 900}}));
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

test('the decks page: the upload box near the top, the card list a page at a time and filtered', async () => {
  let many = '---\ndeck: Many cards\n---\n';
  for (let i = 1; i <= 60; ++i) many += `## Q: Paging question number ${i}\nid: paging-${i}\nanswer: Answer ${i}.\n\n`;
  const imported = ws.run(['import', ws.file('many.md', many)]);
  assert.equal(imported.status, 0, imported.stderr);

  await page.goto(`${server.url}#/decks`);
  await page.waitForSelector('.cards-table');
  // The whole collection (the bundled decks and these) is one short page, with the upload box
  // before the card list.
  const layout = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    importTop: document.querySelector('#import').getBoundingClientRect().top,
    browseTop: document.querySelector('#browse').getBoundingClientRect().top,
    rows: document.querySelectorAll('.cards-table tr[data-card-id]').length}));
  assert.ok(layout.importTop < layout.browseTop, 'the upload box comes before the card list');
  assert.ok(layout.height < 4000, `the page is ${layout.height} px high`);
  assert.equal(layout.rows, 25);
  await screenshot('decks-paged');

  // One deck, a page at a time.
  await page.selectOption('#card-deck', 'Many cards');
  await page.waitForSelector('.page-range:text("Cards 1–25")');
  await page.click('button[data-page=next]');
  await page.waitForSelector('.page-range:text("Cards 26–50")');
  assert.equal(await page.$eval('.cards-table .prompt-cell a', (link) => link.textContent), 'Paging question number 26');
  await page.click('button[data-page=next]');
  await page.waitForSelector('.page-range:text("Cards 51–60 of 60")');
  assert.equal(await page.$eval('button[data-page=next]', (button) => button.disabled), true);
  await page.click('button[data-page=previous]');
  await page.waitForSelector('.page-range:text("Cards 26–50")');

  // A search starts again from its first page.
  await page.fill('#card-search', 'number 42');
  await page.waitForSelector('.results :text("1 card")');
  assert.equal(await page.$$eval('.cards-table tr[data-card-id]', (rows) => rows.length), 1);
  assert.deepEqual(pageErrors, []);
});

test('editing a card of a Markdown deck of mine writes it back into the file, progress kept', async () => {
  const deck = '---\ndeck: Edited in the browser\n---\n\nMy notes.\n\n## Q: What is a circuit breaker?\nid: breaker\n'
             + 'answer: It stops calls.\nkey points:\n- Fails fast\n\n## Q: What is a bulkhead?\nid: bulkhead\nanswer: Isolation.\n';
  const file = ws.file('mine.md', deck);
  assert.equal(ws.run(['import', file]).status, 0);
  const before = ws.json(['stats']).cards;

  await page.goto(`${server.url}#/decks`);
  await page.fill('#card-search', 'circuit breaker');
  await page.click('.cards-table a:text("What is a circuit breaker?")');
  await page.click('.detail-row button[data-action=edit]');
  await page.fill('#edit-prompt', 'What does a circuit breaker do?');
  await page.fill('#edit-answer', 'It stops calling a failing service, then tries again after a pause.');
  await page.fill('#edit-key-points', 'Fails fast | fail fast\nHalf-open state | probe');
  await page.fill('#edit-pitfalls', 'Retrying forever');
  await page.fill('#edit-themes', 'reliability, resilience');
  await screenshot('card-editor');
  await page.click('.card-editor button[type=submit]');
  await page.waitForSelector('.toast:text("Saved to")');
  await page.waitForSelector('.cards-table a:text("What does a circuit breaker do?")');
  await screenshot('card-edited');

  // The card's block in the file is the new text; the rest of the file is as it was.
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(text, '---\ndeck: Edited in the browser\n---\n\nMy notes.\n\n## Q: What does a circuit breaker do?\nid: breaker\n'
                     + 'themes: reliability, resilience\nanswer:\nIt stops calling a failing service, then tries again after a pause.\n'
                     + 'key points:\n- Fails fast | fail fast\n- Half-open state | probe\navoid:\n- Retrying forever\n\n'
                     + '## Q: What is a bulkhead?\nid: bulkhead\nanswer: Isolation.\n');
  assert.equal(ws.json(['stats']).cards, before, 'the same card, not a new one');
  assert.deepEqual(pageErrors, []);
});

test('editing a card imported from CSV keeps my version; reset goes back to the source', async () => {
  const file = ws.file('list.csv', 'question,answer,deck\nWhat is a saga?,A sequence of local transactions,From CSV\n');
  assert.equal(ws.run(['import', file]).status, 0);

  await page.goto(`${server.url}#/decks`);
  await page.fill('#card-search', 'What is a saga');
  await page.click('.cards-table a:text("What is a saga?")');
  await page.click('.detail-row button[data-action=edit]');
  await page.fill('#edit-answer', 'Local transactions with compensating steps.');
  await page.click('.card-editor button[type=submit]');
  await page.waitForSelector('.toast:text("Saved as your version")');
  await page.waitForSelector('.detail-row :text("Local transactions with compensating steps.")');
  assert.match(fs.readFileSync(file, 'utf8'), /A sequence of local transactions/, 'the CSV file is not written');
  assert.match(ws.run(['export', 'From CSV', '-']).stdout, /Local transactions with compensating steps\./);

  // An empty prompt is refused, and nothing is saved.
  await page.click('.detail-row button[data-action=edit]');
  await page.fill('#edit-prompt', '');
  await page.$eval('#edit-prompt', (input) => input.removeAttribute('required'));
  await page.click('.card-editor button[type=submit]');
  await page.waitForSelector('.edit-result :text("Nothing was saved")');
  await page.click('.card-editor button:text("Cancel")');

  await page.click('.detail-row button[data-action=reset]');
  await page.waitForSelector('.detail-row :text("A sequence of local transactions")');
  assert.match(ws.run(['export', 'From CSV', '-']).stdout, /A sequence of local transactions/);
  assert.deepEqual(pageErrors, []);
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
