// The statistics page: counts, a calendar of reviews, the next 30 days, true retention by
// month, the spread of intervals, the story bank's coverage of question themes, what another
// desired retention would cost (simulated) and how ready each deck will be for an interview day.
import {api} from './api.js';
import {h, plural} from './dom.js';
import {showError, setSyncState} from './ui.js';
import {heatmap, barChart, themeMatrix, retentionChart, dayLabel, monthLabel, shortMonth} from './charts.js';

function tile(value, label) {
  return h('div', {class: 'tile'}, h('span', {class: 'tile-value'}, value), h('span', {class: 'tile-label'}, label));
}

function chartPanel(id, title, explanation, chart, footer) {
  return h('section', {class: 'panel chart-panel', id}, h('h2', {}, title), h('p', {class: 'muted'}, explanation),
    h('div', {class: 'chart-box'}, chart), footer || null);
}

function intervalLabel(bucket) {
  const span = (days) => (days % 365 === 0 ? `${days / 365}y` : days % 30 === 0 ? `${days / 30}m` : days % 7 === 0 ? `${days / 7}w` : `${days}d`);
  if (!bucket.max_days) return `${span(bucket.min_days)}+`;
  return bucket.min_days === bucket.max_days ? span(bucket.min_days) : `${span(bucket.min_days)}–${span(bucket.max_days + 1)}`;
}

export async function statsPage(root) {
  const view = h('div', {class: 'stats-page'});
  root.append(view);
  let data;
  try {
    data = await api.get('/api/stats');
  } catch (error) {
    showError(error, view);
    return {};
  }
  setSyncState(data.sync);
  const sum = data.summary;
  view.append(h('section', {class: 'tiles'},
    tile(sum.due_today, 'due today'), tile(sum.new_today, 'new today'), tile(sum.reviews_today, 'reviewed today'),
    tile(sum.reviews_total, 'reviews in all'), tile(sum.cards, `cards: ${sum.questions} Q · ${sum.keypoints} K · ${sum.stories} S`)));

  const year = data.heatmap.days.reduce((total, [, n]) => total + n, 0);
  const activeDays = data.heatmap.days.length;
  view.append(chartPanel('heatmap', 'Reviews', `${plural(year, 'review')} on ${plural(activeDays, 'day')} in the last year.`, heatmap(data.heatmap)));

  const forecastTotal = data.forecast.reduce((a, b) => a + b, 0);
  view.append(chartPanel('forecast', 'Due in the next 30 days',
    `${plural(forecastTotal, 'card')} coming up; today's bar includes everything overdue. New cards are not counted.`,
    barChart(data.forecast.map((n, i) => ({
      value: n,
      label: i === 0 ? 'today' : i % 5 === 0 ? `+${i}` : '',
      title: `${i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : dayLabel(data.today + i)}: ${plural(n, 'card')} due`,
      class: i === 0 ? 'bar today' : 'bar',
    })), {label: 'Cards due per day for the next 30 days'})));

  const answered = data.retention.reduce((a, m) => a + m.reviews, 0);
  const passed = data.retention.reduce((a, m) => a + m.passed, 0);
  view.append(chartPanel('retention', 'True retention',
    answered ? `Of ${plural(answered, 'answer')} to graduated cards in the last 12 months, ${Math.round((100 * passed) / answered)}% were remembered. `
      + 'Well below 90% means intervals are too long; far above, they could be longer.'
      : 'How often a graduated card is remembered when it comes due. It shows once cards have graduated from learning.',
    barChart(data.retention.map((m) => {
      const rate = m.reviews ? (100 * m.passed) / m.reviews : null;
      return {
        value: rate,
        label: m.month === 1 ? `${shortMonth(m.month)} ${String(m.year).slice(2)}` : shortMonth(m.month),
        valueLabel: rate === null ? '' : `${Math.round(rate)}%`,
        title: m.reviews ? `${monthLabel(m.year, m.month)}: ${m.passed} of ${m.reviews} remembered` : `${monthLabel(m.year, m.month)}: no answers to graduated cards`,
      };
    }), {label: 'True retention by month', yMax: 100, yFormat: (v) => `${v}%`, reference: {value: 90, label: '90%'}, barClass: 'bar retention'})));

  const reviewCards = data.intervals.reduce((a, b) => a + b.cards, 0);
  view.append(chartPanel('intervals', 'Intervals',
    `How far apart the reviews of your ${plural(reviewCards, 'graduated card')} are now.`,
    barChart(data.intervals.map((b) => ({value: b.cards, label: intervalLabel(b), title: `${intervalLabel(b)}: ${plural(b.cards, 'card')}`})),
      {label: 'Cards by current interval', barClass: 'bar interval'})));

  const bank = data.story_bank;
  const gaps = bank.themes.filter((t) => t.questions > 0 && t.stories === 0);
  const explanation = bank.stories.length
    ? `${plural(bank.stories.length, 'story', 'stories')} against the themes questions ask about. `
      + (gaps.length ? `No story covers ${gaps.map((t) => t.name).join(', ')} yet.` : 'Every theme a question asks about has a story.')
    : 'No stories yet. Write your own STAR stories (the "My story bank" deck has templates) and tag them with themes.';
  // Each theme with no story is a link to write one for it.
  const write = h('p', {class: 'story-gaps'}, h('a', {class: 'button small', href: '#/story'}, 'Write a story'),
    gaps.length ? [' for ', gaps.map((t, i) => [i ? ', ' : '', h('a', {class: 'gap-theme', href: `#/story?theme=${encodeURIComponent(t.name)}`}, t.name)])] : null);
  view.append(chartPanel('story-bank', 'Story bank', explanation,
    bank.themes.length ? themeMatrix(bank) : h('p', {class: 'muted'}, 'No question or story has themes yet.'), write));

  view.append(retentionPanel(), readinessPanel(data.today));
  return {};
}

