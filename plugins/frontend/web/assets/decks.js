// The decks page: decks with their counts, importing a deck file by upload (near the top, where
// it is found), and browsing cards a page at a time: searching, suspending and editing them.
import {api} from './api.js';
import {h, clear, plural} from './dom.js';
import {toast, showError} from './ui.js';

const KIND_SHORT = {question: 'Q', keypoint: 'K', story: 'S'};
const PAGE_SIZE = 25;

function megabytes(bytes) { return `${Math.round(bytes / 1048576)} MB`; }

function deckTable(decks, browse) {
  if (!decks.length) return h('p', {class: 'muted'}, 'No decks yet: import one.');
  return h('table', {class: 'decks-table'},
    h('thead', {}, h('tr', {}, h('th', {}, 'Deck'), h('th', {class: 'num'}, 'Cards'), h('th', {class: 'num'}, 'Due'),
      h('th', {class: 'num'}, 'New'), h('th', {class: 'num'}, 'Suspended'), h('th', {}, ''))),
    h('tbody', {}, decks.map((d) => h('tr', {},
      h('td', {}, h('a', {href: '#', class: 'deck-name', onclick: (e) => { e.preventDefault(); browse(d.name); }}, d.name)),
      h('td', {class: 'num'}, d.cards), h('td', {class: ['num', d.due ? 'due' : null]}, d.due),
      h('td', {class: ['num', d.new ? 'new' : null]}, d.new), h('td', {class: 'num muted'}, d.suspended),
      h('td', {class: 'row-actions'},
        h('a', {class: 'button small', href: `#/review?deck=${encodeURIComponent(d.name)}`}, 'Review'))))));
}

function reportView(result) {
  const r = result.report;
  const parts = [];
  if (r.added) parts.push(`${r.added} added`);
  if (r.updated) parts.push(`${r.updated} updated`);
  if (r.unchanged) parts.push(`${r.unchanged} unchanged`);
  if (r.suspended) parts.push(`${r.suspended} suspended (gone from the file)`);
  if (r.history) parts.push(`${plural(r.history, 'past review')} added`);
  return h('div', {class: 'success-box', role: 'status'},
    h('p', {}, h('b', {}, result.dry_run ? `Preview of ${result.file}: ` : `Imported ${result.file}: `),
      parts.length ? parts.join(', ') : 'nothing changed', result.dry_run ? ' (nothing was written)' : '', '.'),
    r.warnings.length ? h('ul', {class: 'warnings'}, r.warnings.map((w) => h('li', {}, `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`))) : null,
    r.gone.length ? h('details', {}, h('summary', {}, `${plural(r.gone.length, 'card')} no longer in the file`),
      h('ul', {}, r.gone.map((g) => h('li', {}, g)))) : null);
}

