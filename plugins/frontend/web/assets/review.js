// The review page: the prompt, a running timer, the answer box, then the model answer, what the
// scorers found in the typed answer, and the rating.
import {api} from './api.js';
import {h, clear, plural} from './dom.js';
import {toast, showError, setDueBadge, setSyncState} from './ui.js';
import {recorderPanel, spokenClock} from './recorder.js';

const RATINGS = [
  {key: 1, name: 'again', label: 'Again', hint: 'forgot it'},
  {key: 2, name: 'hard', label: 'Hard', hint: 'with effort'},
  {key: 3, name: 'good', label: 'Good', hint: 'recalled it'},
  {key: 4, name: 'easy', label: 'Easy', hint: 'effortless'},
];
const KIND_LABELS = {question: 'Question', keypoint: 'Explain', story: 'Your story'};
const TIMER_SCALE_SECONDS = 120;

function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function countsLine(counts) {
  return h('div', {class: 'counts', title: 'Left today'},
    h('span', {class: 'count new'}, h('b', {}, counts.new), ' new'),
    h('span', {class: 'count learning'}, h('b', {}, counts.learning), ' learning'),
    h('span', {class: 'count review'}, h('b', {}, counts.review), ' review'));
}

// The timer: a running clock, and for spoken answers a bar with the 60-90 s target marked.
class Timer {
  constructor(card, elapsedMs) {
    this.target = card.target_seconds || null;
    this.started = performance.now() - elapsedMs;
    this.label = h('span', {class: 'timer-clock'});
    this.fill = h('div', {class: 'timer-fill'});
    const bar = this.target ? h('div', {class: 'timer-bar', 'aria-hidden': 'true'},
      h('div', {class: 'timer-zone', 'data-from': this.target[0], 'data-to': this.target[1]}), this.fill) : null;
    if (bar) {
      const zone = bar.firstChild;
      zone.style.left = `${(100 * this.target[0]) / TIMER_SCALE_SECONDS}%`;
      zone.style.width = `${(100 * (this.target[1] - this.target[0])) / TIMER_SCALE_SECONDS}%`;
    }
    const hint = this.target ? h('span', {class: 'timer-hint'}, `aim for ${clock(this.target[0])}–${clock(this.target[1])} spoken`) : null;
    this.element = h('div', {class: 'timer'}, h('span', {class: 'timer-icon', 'aria-hidden': 'true'}, '⏱'), this.label, bar, hint);
    this.tick();
    this.interval = setInterval(() => this.tick(), 250);
  }

  seconds() { return (performance.now() - this.started) / 1000; }

  tick(fixedSeconds) {
    const seconds = fixedSeconds ?? this.seconds();
    this.label.textContent = clock(seconds);
    if (!this.target) return;
    this.fill.style.width = `${Math.min(100, (100 * seconds) / TIMER_SCALE_SECONDS)}%`;
    const phase = seconds < this.target[0] ? 'early' : seconds <= this.target[1] ? 'on-target' : 'over';
    this.element.dataset.phase = phase;
  }

  stop(seconds) {
    clearInterval(this.interval);
    this.tick(seconds);
  }
}

// The time it took to answer; typing is not speaking, so the spoken length is judged by the STAR
// scorer's "length" finding, not by this clock.
function timeVerdict(seconds, target, spoken) {
  if (spoken) return `You spoke for ${spokenClock(spoken.spoken_seconds, true)}${target ? ` (aim for ${target[0]}–${target[1]} s)` : ''}; "length" below judges that, not the notes.`;
  if (!target) return `You took ${clock(seconds)}.`;
  return `You took ${clock(seconds)} to answer. Said aloud, an answer like this should take ${target[0]}–${target[1]} s; ` +
    `"length" below judges yours.`;
}

function scoreSection(score) {
  if (!score) return null;
  const parts = score.parts.filter((part) => part.findings.length || part.summary);
  const head = score.score !== null
    ? h('p', {class: 'score-head'}, h('span', {class: 'score-value'}, `${Math.round(score.score)}`), '/100',
        score.suggestion ? h('span', {class: ['suggestion', score.suggestion]}, `suggests ${score.suggestion}`) : null)
    : score.suggestion ? h('p', {class: 'score-head'}, h('span', {class: ['suggestion', score.suggestion]}, `suggests ${score.suggestion}`)) : null;
  return h('section', {class: 'score', 'aria-label': 'What your answer covered'},
    h('h2', {}, 'Your answer'), head,
    parts.map((part) => h('div', {class: 'scorer'},
      h('h3', {}, part.scorer, part.score !== null ? h('span', {class: 'muted'}, ` ${Math.round(part.score)}/100`) : null),
      part.summary ? h('p', {class: 'muted'}, part.summary) : null,
      h('ul', {class: 'findings'}, part.findings.map((f) => h('li', {class: f.met ? 'met' : 'missed'},
        h('span', {class: 'mark', 'aria-label': f.met ? 'met' : 'missing'}, f.met ? '✓' : '✗'),
        h('div', {},
          h('span', {class: 'criterion'}, f.criterion),
          f.evidence ? h('q', {class: 'evidence'}, f.evidence) : null,
          !f.met && f.advice ? h('p', {class: 'advice'}, f.advice) : null)))))),
    score.errors.map((error) => h('p', {class: 'error-box'}, `Scoring failed: ${error}`)));
}

