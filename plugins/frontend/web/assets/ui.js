// Messages shared by the pages: short notes that fade, errors, the due count in the navigation and
// the sync state in the bar.
import {h, clear} from './dom.js';

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const note = h('div', {class: ['toast', kind], role: kind === 'error' ? 'alert' : 'status'}, message);
  box.append(note);
  setTimeout(() => note.classList.add('leaving'), kind === 'error' ? 7000 : 3500);
  setTimeout(() => note.remove(), kind === 'error' ? 7600 : 4100);
}

// Shows an API error; a stale session means the page itself must be reloaded.
export function showError(error, where) {
  if (error.reload) {
    clear(document.getElementById('page')).append(h('section', {class: 'panel notice'}, h('h2', {}, 'This page is out of date'),
        h('p', {}, error.message), h('button', {type: 'button', class: 'primary', onclick: () => location.reload()}, 'Reload')));
    return;
  }
  if (where) clear(where).append(h('div', {class: 'error-box', role: 'alert'}, error.message));
  else toast(error.message, 'error');
}

export function setDueBadge(count) {
  const badge = document.getElementById('due-badge');
  badge.hidden = !count;
  badge.textContent = count > 99 ? '99+' : String(count);
}

// `sync` as the server sends it (null: no sync server, and nothing to show). The time of the last
// sync is this browser's local time; the day is left out while it is today.
export function setSyncState(sync) {
  const line = document.getElementById('sync-state');
  line.hidden = !sync;
  if (!sync) return;
  const waiting = sync.waiting.reviews + sync.waiting.cards + sync.waiting.settings;
  let text = 'Not synced yet';
  if (sync.last_sync) {
    const when = new Date(sync.last_sync);
    const time = when.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
    text = `Synced ${when.toDateString() === new Date().toDateString() ? time : `${when.toLocaleDateString()} ${time}`}`;
  }
  line.textContent = waiting ? `${text} · ${waiting} waiting` : text;
  line.title = `Sync server ${sync.server}: ${sync.waiting.reviews} answers, ${sync.waiting.cards} cards and `
    + `${sync.waiting.settings} settings wait for the next \`rehearse sync\``;
}
