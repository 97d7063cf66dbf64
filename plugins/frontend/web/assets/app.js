// The web app's shell: navigation between the review, decks, story and statistics pages, messages, and
// the keyboard shortcuts every page shares.
import {clear} from './dom.js';
import {reviewPage} from './review.js';
import {decksPage} from './decks.js';
import {statsPage} from './stats.js';
import {devicesPage} from './devices.js';
import {recordingsPage} from './recordings.js';
import {mockPage} from './mock.js';
import {storyPage} from './story.js';

const pages = {review: reviewPage, mock: mockPage, decks: decksPage, story: storyPage, stats: statsPage, devices: devicesPage, recordings: recordingsPage};
const root = document.getElementById('page');
let current = null;  // {name, keydown, leave}

// "#/decks?deck=X&q=Y" -> {name: 'decks', params}
function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const name = pages[path] ? path : 'review';
  return {name, params: new URLSearchParams(query || '')};
}

async function show() {
  const {name, params} = route();
  if (current && current.leave) current.leave();
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.page === name);
  clear(root);
  document.title = `rehearse · ${{review: 'Review', mock: 'Mock interview', decks: 'Decks', story: 'Write a story', stats: 'Statistics', devices: 'Devices', recordings: 'Recordings'}[name]}`;
  current = {name};
  const page = await pages[name](root, params);
  if (current && current.name === name) Object.assign(current, page || {});
}

function typing(target) {
  return target.closest && target.closest('input, textarea, select, [contenteditable]');
}

document.addEventListener('keydown', (event) => {
  const help = document.getElementById('help');
  if (help.open) return;
  if (current && current.keydown && current.keydown(event)) {
    event.preventDefault();
    return;
  }
  if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
  const go = {r: '#/review', d: '#/decks', s: '#/stats'}[event.key];
  if (go) {
    location.hash = go;
    event.preventDefault();
  } else if (event.key === '?') {
    help.showModal();
    event.preventDefault();
  } else if (event.key === '/') {
    location.hash = '#/decks?search=1';
    event.preventDefault();
  }
});

document.getElementById('help-button').addEventListener('click', () => document.getElementById('help').showModal());
window.addEventListener('hashchange', show);
show();