function answerSection(back) {
  const story = back.story;
  return h('section', {class: 'model', 'aria-label': 'Model answer'},
    h('h2', {}, back.template ? 'Write your own version' : story && !back.answer ? 'Your story' : 'Model answer'),
    back.template ? h('p', {class: 'hint'}, 'This is a template, not a model answer: tell a story of your own that fits it, and write it down with `rehearse story new`.') : null,
    story ? h('dl', {class: 'star'},
      [['Situation', story.situation], ['Task', story.task]].map(([label, text]) => text ? [h('dt', {}, label), h('dd', {}, text)] : null),
      story.actions.length ? [h('dt', {}, 'Action'), h('dd', {}, h('ol', {}, story.actions.map((a) => h('li', {}, a))))] : null,
      [['Result', story.result], ['Lesson', story.lesson]].map(([label, text]) => text ? [h('dt', {}, label), h('dd', {}, text)] : null)) : null,
    back.answer ? h('div', {class: 'answer-text'}, back.answer) : null,
    back.key_points.length ? [h('h3', {}, 'Key points'), h('ul', {class: 'key-points'}, back.key_points.map((p) =>
      h('li', {}, p.text, p.aliases.length ? h('span', {class: 'aliases'}, ` — also: ${p.aliases.join(', ')}`) : null)))] : null,
    back.pitfalls.length ? [h('h3', {}, 'Avoid'), h('ul', {class: 'pitfalls'}, back.pitfalls.map((p) => h('li', {}, p)))] : null,
    back.themes.length ? h('p', {class: 'themes'}, 'Themes: ', back.themes.map((t) => h('span', {class: 'chip'}, t))) : null);
}

