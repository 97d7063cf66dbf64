// Saying the answer out loud: the Record button of the review page. It records the microphone
// (MediaRecorder), shows the time spoken against the card's target while recording, then offers
// the recording to play back and sends it to the server, which keeps it with the review once the
// card is rated. There is no speech recognition: the user types notes of what they said, and the
// scorers judge those, with the length taken from the recording.
import {api} from './api.js';
import {h, clear} from './dom.js';

// "1:05", or with tenths "1:05.3": the time spoken.
export function spokenClock(seconds, tenths = false) {
  const whole = Math.max(0, tenths ? seconds : Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole - minutes * 60;
  const text = tenths ? rest.toFixed(1).padStart(4, '0') : String(Math.floor(rest)).padStart(2, '0');
  return `${minutes}:${text}`;
}

function targetText(target) {
  return target ? ` / ${target[0]}–${target[1]} s` : '';
}

// Why recording cannot work on this page, or null when it can. Browsers give the microphone only
// to a secure page: served from this computer (127.0.0.1, localhost) or over TLS.
function unavailableReason() {
  if (!window.isSecureContext)
    return 'Recording needs a secure page: open rehearse at http://127.0.0.1 on this computer, or serve it over TLS '
      + 'with `rehearse serve --cert FILE --key FILE` to record on a phone.';
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder)
    return 'This browser cannot record audio (no getUserMedia or MediaRecorder).';
  return null;
}

// How long `blob` plays, decoded; null when the browser cannot decode what it recorded. Recorded
// WebM carries no duration in its header, so only decoding it tells.
async function decodedSeconds(blob) {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return null;
  const context = new Context();
  try {
    const buffer = await context.decodeAudioData(await blob.arrayBuffer());
    return buffer.duration;
  } catch (error) {
    return null;
  } finally {
    context.close();
  }
}

// The recorder for card `card` (its id and target_seconds). `kept`: what the server holds for it
// already ({spoken_seconds}) with `playback`, the address of its audio in this page, if any.
// `onKept(recording)` is told each recording the server accepted, with its address in the page.
export function recorderPanel(card, {kept = null, playback = null, onKept = () => {}} = {}) {
  const target = card.target_seconds || null;
  const panel = h('div', {class: 'recorder', 'aria-label': 'Spoken answer'});
  const reason = unavailableReason();
  if (reason) {
    panel.append(h('p', {class: 'record-unavailable'}, reason));
    return panel;
  }

  let recorder = null;
  let stream = null;
  let ticker = null;
  let abandoned = false;  // the page moved on while recording: nothing is sent

  function finished(seconds, url, measured) {
    // Element.append() would write a null as the text "null": a div built with h() skips it.
    clear(panel).append(h('div', {class: 'record-done'},
      h('div', {class: 'record-row'},
        h('button', {type: 'button', class: 'record-button', onclick: start}, '● Record again'),
        h('span', {class: 'spoken-time', 'data-measured': measured}, `Spoken ${spokenClock(seconds, true)}${targetText(target)}`)),
      url ? h('audio', {class: 'playback', controls: true, src: url, preload: 'metadata'}) : null,
      h('p', {class: 'muted record-hint'}, 'Now type notes of what you said, then reveal the answer: the notes are scored, the length is the recording\'s.')));
    if (target) panel.dataset.phase = seconds < target[0] ? 'early' : seconds <= target[1] ? 'on-target' : 'over';
  }

  function idle(message) {
    clear(panel).append(h('div', {class: 'record-row'},
      h('button', {type: 'button', class: 'record-button', onclick: start}, '● Record'),
      h('span', {class: 'muted'}, target ? `say it in ${target[0]}–${target[1]} s` : 'say it out loud')));
    if (message) panel.append(h('p', {class: 'error-box record-error', role: 'alert'}, message));
  }

  async function start() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({audio: true});
    } catch (error) {
      idle(`The microphone cannot be used: ${error.message || error.name}. Allow it for this page and try again.`);
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream);
    let started = 0;
    const clock = h('span', {class: 'record-clock', role: 'timer'}, `0:00${targetText(target)}`);
    clear(panel).append(h('div', {class: 'record-row recording'},
      h('button', {type: 'button', class: 'record-button stop', onclick: stop}, '■ Stop'),
      h('span', {class: 'record-dot', 'aria-hidden': 'true'}), clock));
    recorder.addEventListener('dataavailable', (event) => { if (event.data.size) chunks.push(event.data); });
    recorder.addEventListener('start', () => {
      started = performance.now();
      panel.dataset.started = String(started);
      ticker = setInterval(() => {
        const seconds = (performance.now() - started) / 1000;
        clock.textContent = `${spokenClock(seconds)}${targetText(target)}`;
        if (target) panel.dataset.phase = seconds < target[0] ? 'early' : seconds <= target[1] ? 'on-target' : 'over';
      }, 250);
    });
    recorder.addEventListener('stop', async () => {
      const clocked = (performance.now() - started) / 1000;
      clearInterval(ticker);
      delete panel.dataset.started;
      for (const track of stream.getTracks()) track.stop();
      if (abandoned) return;
      const blob = new Blob(chunks, {type: recorder.mimeType || 'audio/webm'});
      const decoded = await decodedSeconds(blob);
      const seconds = decoded ?? clocked;
      await upload(blob, seconds, decoded !== null ? 'audio' : 'clock');
    });
    recorder.start();
  }

  function stop() {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }

  async function upload(blob, seconds, measured) {
    clear(panel).append(h('p', {class: 'muted'}, 'Saving the recording…'));
    const form = new FormData();
    form.append('card_id', String(card.id));
    form.append('spoken_ms', String(Math.round(seconds * 1000)));
    form.append('audio', blob, `answer.${blob.type.includes('ogg') ? 'ogg' : blob.type.includes('mp4') ? 'm4a' : 'webm'}`);
    try {
      await api.upload('/api/review/recording', form);
    } catch (error) {
      idle(error.message);  // e.g. over the cap (HTTP 413): nothing was kept
      return;
    }
    const url = URL.createObjectURL(blob);
    onKept({spoken_seconds: seconds, url});
    finished(seconds, url, measured);
  }

  if (kept) finished(kept.spoken_seconds, playback, 'server');
  else idle();
  panel.recording = () => Boolean(recorder && recorder.state !== 'inactive');
  panel.stop = () => {  // the page moves on: let go of the microphone
    abandoned = true;
    clearInterval(ticker);
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    if (stream) for (const track of stream.getTracks()) track.stop();
  };
  return panel;
}