const KINDS = {question: 'questions', keypoint: 'key points', story: 'stories'};

// Simulated on request: it takes a moment on a large collection.
function retentionPanel() {
  const box = h('div', {class: 'chart-box'}, h('p', {class: 'muted'}, 'Simulating…'));
  const panel = h('section', {class: 'panel chart-panel', id: 'desired-retention'}, h('h2', {}, 'Help me decide: desired retention'),
    h('p', {class: 'muted'}, 'Your cards simulated day by day with your own answer times: the minutes a day each desired '
      + 'retention takes, and the share of your cards you would recall at the end. `rehearse simulate` prints the same.'), box);
  api.get('/api/stats/retention').then((data) => {
    box.replaceChildren(data.cards ? retentionChart(data.retentions, {label: `Over ${data.days} days with ${data.new_per_day} new cards a day`})
      : h('p', {class: 'muted'}, 'No cards to simulate yet.'));
  }).catch((error) => showError(error, box));
  return panel;
}

function readinessPanel(today) {
  const result = h('div', {class: 'readiness'});
  const input = h('input', {type: 'date', name: 'until', 'aria-label': 'Interview date',
    min: new Date((today + 1) * 86400000).toISOString().slice(0, 10)});
  const show = async () => {
    if (!input.value) return;
    result.replaceChildren(h('p', {class: 'muted'}, 'Planning…'));
    try {
      const data = await api.get(`/api/stats/readiness?until=${encodeURIComponent(input.value)}`);
      const rows = data.readiness.map((g) => h('tr', {},
        h('td', {}, g.deck), h('td', {}, KINDS[g.kind] || g.kind), h('td', {class: 'number'}, String(g.cards)),
        h('td', {class: 'number'}, g.recall === null ? '–' : `${Math.round(g.recall * 100)}%`)));
      result.replaceChildren(
        h('p', {class: 'muted'}, `Following the plan takes about ${Math.round(data.reviews_per_day)} reviews a day for ${plural(data.days, 'day')}; `
          + `it aims at ${Math.round(data.retention * 100)}% recall on the day.`),
        h('table', {class: 'readiness-table'}, h('thead', {}, h('tr', {}, h('th', {}, 'deck'), h('th', {}, 'kind'),
          h('th', {}, 'cards'), h('th', {}, 'recalled on the day'))), h('tbody', {}, rows)));
    } catch (error) {
      showError(error, result);
    }
  };
  input.addEventListener('change', show);
  return h('section', {class: 'panel', id: 'readiness'}, h('h2', {}, 'Ready for the interview'),
    h('p', {class: 'muted'}, 'The expected share of each deck\'s cards you recall on the day, if you follow the plan '
      + '`rehearse review --until DATE` sets (FSRS retrievability on that day).'),
    h('label', {}, 'Interview on ', input), result);
}