function importPanel(info, reload) {
  const result = h('div', {class: 'import-result'});
  const file = h('input', {type: 'file', name: 'file', id: 'import-file', required: true});
  const source = h('select', {name: 'source', id: 'import-source'}, h('option', {value: ''}, 'Detect from the file'),
    info.sources.map((name) => h('option', {value: name}, name)));
  const deck = h('input', {type: 'text', name: 'deck', id: 'import-deck', placeholder: 'as the file says'});
  const dryRun = h('input', {type: 'checkbox', name: 'dry_run', id: 'import-dry-run'});
  const button = h('button', {type: 'submit', class: 'primary'}, 'Import');
  const drop = h('label', {class: 'drop-zone', for: 'import-file'},
    h('span', {class: 'drop-title'}, 'Choose a deck file or drop it here'),
    h('span', {class: 'muted'}, `Markdown decks and whatever else the source plugins read; up to ${megabytes(info.max_upload_bytes)}.`),
    file);
  const chosen = h('span', {class: 'chosen muted'});
  file.addEventListener('change', () => { chosen.textContent = file.files.length ? file.files[0].name : ''; });
  for (const type of ['dragover', 'dragenter']) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) {
      file.files = e.dataTransfer.files;
      chosen.textContent = file.files[0].name;
    }
  });

  const form = h('form', {class: 'import-form', onsubmit: async (event) => {
    event.preventDefault();
    if (!file.files.length) {
      showError({message: 'Choose a file to import.'}, result);
      return;
    }
    const chosenFile = file.files[0];
    if (chosenFile.size > info.max_upload_bytes) {
      showError({message: `${chosenFile.name} is larger than the limit of ${megabytes(info.max_upload_bytes)}.`}, result);
      return;
    }
    const data = new FormData();
    data.append('file', chosenFile, chosenFile.name);
    data.append('source', source.value);
    data.append('deck', deck.value.trim());
    data.append('dry_run', dryRun.checked ? 'true' : 'false');
    button.disabled = true;
    clear(result).append(h('p', {class: 'muted'}, `Reading ${chosenFile.name}…`));
    try {
      const answer = await api.upload('/api/import', data);
      clear(result).append(reportView(answer));
      if (!answer.dry_run) {
        toast(`Imported ${answer.file}`, 'saved');
        reload();
      }
    } catch (error) {
      showError(error, result);
      if (!error.reload) result.firstChild.prepend(h('b', {}, 'Nothing was imported. '));
    } finally {
      button.disabled = false;
    }
  }},
  drop, chosen,
  h('div', {class: 'form-row'},
    h('label', {for: 'import-source'}, 'Source', source),
    h('label', {for: 'import-deck'}, 'Into deck', deck),
    h('label', {class: 'check', for: 'import-dry-run'}, dryRun, 'Preview only')),
  h('div', {class: 'actions'}, button));
  return h('section', {class: 'panel', id: 'import'}, h('h2', {}, 'Import a deck'), form, result);
}

// The card editor: the parts of a card its user may change. Saved through the engine, which
// writes the card back into the user's own deck file, or keeps it as the user's version.
function cardEditor(detail, done) {
  const back = detail.back;
  const field = (label, id, control) => h('label', {for: id}, label, control);
  const prompt = h('input', {type: 'text', id: 'edit-prompt', value: detail.prompt, required: true});
  const answer = h('textarea', {id: 'edit-answer', rows: 6}, back.answer);
  const keyPoints = h('textarea', {id: 'edit-key-points', rows: 4},
    back.key_points.map((p) => p.text + (p.aliases.length ? ` | ${p.aliases.join(', ')}` : '')).join('\n'));
  const pitfalls = h('textarea', {id: 'edit-pitfalls', rows: 3}, back.pitfalls.join('\n'));
  const themes = h('input', {type: 'text', id: 'edit-themes', value: back.themes.join(', ')});
  const message = h('div', {class: 'edit-result'});
  const save = h('button', {type: 'submit', class: 'primary'}, 'Save');
  const form = h('form', {class: 'card-editor', onsubmit: async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      const saved = await api.post(`/api/cards/${detail.id}/edit`, {prompt: prompt.value, answer: answer.value,
        key_points: keyPoints.value, pitfalls: pitfalls.value, themes: themes.value});
      toast(saved.saved_to ? `Saved to ${saved.saved_to}` : 'Saved as your version of the card', 'saved');
      done(saved);
    } catch (error) {
      showError(error, message);
      // The message names the file and line when the card's deck file would not read.
      if (!error.reload) message.firstChild.prepend(h('b', {}, 'Nothing was saved. '));
    } finally {
      save.disabled = false;
    }
  }},
  field('Prompt', 'edit-prompt', prompt),
  field('Answer', 'edit-answer', answer),
  field('Key points, one a line (point | alias, alias)', 'edit-key-points', keyPoints),
  field('Avoid, one a line', 'edit-pitfalls', pitfalls),
  field('Themes, comma separated', 'edit-themes', themes),
  message,
  h('div', {class: 'actions'}, h('button', {type: 'button', class: 'ghost', onclick: () => done(null)}, 'Cancel'), save));
  return form;
}

