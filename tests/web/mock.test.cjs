// The Mock interview page in headless chromium: a question with the user's story that fits it,
// its follow-ups, a rating, the next question's text kept as text, and the report when the user
// ends the interview. Every answer is a review, saved before the next question shows.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const {artifacts, browserOnDeck} = require('./harness.cjs');

let ws, server, browser, page, pageErrors;

test.before(async () => {
  ({ws, server, browser, page, pageErrors} = await browserOnDeck(path.join(__dirname, 'fixtures', 'review-deck.md'),
                                                                  {viewport: {width: 1100, height: 900}}));
});

test.after(async () => {
  if (browser) await browser.close();
  if (ws) await ws.close();
});

test('a mock interview: stories, follow-ups, a rating, then the report', async () => {
  await page.goto(`${server.url}#/mock`);
  await page.fill('#mock-minutes', '10');
  await page.fill('#mock-deck', 'Web review');
  await page.click('#mock-start');
  await page.waitForSelector('.mock-question');
  assert.equal(await page.textContent('.mock-question .prompt'), 'Tell me about a time you handled a production outage');
  assert.match(await page.textContent('.mock-stories'), /The checkout latency incident/);
  assert.match(await page.textContent('#mock-clock'), /^0:0\d of 10:00$/);

  await page.fill('#mock-text', 'I rolled back the release first, then used metrics and traces to find the cause.');
  await page.click('#mock-next');
  // The question has no follow-ups of its own: the generic ones of its first theme, incident.
  await page.waitForSelector('.mock-ask:has-text("Follow-up: How did you know the fix had worked?")');
  await page.fill('#mock-text', 'The error rate went back to its usual level.');
  await page.click('#mock-next');
  await page.waitForSelector('.mock-ask:has-text("Follow-up:")');
  await page.fill('#mock-text', 'We added an alert.');
  await page.click('#mock-next');
  await page.waitForSelector('#mock-suggested');
  assert.match(await page.textContent('.mock-question'), /\/100/);
  await page.screenshot({path: path.join(artifacts, 'web-mock-rating.png'), fullPage: true});
  await page.click('.ratings button[data-rating="3"]');

  // Saved before the next question shows; its markup in the prompt is text, not markup.
  await page.waitForFunction(() => /cache-aside/.test(document.querySelector('.mock-question .prompt')?.textContent || ''));
  assert.equal(ws.json(['stats']).reviews_total, 1);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  await page.click('#mock-finish');
  await page.waitForSelector('#mock-report');
  const report = await page.textContent('#mock-report');
  assert.match(report, /1 question in/);
  assert.match(report, /Tell me about a time you handled a production outage/);
  assert.match(report, /good/);
  assert.match(report, /Practise next/);
  await page.screenshot({path: path.join(artifacts, 'web-mock-report.png'), fullPage: true});
  assert.equal(ws.json(['stats']).reviews_total, 1);
  assert.deepEqual(pageErrors, []);
});

test('the Mock page fits a 360 px screen: the start form, a question, its rating', async () => {
  const phone = await browser.newPage({viewport: {width: 360, height: 740}});  // a browser session of its own
  const errors = [];
  phone.on('pageerror', (error) => errors.push(error.message));
  const assertFits = async (name) => {
    await phone.screenshot({path: path.join(artifacts, `web-phone-mock-${name}.png`), fullPage: true});
    const width = await phone.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 360, `${name}: the page is ${width} px wide at a 360 px screen`);
  };
  await phone.goto(`${server.url}#/mock`);
  await phone.waitForSelector('#mock-start');
  await assertFits('start');
  await phone.fill('#mock-deck', 'Web review');
  await phone.click('#mock-start');
  await phone.waitForSelector('.mock-question #mock-text');
  await assertFits('question');
  await phone.click('#mock-next');  // an empty answer passes the question: straight to the rating
  await phone.waitForSelector('#mock-suggested');
  assert.match(await phone.textContent('#mock-suggested'), /again \(passed\)/);
  await assertFits('rating');
  await phone.click('#mock-finish');
  await phone.waitForSelector('#mock-report');
  await assertFits('report');
  assert.deepEqual(errors, []);
  await phone.close();
});
