// The Mock interview page: questions one at a time against the interview's clock, the stories of
// yours that fit each, its follow-up questions, a rating (or the scorers' suggestion), and at the
// end the report. The server keeps the interview (mock_desk.h); this page only draws it.
import {api} from './api.js';
import {h, clear, plural} from './dom.js';
import {toast, showError} from './ui.js';

const RATINGS = [
  {key: 1, name: 'again', label: 'Again'},
  {key: 2, name: 'hard', label: 'Hard'},
  {key: 3, name: 'good', label: 'Good'},
  {key: 4, name: 'easy', label: 'Easy'},
];

function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function startForm(onStart) {
  const minutes = h('input', {type: 'number', id: 'mock-minutes', min: 1, max: 240, value: 20});
  const deck = h('input', {type: 'text', id: 'mock-deck', placeholder: 'all decks'});
  const themes = h('input', {type: 'text', id: 'mock-themes', placeholder: 'any, or e.g. incident, conflict'});
  const error = h('div', {class: 'mock-error'});
  const submit = async (event) => {
    event.preventDefault();
    const body = {minutes: Number(minutes.value), deck: deck.value.trim(),
                  themes: themes.value.split(',').map((t) => t.trim()).filter(Boolean)};
    try {
      onStart(await api.post('/api/mock/start', body));
    } catch (e) {
      showError(e, error);
    }
  };
  return h('form', {class: 'panel mock-start', onsubmit: submit},
    h('h2', {}, 'Mock interview'),
    h('p', {}, 'Questions due for review first, then the ones you are weakest on, asked one at a time against the clock, ' +
      'with follow-up questions after each answer. Every answer counts as a review.'),
    h('label', {}, 'Minutes ', minutes), h('label', {}, 'Deck ', deck), h('label', {}, 'Themes ', themes),
    h('button', {type: 'submit', class: 'primary', id: 'mock-start'}, 'Start interview'), error);
}

function reportView(report) {
  const rows = report.questions.map((q, i) => h('tr', {},
    h('td', {}, i + 1), h('td', {}, q.prompt, ' ', h('code', {}, q.id)),
    h('td', {}, q.rated_by === 'passed' ? 'passed' : q.score === null ? '–' : `${Math.round(q.score)}/100`),
    h('td', {}, `${q.rating}${q.rated_by === 'user' ? '' : ' (' + q.rated_by + ')'}`), h('td', {}, clock(q.seconds))));
  return h('section', {class: 'panel mock-report', id: 'mock-report'},
    h('h2', {}, 'Report'),
    h('p', {}, `${plural(report.questions.length, 'question')} in ${clock(report.seconds)} (${report.minutes} min allowed` +
      `${report.time_up ? '; time ran out' : ''}).`,
      report.mean_score !== null ? ` Mean score ${Math.round(report.mean_score)}/100.` : ''),
    report.questions.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Question'),
      h('th', {}, 'Score'), h('th', {}, 'Rating'), h('th', {}, 'Time'))), h('tbody', {}, rows)) : h('p', {}, 'No question answered.'),
    report.themes_without_story.length ? h('p', {}, 'Themes with no story of yours: ', report.themes_without_story.join(', ')) : null,
    report.low_themes.length ? h('p', {}, 'Themes that scored low: ', report.low_themes.join(', ')) : null,
    h('h3', {}, 'Practise next'), h('ul', {class: 'mock-practise'}, report.practise.map((step) => h('li', {}, step))));
}

