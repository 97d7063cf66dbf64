// Spoken answers in chromium, whose fake microphone plays speech made by espeak-ng: the recorder
// shows how long the recording lasts (within 0.5 s of the speech), plays it back, and the answer
// keeps it with the review (the API lists it, the file is on disk, the Recordings page plays and
// deletes it). A recording over the cap (recordings_max_mb) is refused with the message on the
// page and nothing stored; a page that is not a secure context says how to get one.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {spawnSync} = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {artifacts, browserOnDeck} = require('./harness.cjs');

const fixtures = path.join(__dirname, 'fixtures');
const SPEECH = 'At my last company the payments service went down. I rolled back the release first, then found the cause with traces.';

// How long a PCM wav file plays, from its header: the data chunk's size over the byte rate.
function wavSeconds(file) {
  const wav = fs.readFileSync(file);
  assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
  assert.equal(wav.toString('ascii', 8, 12), 'WAVE');
  let byteRate = 0;
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(at + 8 + 8);
    if (id === 'data') {
      assert.ok(byteRate > 0, 'the fmt chunk comes before the data chunk');
      return Math.min(size, wav.length - at - 8) / byteRate;
    }
    at += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

// "Spoken 0:04.6 / 60–90 s" -> 4.6
function shownSeconds(text) {
  const match = /(\d+):(\d+(?:\.\d+)?)/.exec(text);
  assert.ok(match, `no duration in "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

let ws, server, browser, page, pageErrors, speech, speechSeconds;

test.before(async () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'rehearse-speech-'));
  speech = path.join(dir, 'answer.wav');
  const made = spawnSync(process.env.REHEARSE_ESPEAK || 'espeak-ng', ['-w', speech, SPEECH], {encoding: 'utf8'});
  assert.equal(made.status, 0, `espeak-ng failed: ${made.stderr}`);
  speechSeconds = wavSeconds(speech);
  ({ws, server, browser, page, pageErrors} = await browserOnDeck(path.join(fixtures, 'review-deck.md'), {viewport: {width: 1000, height: 900}},
    ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${speech}`]));
});

test.after(async () => {
  if (browser) await browser.close();
  if (ws) await ws.close();
  if (speech) fs.rmSync(path.dirname(speech), {recursive: true, force: true});
});

// Records from the fake microphone for `seconds` by the page's own clock, then stops. The stop
// button is pressed from within the page, so that the test's round trips do not lengthen the
// recording.
async function record(target, seconds) {
  await target.click('.recorder .record-button');
  await target.waitForSelector('.recorder[data-started] .record-button.stop');
  await target.evaluate((ms) => new Promise((resolve) => {
    const panel = document.querySelector('.recorder');
    const started = Number(panel.dataset.started);
    const poll = () => {
      if (performance.now() - started < ms) return setTimeout(poll, 5);
      panel.querySelector('.record-button.stop').click();
      resolve();
    };
    poll();
  }), seconds * 1000);
}