function cardDetail(detail, actions) {
  const back = detail.back;
  const story = back.story;
  return h('div', {class: 'card-detail'},
    actions,
    story ? h('dl', {class: 'star'},
      [['Situation', story.situation], ['Task', story.task]].map(([l, t]) => t ? [h('dt', {}, l), h('dd', {}, t)] : null),
      story.actions.length ? [h('dt', {}, 'Action'), h('dd', {}, h('ol', {}, story.actions.map((a) => h('li', {}, a))))] : null,
      [['Result', story.result], ['Lesson', story.lesson]].map(([l, t]) => t ? [h('dt', {}, l), h('dd', {}, t)] : null)) : null,
    back.answer ? h('div', {class: 'answer-text'}, back.answer) : null,
    back.key_points.length ? h('ul', {class: 'key-points'}, back.key_points.map((p) => h('li', {}, p.text))) : null,
    back.pitfalls.length ? h('ul', {class: 'pitfalls'}, back.pitfalls.map((p) => h('li', {}, p))) : null,
    h('p', {class: 'muted'}, `${detail.scheduling.state} · ${plural(detail.scheduling.reps, 'review')} · ${plural(detail.scheduling.lapses, 'lapse')}`,
      detail.scheduling.due_time ? ` · due ${detail.scheduling.due_time}` : ''),
    detail.history.length ? h('table', {class: 'history'}, h('tbody', {}, detail.history.map((e) => h('tr', {},
      h('td', {}, e.time), h('td', {class: ['rating-text', e.rating]}, e.rating),
      h('td', {class: 'num'}, `${Math.round(e.seconds)} s`), h('td', {class: 'num'}, e.score === null ? '' : `${Math.round(e.score)}/100`))))) : null);
}