export async function mockPage(root) {
  let state = null;
  let interval = null;
  // What the user has said to the question on screen so far.
  let said = null;

  const stopClock = () => {
    if (interval) clearInterval(interval);
    interval = null;
  };

  const act = async (path, body) => {
    try {
      state = await api.post(path, body);
      said = null;
      draw();
    } catch (e) {
      showError(e);
    }
  };

  function questionView() {
    const q = state.question;
    if (!said) said = {text: '', follow: [], step: 'answer', score: state.score};
    // The interview's clock: answering time before this question, plus this one's so far.
    const started = performance.now() - state.shown_ms;
    const label = h('span', {class: 'timer-clock', id: 'mock-clock'});
    const tick = () => {
      label.textContent = `${clock((state.elapsed_ms + performance.now() - started) / 1000)} of ${clock(state.limit_ms / 1000)}`;
    };
    tick();
    interval = setInterval(tick, 500);

    const stories = q.stories.length
      ? h('div', {class: 'mock-stories'}, h('h3', {}, 'Stories of yours that fit'),
          h('ul', {}, q.stories.slice(0, 3).map((s) => h('li', {}, s.prompt, ' ', h('small', {}, `(${s.themes.join(', ')})`)))))
      : q.type === 'behavioural' && q.themes.length
        ? h('p', {class: 'mock-stories none'}, `No story of yours fits its themes (${q.themes.join(', ')}): answer with the closest ` +
            'experience you have.')
        : null;
    const step = h('div', {class: 'mock-step'});
    const panel = h('article', {class: 'panel mock-question', 'data-card-id': q.card_id},
      h('div', {class: 'card-meta'}, `Question ${q.number} · ${q.type} · ${q.deck} · ${q.id}`),
      h('div', {class: 'timer'}, h('span', {class: 'timer-icon', 'aria-hidden': 'true'}, '⏱'), label),
      h('h2', {class: 'prompt'}, q.prompt), stories, step,
      h('button', {type: 'button', id: 'mock-finish', onclick: () => act('/api/mock/finish', {})}, 'End interview'));

    const ask = (title, onDone) => {
      const box = h('textarea', {id: 'mock-text', rows: 8, placeholder: 'Answer as you would aloud'});
      clear(step).append(h('p', {class: 'mock-ask'}, title), box,
        h('button', {type: 'button', class: 'primary', id: 'mock-next', onclick: () => onDone(box.value)}, 'Done'));
      box.focus();
    };
    const rate = () => {
      const score = said.score;
      const passed = !said.text.trim();
      const suggestion = passed ? 'again (passed)' : score && score.suggestion ? score.suggestion : 'good';
      clear(step).append(
        score ? h('section', {class: 'score'},
          score.score !== null ? h('p', {class: 'score-head'}, h('span', {class: 'score-value'}, Math.round(score.score)), '/100') : null,
          h('ul', {}, score.parts.filter((p) => p.summary).map((p) => h('li', {}, `[${p.scorer}] ${p.summary}`)))) : null,
        h('div', {class: 'ratings'}, RATINGS.map((r) => h('button', {type: 'button', class: ['rating', r.name], 'data-rating': r.key,
          onclick: () => act('/api/mock/answer', {card_id: q.card_id, text: said.text, follow_up_answers: said.follow, rating: r.key})},
          r.label)),
        h('button', {type: 'button', class: 'primary', id: 'mock-suggested',
          onclick: () => act('/api/mock/answer', {card_id: q.card_id, text: said.text, follow_up_answers: said.follow, rating: null})},
          `Take the suggestion: ${suggestion}`)));
    };
    const followUp = async (index) => {
      if (index < q.follow_ups.length && said.text.trim()) {
        ask(`Follow-up: ${q.follow_ups[index]}`, (text) => {
          said.follow.push(text);
          followUp(index + 1);
        });
        return;
      }
      if (said.text.trim() && !said.score) {
        try {
          said.score = (await api.post('/api/mock/score', {card_id: q.card_id, text: said.text})).score;
        } catch (e) {
          showError(e);
        }
      }
      rate();
    };
    ask('Your answer', (text) => {
      said.text = text;
      followUp(0);
    });
    return panel;
  }

  function draw() {
    stopClock();
    clear(root);
    if (state.saved) toast(`Saved: ${state.saved.rating}${state.saved.rated_by === 'user' ? '' : ' (' + state.saved.rated_by + ')'}.`);
    if (state.question) {
      root.append(questionView());
      return;
    }
    if (state.report) root.append(reportView(state.report));
    root.append(startForm((next) => {
      state = next;
      said = null;
      draw();
    }));
  }

  try {
    state = await api.get('/api/mock');
  } catch (e) {
    showError(e, root);
    return {};
  }
  draw();
  return {leave: stopClock};
}