function filesIn(folder) {
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

test('a spoken answer: recorded, its length shown and judged, played back, and kept with the review', async () => {
  await page.goto(`${server.url}#/review?deck=${encodeURIComponent('Web review')}`);
  await page.waitForSelector('.card .prompt');
  assert.match(await page.textContent('.card .prompt'), /production outage/);
  assert.match(await page.textContent('.recorder'), /say it in 60–90 s/);

  await record(page, speechSeconds);
  await page.waitForSelector('.recorder .spoken-time');
  await page.screenshot({path: path.join(artifacts, 'web-recording.png'), fullPage: true});
  const shown = await page.textContent('.recorder .spoken-time');
  assert.match(shown, /\/ 60–90 s/);
  assert.ok(Math.abs(shownSeconds(shown) - speechSeconds) <= 0.5,
            `shown ${shown}, but the speech lasts ${speechSeconds.toFixed(2)} s`);
  // The length is the recorded audio's, decoded, not a stopwatch's.
  assert.equal(await page.getAttribute('.recorder .spoken-time', 'data-measured'), 'audio');
  const playback = await page.$eval('.recorder audio.playback', (audio) => ({src: audio.src, controls: audio.controls}));
  assert.match(playback.src, /^blob:/);
  assert.ok(playback.controls);

  await page.fill('textarea.answer-box', 'rolled back the release, traces, found the pool exhausted');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.ratings');
  assert.match(await page.textContent('.time-verdict'), /You spoke for 0:0\d\.\d/);
  // The STAR scorer judged the length from the recording, not from the eight words typed.
  assert.match(await page.textContent('.score'), /\d+ s spoken \(target 60-90 s\)/);
  assert.ok(await page.$('.card audio.playback'), 'the recording plays back beside the answer');

  await page.click('.ratings button[data-rating="3"]');
  await page.waitForSelector('.toast.saved');
  const listed = await page.evaluate(async () => (await fetch('/api/recordings')).json());
  assert.equal(listed.recordings.length, 1);
  const kept = listed.recordings[0];
  assert.match(kept.prompt, /production outage/);
  assert.ok(Math.abs(kept.spoken_seconds - speechSeconds) <= 0.5, `kept ${kept.spoken_seconds} s`);
  assert.equal(listed.bytes, kept.bytes);

  const folder = path.join(ws.dir, 'recordings');
  const files = filesIn(folder);
  assert.equal(files.length, 1);
  assert.equal(fs.statSync(path.join(folder, files[0])).size, kept.bytes);
  const cli = ws.json(['recordings']);
  assert.equal(cli.recordings.length, 1);
  assert.equal(cli.recordings[0].file, path.join(folder, files[0]));
  assert.equal(cli.recordings[0].id, kept.id);
  assert.deepEqual(pageErrors, []);
});

test('the Recordings page plays a recording and deletes it with its file', async () => {
  await page.goto(`${server.url}#/recordings`);
  await page.waitForSelector('.recording');
  assert.match(await page.textContent('.recording'), /production outage/);
  const src = await page.getAttribute('.recording audio.playback', 'src');
  const audio = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return {status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength};
  }, src);
  assert.equal(audio.status, 200);
  assert.match(audio.type, /^audio\//);
  assert.ok(audio.bytes > 1000);
  await page.setViewportSize({width: 360, height: 740});  // a phone: the list fits, nothing scrolls sideways
  await page.screenshot({path: path.join(artifacts, 'web-recordings-phone.png'), fullPage: true});
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth) <= 360);
  await page.click('.recording .delete-recording');
  await page.waitForSelector('#no-recordings');
  assert.deepEqual(filesIn(path.join(ws.dir, 'recordings')), []);
  assert.deepEqual(pageErrors, []);
});

test('a recording over the cap is refused with a message on the page, and nothing is stored', async () => {
  const set = ws.run(['config', 'set', 'recordings_max_mb', '0']);
  assert.equal(set.status, 0, set.stderr);
  const capped = await ws.serve();
  const second = await browser.newPage();
  await second.goto(`${capped.url}#/review?deck=${encodeURIComponent('Web review')}`);
  await second.waitForSelector('.recorder .record-button');
  await record(second, 1);
  await second.waitForSelector('.recorder .record-error');
  assert.match(await second.textContent('.record-error'), /was not kept.*0 KB of the 0 KB allowed.*recordings_max_mb/s);
  assert.equal(await second.$('.recorder .spoken-time'), null);
  const listed = await second.evaluate(async () => (await fetch('/api/recordings')).json());
  assert.equal(listed.recordings.length, 0);
  assert.deepEqual(filesIn(path.join(ws.dir, 'recordings')), []);
  await second.close();
});

test('on a page that is not a secure context the recorder says how to get one, instead of failing', async () => {
  const insecure = await browser.newPage();
  await insecure.addInitScript(() => Object.defineProperty(window, 'isSecureContext', {value: false}));
  await insecure.goto(`${server.url}#/review?deck=${encodeURIComponent('Web review')}`);
  await insecure.waitForSelector('.recorder .record-unavailable');
  assert.match(await insecure.textContent('.record-unavailable'), /127\.0\.0\.1.*--cert FILE --key FILE/s);
  assert.equal(await insecure.$('.recorder .record-button'), null);
  await insecure.close();
});
