// The "Write a story" page: one of the user's own STAR stories, a step at a time (title,
// situation, task, action, result, lesson, themes), with the STAR rubric's findings after each
// step and on the whole story, then saved into decks/my-stories.md and imported at once. The
// server's StoryDraft does the judging and the writing; this page only asks and shows.
import {api} from './api.js';
import {h, clear} from './dom.js';
import {showError, toast} from './ui.js';

const LABELS = {title: 'Title', situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', lesson: 'Lesson', themes: 'Themes'};

function findingsList(findings) {
  return h('ul', {class: 'findings'}, findings.map((f) => h('li', {class: f.met ? 'met' : 'missed'},
    h('span', {class: 'mark', 'aria-label': f.met ? 'met' : 'missing'}, f.met ? '✓' : '✗'),
    h('div', {},
      h('span', {class: 'criterion'}, f.criterion),
      f.met && f.evidence ? h('span', {class: 'evidence'}, `“${f.evidence}”`) : null,
      !f.met && f.advice ? h('p', {class: 'advice'}, f.advice) : null))));
}

function findingsPanel(title, result) {
  if (!result.scorer_loaded) return h('p', {class: 'muted'}, 'The STAR rubric (the star scorer) is not loaded: nothing is judged.');
  return h('section', {class: 'score story-findings'},
    h('h3', {}, title),
    result.score !== null && result.score !== undefined
      ? h('p', {class: 'score-head'}, h('span', {class: 'score-value'}, Math.round(result.score)), '/100', result.summary ? ` · ${result.summary}` : '')
      : null,
    findingsList(result.findings),
    result.errors.map((e) => h('p', {class: 'error-box'}, `The STAR rubric failed: ${e}`)));
}

export async function storyPage(root, params) {
  const view = h('div', {class: 'story-page'});
  root.append(view);
  let info;
  try {
    info = await api.get('/api/story');
  } catch (error) {
    showError(error, view);
    return {};
  }
  const steps = info.steps;
  const values = Object.fromEntries(steps.map((s) => [s.name, '']));
  if (params.get('theme')) values.themes = params.get('theme');
  let index = 0;
  let last = null;       // {step, result}: the findings after the step just written
  let finished = null;   // the whole story's findings, once every step is written
  let saved = null;
  let busy = false;
  let box = null;

  const fields = () => ({...values});

  function render() {
    clear(view);
    view.append(h('h2', {}, 'Write a story'),
      h('p', {class: 'muted'}, `One of your own STAR stories, step by step. It goes into ${info.file}, deck '${info.deck}'.`));
    if (saved) return renderSaved();
    view.append(h('ol', {class: 'story-steps'}, steps.map((s, i) => h('li', {
      class: [i === index && !finished ? 'current' : null, values[s.name].trim() ? 'filled' : null]}, LABELS[s.name] || s.name))));
    if (finished) return renderReview();
    const step = steps[index];
    let question = step.question;
    if (step.name === 'themes') question += '. Pick from the list or write your own.';
    box = h('textarea', {class: 'answer-box', id: 'story-input', 'aria-label': LABELS[step.name],
      rows: step.name === 'action' ? 6 : step.name === 'title' || step.name === 'themes' ? 2 : 4});
    box.value = values[step.name];
    const message = h('div', {class: 'story-message', role: 'alert'});
    const card = h('section', {class: 'panel card story-step', 'data-step': step.name},
      h('div', {class: 'card-meta'}, h('span', {class: 'kind story'}, `Step ${index + 1} of ${steps.length}`),
        step.required ? null : h('span', {}, 'optional')),
      h('p', {class: 'prompt story-question'}, question),
      box,
      step.name === 'themes' ? h('div', {class: 'theme-choices'}, info.themes.map((t) => h('button', {
        type: 'button', class: 'chip theme-choice', onclick: () => addTheme(t)}, t))) : null,
      message,
      h('div', {class: 'actions'},
        index > 0 ? h('button', {type: 'button', onclick: back}, 'Back') : null,
        h('button', {type: 'button', class: 'primary', id: 'story-next', onclick: () => next(message)},
          index + 1 < steps.length ? 'Next' : 'See the whole story')));
    view.append(card);
    if (last) view.append(h('div', {class: 'panel'}, findingsPanel(`The STAR rubric on your ${last.step}`, last.result)));
    box.focus();
  }

  function addTheme(theme) {
    const list = box.value.split(',').map((t) => t.trim()).filter(Boolean);
    if (!list.includes(theme)) list.push(theme);
    box.value = list.join(', ');
    box.focus();
  }

  function back() {
    values[steps[index].name] = box.value;
    index = Math.max(0, index - 1);
    last = null;
    render();
  }

  async function next(message) {
    if (busy) return;
    const step = steps[index];
    values[step.name] = box.value;
    if (step.required && !box.value.trim()) {
      message.replaceChildren(h('div', {class: 'error-box'}, `A story needs its ${step.name}: ${step.what}.`));
      box.focus();
      return;
    }
    busy = true;
    try {
      last = step.criteria.length ? {step: step.name, result: await api.post('/api/story/score', {...fields(), step: step.name})} : null;
      if (index + 1 < steps.length) {
        index += 1;
      } else {
        finished = await api.post('/api/story/score', fields());
      }
    } catch (error) {
      showError(error, message);
      return;
    } finally {
      busy = false;
    }
    render();
  }

  function renderReview() {
    // The story as the server reads it: the action one step a line, the themes as a list.
    const story = finished.story;
    const message = h('div', {class: 'story-message', role: 'alert'});
    view.append(h('section', {class: 'panel card story-review'},
      h('p', {class: 'prompt'}, story.title),
      h('dl', {class: 'star'},
        [['Situation', story.situation], ['Task', story.task]].map(([l, t]) => t ? [h('dt', {}, l), h('dd', {}, t)] : null),
        story.actions.length ? [h('dt', {}, 'Action'), h('dd', {}, h('ol', {}, story.actions.map((a) => h('li', {}, a))))] : null,
        [['Result', story.result], ['Lesson', story.lesson], ['Themes', story.themes.join(', ')]].map(([l, t]) => t ? [h('dt', {}, l), h('dd', {}, t)] : null)),
      story.themes.length ? null : h('p', {class: 'hint'}, 'No themes: the story bank cannot match it to questions until it has some.'),
      findingsPanel('The whole story, as the STAR rubric reads it', finished),
      message,
      h('div', {class: 'actions'},
        h('button', {type: 'button', onclick: () => { finished = null; last = null; render(); }}, 'Back'),
        h('button', {type: 'button', class: 'primary', id: 'story-save', onclick: () => save(message)}, `Add it to ${info.file.split('/').pop()}`))));
  }

  async function save(message) {
    if (busy) return;
    busy = true;
    try {
      saved = await api.post('/api/story/save', fields());
    } catch (error) {
      showError(error, message);
      return;
    } finally {
      busy = false;
    }
    toast(`Saved '${saved.title}'.`);
    render();
  }

  function renderSaved() {
    view.append(h('section', {class: 'panel success-box story-saved'},
      h('p', {}, `Added '${saved.title}' (id: ${saved.id}) to `, h('code', {class: 'story-file'}, saved.file), `, deck '${saved.deck}'.`),
      h('p', {}, 'Edit it there freely; the story bank on the ', h('a', {href: '#/stats'}, 'statistics page'),
        ' shows which themes still have no story of yours.'),
      h('div', {class: 'actions'}, h('button', {type: 'button', class: 'primary', onclick: () => {
        for (const name of Object.keys(values)) values[name] = '';
        index = 0; last = null; finished = null; saved = null;
        render();
      }}, 'Write another'))));
  }

  render();
  return {
    keydown(event) {
      // Ctrl+Enter moves on from the answer box, as it reveals the answer in a review.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && box && document.activeElement === box && !finished && !saved) {
        document.getElementById('story-next').click();
        return true;
      }
      return false;
    },
  };
}