export async function reviewPage(root, params) {
  let state = null;
  let timer = null;
  let busy = false;
  let deckNames = [];
  let recorder = null;
  const playbacks = new Map();  // card id -> the address of its recording in this page

  const view = h('section', {class: 'review'});
  root.append(view);

  function draftKey() { return state && state.card ? `rehearse-draft-${state.card.id}` : null; }

  async function act(request) {
    if (busy) return;
    busy = true;
    try {
      const next = await request();
      if (next.saved) toast(`Saved: ${next.saved.rating} · next ${next.saved.next}`, 'saved');
      render(next);
    } catch (error) {
      showError(error);
      if (!error.reload) await load();
    } finally {
      busy = false;
    }
  }

  function reveal() {
    if (recorder && recorder.recording()) {  // revealing now would drop what is being said
      toast('Stop the recording first: its length counts in the score.', 'warning');
      return;
    }
    const box = view.querySelector('textarea');
    const text = box ? box.value : '';
    return act(() => api.post('/api/review/reveal', {card_id: state.card.id, text}));
  }

  function rate(key) {
    const key_ = draftKey();
    if (key_) sessionStorage.removeItem(key_);
    const playback = playbacks.get(state.card.id);
    if (playback) URL.revokeObjectURL(playback);  // the server keeps it now: the Recordings page plays it
    playbacks.delete(state.card.id);
    return act(() => api.post('/api/review/answer', {card_id: state.card.id, rating: key}));
  }

  function undo() { return act(() => api.post('/api/review/undo')); }

  function deckPicker() {
    const select = h('select', {'aria-label': 'Deck', onchange: () => act(() => api.post('/api/review/start', {deck: select.value}))},
      h('option', {value: ''}, 'All decks'),
      deckNames.map((name) => h('option', {value: name}, name)));
    select.value = state.deck;
    return select;
  }

  function render(next) {
    state = next;
    if (timer) timer.stop();
    timer = null;
    if (recorder) recorder.stop();
    recorder = null;
    setDueBadge(state.counts.total);
    setSyncState(state.sync);
    if (state.notice) toast(state.notice, 'warning');
    clear(view).append(h('div', {class: 'review-bar'}, deckPicker(), countsLine(state.counts),
      h('button', {type: 'button', class: 'ghost', disabled: !state.can_undo, onclick: undo, title: 'Undo the last answer (u)'}, '↶ Undo')));
    if (!state.card) {
      view.append(done());
      return;
    }
    const card = state.card;
    timer = new Timer(card, state.elapsed_ms);
    const panel = h('article', {class: ['panel', 'card', card.kind], 'data-card-id': card.id},
      h('div', {class: 'card-meta'}, h('span', {class: ['kind', card.kind]}, KIND_LABELS[card.kind]), h('span', {class: 'deck'}, card.deck),
        card.state === 'new' ? h('span', {class: 'chip'}, 'new') : null),
      h('h1', {class: 'prompt'}, card.prompt),
      card.kind === 'story' ? h('p', {class: 'hint'}, 'Tell it in STAR order: situation, task, action, result, and what you learned.') : null,
      timer.element);
    view.append(panel);
    if (!state.revealed) {
      const box = h('textarea', {class: 'answer-box', rows: 7, 'aria-label': 'Your answer',
        placeholder: 'Type your answer, or say it out loud and reveal.'});
      box.value = sessionStorage.getItem(draftKey()) || '';
      box.addEventListener('input', () => sessionStorage.setItem(draftKey(), box.value));
      recorder = recorderPanel(card, {kept: state.recording, playback: playbacks.get(card.id),
        onKept: (recording) => playbacks.set(card.id, recording.url)});
      panel.append(recorder, box, h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'primary', onclick: reveal}, 'Reveal answer', h('kbd', {}, 'Ctrl+Enter'))));
      box.focus();
      return;
    }
    timer.stop(state.seconds);
    if (state.attempt) panel.append(h('blockquote', {class: 'attempt'}, state.attempt));
    if (state.recording && playbacks.has(card.id))
      panel.append(h('audio', {class: 'playback', controls: true, src: playbacks.get(card.id), preload: 'metadata'}));
    panel.append(h('p', {class: 'time-verdict'}, timeVerdict(state.seconds, card.target_seconds, state.recording)));
    panel.append(scoreSection(state.score) || [], answerSection(state.back));
    const suggested = state.score && state.score.suggestion_key;
    panel.append(h('div', {class: 'ratings', role: 'group', 'aria-label': 'How well did you recall it?'},
      RATINGS.map((r) => h('button', {type: 'button', class: ['rating', r.name, suggested === r.key ? 'suggested' : null],
        'data-rating': r.key, onclick: () => rate(r.key), title: `${r.label}: ${r.hint}`},
        h('kbd', {}, r.key), h('span', {class: 'rating-label'}, r.label),
        h('span', {class: 'rating-hint'}, suggested === r.key ? 'suggested · Enter' : r.hint)))));
    panel.querySelector('.ratings button').closest('.ratings').scrollIntoView({block: 'nearest'});
  }

  function done() {
    const s = state.summary;
    const minutes = s.total_ms / 60000;
    return h('article', {class: 'panel done'},
      h('h1', {}, s.answered ? 'Done for now' : 'Nothing to review'),
      s.answered
        ? h('p', {}, `${plural(s.answered, 'card')} in ${minutes.toFixed(1)} min: again ${s.again}, hard ${s.hard}, good ${s.good}, easy ${s.easy}.`)
        : h('p', {}, 'Nothing more is due today. Come back tomorrow, or import more cards on the Decks page.'),
      s.mean_score !== null ? h('p', {}, `Mean score of your typed answers: ${Math.round(s.mean_score)}/100.`) : null,
      h('p', {}, h('a', {href: '#/stats'}, 'See your statistics'), ' · ', h('a', {href: '#/decks'}, 'Manage decks')));
  }

  async function load() {
    try {
      render(await api.get('/api/review'));
    } catch (error) {
      showError(error, view);
    }
  }

  try {
    const [decks, first] = await Promise.all([api.get('/api/decks'), api.get('/api/review')]);
    deckNames = decks.decks.map((d) => d.name);
    if (params.has('deck') && params.get('deck') !== first.deck) render(await api.post('/api/review/start', {deck: params.get('deck')}));
    else render(first);
  } catch (error) {
    showError(error, view);
  }

  return {
    leave() {
      if (timer) timer.stop();
      if (recorder) recorder.stop();
    },
    keydown(event) {
      if (!state || !state.card || busy) return false;
      const inBox = event.target.matches && event.target.matches('textarea');
      if (!state.revealed) {
        if (inBox && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { reveal(); return true; }
        if (inBox && event.key === 'Escape') { event.target.blur(); return true; }
        if (inBox || event.target.closest('input, select, .recorder')) return false;
        if (event.key === ' ' || event.key === 'Enter') { reveal(); return true; }
        if (event.key === 'u' && state.can_undo) { undo(); return true; }
        return false;
      }
      if (event.target.closest && event.target.closest('input, select, textarea')) return false;
      const key = Number(event.key);
      if (key >= 1 && key <= 4 && !event.ctrlKey && !event.metaKey && !event.altKey) { rate(key); return true; }
      if (event.key === 'Enter' && state.score && state.score.suggestion_key) { rate(state.score.suggestion_key); return true; }
      if (event.key === 'u' && state.can_undo) { undo(); return true; }
      return false;
    },
  };
}