function browser(info, initial) {
  const results = h('div', {class: 'results'});
  const search = h('input', {type: 'search', id: 'card-search', placeholder: 'Search prompts, answers, tags and themes', value: initial.q || ''});
  const deck = h('select', {'aria-label': 'Deck', id: 'card-deck'}, h('option', {value: ''}, 'All decks'),
    info.decks.map((d) => h('option', {value: d.name}, d.name)));
  deck.value = initial.deck || '';
  let pending = null;

  async function toggle(row, card, button) {
    button.disabled = true;
    try {
      const updated = await api.post(`/api/cards/${card.id}/suspend`, {suspended: !card.suspended});
      Object.assign(card, updated);
      row.classList.toggle('suspended', card.suspended);
      button.textContent = card.suspended ? 'Unsuspend' : 'Suspend';
      row.querySelector('.status').textContent = card.suspended ? 'suspended' : card.scheduling.due;
      toast(card.suspended ? 'Suspended: it will not come up for review.' : 'Unsuspended: it is back in the queue.');
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  }

  // The card's details under its row, with Edit (and Reset, for a card holding the user's version).
  function showDetail(row, card, detail) {
    const cell = h('td', {colspan: 5});
    const edit = h('button', {type: 'button', class: 'small', 'data-action': 'edit'}, 'Edit');
    const reset = detail.edited ? h('button', {type: 'button', class: 'small ghost', 'data-action': 'reset',
      title: 'Go back to the text of the card\'s source'}, 'Reset to the source\'s text') : null;
    const actions = h('div', {class: 'actions card-actions'},
      detail.edited ? h('span', {class: 'muted small'}, 'Your version of this card') : null, reset, edit);
    const updated = (saved) => {
      Object.assign(card, saved);
      row.querySelector('.prompt-cell a').textContent = saved.prompt;
      showDetail(row, card, saved);
    };
    edit.addEventListener('click', () => clear(cell).append(cardEditor(detail, (saved) => updated(saved || detail))));
    if (reset) reset.addEventListener('click', async () => {
      try {
        updated(await api.post(`/api/cards/${card.id}/reset`));
        toast('Back to the source\'s text.');
      } catch (error) {
        showError(error);
      }
    });
    cell.append(cardDetail(detail, actions));
    const next = row.nextElementSibling;
    const detailRow = h('tr', {class: 'detail-row'}, cell);
    if (next && next.classList.contains('detail-row')) next.replaceWith(detailRow);
    else row.after(detailRow);
  }

  async function expand(row, card) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains('detail-row')) {
      next.remove();
      return;
    }
    try {
      showDetail(row, card, await api.get(`/api/cards/${card.id}`));
    } catch (error) {
      showError(error);
    }
  }

  let offset = 0;
  function pager(found) {
    const first = found.offset + 1;
    const last = found.offset + found.cards.length;
    const previous = h('button', {type: 'button', class: 'small ghost', 'data-page': 'previous', disabled: found.offset === 0},
      '← Previous');
    const next = h('button', {type: 'button', class: 'small ghost', 'data-page': 'next', disabled: !found.more}, 'Next →');
    previous.addEventListener('click', () => { offset = Math.max(0, offset - PAGE_SIZE); run(); });
    next.addEventListener('click', () => { offset += PAGE_SIZE; run(); });
    return h('div', {class: 'pager'}, h('span', {class: 'muted page-range'},
      found.offset === 0 && !found.more ? plural(found.cards.length, 'card') : `Cards ${first}–${last}${found.more ? '' : ` of ${last}`}`),
      previous, next);
  }

  async function run() {
    const query = new URLSearchParams({deck: deck.value, q: search.value.trim()});
    history.replaceState(null, '', `#/decks?${query}`);
    query.set('offset', offset);
    query.set('limit', PAGE_SIZE);
    try {
      const found = await api.get(`/api/cards?${query}`);
      clear(results);
      if (!found.cards.length) {
        results.append(h('p', {class: 'muted'}, offset ? 'No more cards.' : 'No cards match.'));
        if (offset) results.append(pager(found));
        return;
      }
      results.append(pager(found),
        h('table', {class: 'cards-table'}, h('tbody', {}, found.cards.map((card) => {
          const button = h('button', {type: 'button', class: 'small ghost'}, card.suspended ? 'Unsuspend' : 'Suspend');
          const row = h('tr', {class: card.suspended ? 'suspended' : null, 'data-card-id': card.id},
            h('td', {}, h('span', {class: ['kind-badge', card.kind], title: card.kind}, KIND_SHORT[card.kind])),
            h('td', {class: 'prompt-cell'}, h('a', {href: '#', onclick: (e) => { e.preventDefault(); expand(row, card); }}, card.prompt),
              h('div', {class: 'muted small'}, card.deck)),
            h('td', {class: 'status muted'}, card.suspended ? 'suspended' : card.scheduling.due),
            h('td', {class: 'row-actions'}, button));
          button.addEventListener('click', () => toggle(row, card, button));
          return row;
        }))));
      // Below a long page too, so the next page is at hand at its end.
      if (found.more || found.offset) results.append(pager(found));
    } catch (error) {
      showError(error, results);
    }
  }

  search.addEventListener('input', () => { clearTimeout(pending); pending = setTimeout(() => { offset = 0; run(); }, 200); });
  deck.addEventListener('change', () => { offset = 0; run(); });
  run();
  return {
    element: h('section', {class: 'panel', id: 'browse'}, h('h2', {}, 'Cards'),
      h('div', {class: 'form-row search-row'}, search, deck), results),
    search,
    show(name) { deck.value = name; search.value = ''; offset = 0; run(); },
  };
}

export async function decksPage(root, params) {
  const view = h('div', {class: 'decks-page'});
  root.append(view);
  let cards = null;

  async function load() {
    try {
      const info = await api.get('/api/decks');
      const list = h('section', {class: 'panel'}, h('h2', {}, 'Decks'));
      if (!cards) {
        cards = browser(info, {deck: params.get('deck'), q: params.get('q')});
        // The upload box comes right after the deck list, before the (paged) card list.
        clear(view).append(list, importPanel(info, load), cards.element);
      } else {
        view.replaceChild(list, view.firstChild);
      }
      list.append(deckTable(info.decks, (name) => { cards.show(name); cards.element.scrollIntoView({behavior: 'smooth'}); }));
      if (params.get('search')) cards.search.focus();
    } catch (error) {
      showError(error, view);
    }
  }
  await load();
  return {
    keydown(event) {
      if (event.key === '/' && !(event.target.closest && event.target.closest('input, textarea, select')) && cards) {
        cards.search.focus();
        return true;
      }
      return false;
    },
  };
}
