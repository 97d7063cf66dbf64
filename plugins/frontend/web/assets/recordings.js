// The recordings page: the spoken answers kept with their reviews (in recordings/ beside the
// collection), each to play or delete, and how much of the cap (recordings_max_mb) they take.
import {api} from './api.js';
import {h, clear, plural} from './dom.js';
import {showError, toast} from './ui.js';
import {spokenClock} from './recorder.js';

function megabytes(bytes) {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export async function recordingsPage(root) {
  const view = h('section', {class: 'panel recordings-page'});
  root.append(view);
  async function load() {
    let data;
    try {
      data = await api.get('/api/recordings');
    } catch (error) {
      showError(error, view);
      return;
    }
    clear(view).append(h('h2', {}, 'Recordings'),
      h('p', {class: 'muted', id: 'recordings-usage'},
        `${plural(data.recordings.length, 'recording')}, ${megabytes(data.bytes)} of the ${megabytes(data.max_bytes)} allowed `
        + '(`rehearse config set recordings_max_mb N` changes it).'));
    if (!data.recordings.length) {
      view.append(h('p', {id: 'no-recordings'}, 'No recordings yet. Press Record on the review page to say an answer out loud.'));
      return;
    }
    view.append(h('ul', {class: 'recording-list'}, data.recordings.map((r) => h('li', {class: 'recording', 'data-id': r.id},
      h('div', {class: 'recording-text'},
        h('strong', {}, r.prompt),
        h('div', {class: 'muted'}, `${r.deck} · ${r.reviewed_at} · spoken ${spokenClock(r.spoken_seconds, true)} · ${Math.ceil(r.bytes / 1024)} KB`)),
      h('audio', {class: 'playback', controls: true, preload: 'none', src: `/api/recordings/${r.id}/audio`}),
      h('button', {type: 'button', class: 'delete-recording', onclick: async () => {
        try {
          await api.post(`/api/recordings/${r.id}/delete`);
          toast('The recording was deleted; its review stays.');
          load();
        } catch (error) {
          showError(error);
        }
      }}, 'Delete')))));
  }
  await load();
  return {};
}
