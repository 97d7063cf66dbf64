// Writing a story in the web app, driven in Debian's headless chromium with playwright-core: the
// "Write a story" page reached from the story bank, a step at a time with the STAR rubric's
// findings, an empty action refused, the whole story saved into decks/my-stories.md and shown in
// the story bank; the API refuses an empty action and a request without the page's token; and
// `rehearse story new --frontend web` names the page. Screenshots are kept in the artefacts folder.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {spawn} = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {artifacts, browserOnDeck, NOW} = require('./harness.cjs');

const fixtures = path.join(__dirname, 'fixtures');

let ws, server, browser, page, pageErrors;

async function screenshot(name) {
  await page.screenshot({path: path.join(artifacts, `web-story-${name}.png`), fullPage: true});
}

// Writes `text` into the step on screen and moves on to the step `following` (or the whole story).
async function writeStep(name, text, following) {
  await page.waitForSelector(`.story-step[data-step="${name}"]`);
  await page.fill('#story-input', text);
  await page.click('#story-next');
  await page.waitForSelector(following ? `.story-step[data-step="${following}"]` : '.story-review');
}

// A JSON request from the page, with its session cookie and (unless `token` is false) its token.
function fromPage(method, url, body, token = true) {
  return page.evaluate(async ([method, url, body, token]) => {
    const headers = {'Content-Type': 'application/json'};
    if (token) headers['X-Rehearse-Token'] = document.querySelector('meta[name="csrf-token"]').content;
    const response = await fetch(url, {method, headers, body: body === null ? undefined : JSON.stringify(body)});
    return {status: response.status, json: await response.json()};
  }, [method, url, body, token]);
}

test.before(async () => {
  ({ws, server, browser, page, pageErrors} = await browserOnDeck(path.join(fixtures, 'review-deck.md'), {viewport: {width: 1100, height: 900}}));
});

test.after(async () => {
  if (browser) await browser.close();
  if (ws) await ws.close();
});

test('a story written on the page, step by step, lands in my-stories.md and in the story bank', async () => {
  // From the story bank: a theme no story covers links to the page with that theme filled in.
  await page.goto(`${server.url}#/stats`);
  await page.waitForSelector('#story-bank .story-gaps');
  const gap = await page.$('#story-bank a.gap-theme');
  const theme = gap ? await gap.textContent() : '';
  await (gap || await page.$('#story-bank a:has-text("Write a story")')).click();
  await page.waitForSelector('.story-step[data-step="title"]');
  assert.ok(await page.isVisible('nav a[data-page="story"]'), 'the navigation links to the page');
  const file = path.join(ws.dir, 'decks', 'my-stories.md');
  assert.match(await page.textContent('.story-page'), /my-stories\.md/);

  await writeStep('title', 'Checkout outage I led', 'situation');
  await writeStep('situation', 'Our checkout API at 3k requests per second failed during a regional failover; 18% of orders failed.', 'task');
  await writeStep('task', 'As on-call lead I owned mitigation and the root-cause fix.', 'action');

  // An empty action is refused with what to fill in.
  await page.click('#story-next');
  await page.waitForSelector('.story-message .error-box');
  assert.match(await page.textContent('.story-message'), /A story needs its action: what you did/);
  assert.ok(await page.$('.story-step[data-step="action"]'), 'still at the action');

  await writeStep('action', '- I rolled back the deploy after the error graph lined up with it.\n'
                  + '- I traced it to a connection pool exhausted by the failover, instead of scaling the database.', 'result');
  let findings = await page.textContent('.story-findings');
  assert.match(findings, /The STAR rubric on your action/);
  assert.match(findings, /ownership/);
  assert.doesNotMatch(findings, /quantified result/);
  await screenshot('after-action');

  await writeStep('result', 'Errors fell from 18% to under 0.5% within 12 minutes.', 'lesson');
  assert.match(await page.textContent('.story-findings'), /quantified result/);
  await writeStep('lesson', 'I now load test failover paths before a release.', 'themes');
  assert.equal(await page.inputValue('#story-input'), theme, 'the theme from the story bank is filled in');
  await page.fill('#story-input', '');
  await page.click('.theme-choice:has-text("incident")');
  await page.click('.theme-choice:has-text("reliability")');
  assert.equal(await page.inputValue('#story-input'), 'incident, reliability');
  await page.click('#story-next');
  await page.waitForSelector('.story-review');
  const review = await page.textContent('.story-review');
  assert.match(review, /The whole story, as the STAR rubric reads it/);
  assert.match(review, /\/100/);
  assert.match(review, /I traced it to a connection pool/);
  assert.doesNotMatch(review, /- I traced/, 'one action a line, the list markers dropped');
  assert.ok(!fs.existsSync(file), 'nothing is written before the story is saved');
  await screenshot('review');

  await page.click('#story-save');
  await page.waitForSelector('.story-saved');
  assert.equal(await page.textContent('.story-saved .story-file'), file);
  await screenshot('saved');
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /## S: Checkout outage I led/);
  assert.match(text, /- I traced it to a connection pool/);
  assert.match(text, /themes: incident, reliability/);

  // The story bank the statistics page draws has it, imported at once.
  const stats = await fromPage('GET', '/api/stats', null);
  assert.equal(stats.status, 200);
  const story = stats.json.story_bank.stories.find((s) => s.prompt === 'Checkout outage I led');
  assert.ok(story, 'the story is in the story bank');
  assert.deepEqual(story.themes, ['incident', 'reliability']);
  await page.goto(`${server.url}#/stats`);
  await page.waitForSelector('#story-bank svg');
  assert.match(await page.textContent('#story-bank svg'), /Checkout outage I led/);
  assert.deepEqual(pageErrors, []);
});

test('the API scores a draft, refuses an empty action, and takes no request without the page token', async () => {
  await page.goto(`${server.url}#/story`);
  await page.waitForSelector('.story-step');
  const draft = {title: 'No action yet', situation: 'A situation.', task: 'My task.', action: '', result: 'It got better by 10%.'};
  const scored = await fromPage('POST', '/api/story/score', {...draft, step: 'result'});
  assert.equal(scored.status, 200);
  assert.deepEqual(scored.json.missing, ['action']);
  assert.ok(scored.json.findings.every((f) => ['quantified result', 'all four STAR parts', 'situation and task kept short'].includes(f.criterion)));

  const refused = await fromPage('POST', '/api/story/save', draft);
  assert.equal(refused.status, 400);
  assert.match(refused.json.error.message, /a story needs its action \(what you did/);
  const tokenless = await fromPage('POST', '/api/story/save', {...draft, action: 'I fixed it.'}, false);
  assert.equal(tokenless.status, 403);
  assert.ok(!ws.json(['stories']).stories.some((s) => s.title === 'No action yet'));
});

test('`rehearse story new --frontend web` serves the app and names the page', async () => {
  const child = spawn(process.env.REHEARSE_PROGRAM, ['--collection', ws.collection, '--now', NOW, 'story', 'new', '--frontend', 'web', '--port', '0'],
                      {cwd: ws.dir, env: {...process.env, TZ: 'UTC'}});
  let stdout = '';
  const address = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Write your story at (http:\/\/\S+#\/story)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`rehearse story new --frontend web exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await page.goto(address);
    await page.waitForSelector('.story-step[data-step="title"]');
  } finally {
    child.kill('SIGINT');
    await exited;
  }
});
