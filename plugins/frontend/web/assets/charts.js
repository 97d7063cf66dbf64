// The statistics charts, drawn as SVG in the page from the server's numbers. Labels are text
// nodes; nothing here parses markup.
import {s} from './dom.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// A user's day number (days since 1970-01-01) as a calendar date.
export function dayDate(day) {
  const date = new Date(day * 86400000);
  return {year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), weekday: (date.getUTCDay() + 6) % 7};
}

export function dayLabel(day) {
  const d = dayDate(day);
  return `${d.day} ${MONTHS[d.month]} ${d.year}`;
}

function niceMax(value) {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return value;
}

function svgRoot(width, height, label) {
  return s('svg', {viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet'});
}

// A calendar of reviews: one column a week, Monday at the top, darker for more reviews.
export function heatmap(data) {
  const cell = 11, gap = 3, left = 30, top = 18;
  const counts = new Map(data.days.map(([day, n]) => [day, n]));
  const weeks = Math.ceil((data.last_day - data.first_day + 1) / 7);
  const width = left + weeks * (cell + gap) + 4, height = top + 7 * (cell + gap) + 26;
  const max = Math.max(0, ...counts.values());
  const level = (n) => (n === 0 ? 0 : Math.min(4, Math.ceil((4 * n) / Math.max(max, 4))));
  const svg = svgRoot(width, height, 'Reviews per day over the last year');
  ['Mon', '', 'Wed', '', 'Fri', '', ''].forEach((name, row) => {
    if (name) svg.append(s('text', {x: 0, y: top + row * (cell + gap) + cell - 2, class: 'axis-label'}, name));
  });
  let lastMonth = -1;
  for (let day = data.first_day; day <= data.last_day; ++day) {
    const week = Math.floor((day - data.first_day) / 7), row = (day - data.first_day) % 7;
    const date = dayDate(day);
    if (row === 0 && date.month !== lastMonth) {
      if (week < weeks - 1) svg.append(s('text', {x: left + week * (cell + gap), y: top - 6, class: 'axis-label'}, MONTHS[date.month]));
      lastMonth = date.month;
    }
    const n = counts.get(day) || 0;
    svg.append(s('rect', {x: left + week * (cell + gap), y: top + row * (cell + gap), width: cell, height: cell, rx: 2,
      class: ['heat', `level-${level(n)}`, day === data.last_day ? 'today' : null], 'data-day': day, 'data-reviews': n},
      s('title', {}, `${dayLabel(day)}: ${n} ${n === 1 ? 'review' : 'reviews'}`)));
  }
  const legendY = top + 7 * (cell + gap) + 10;
  const legendX = width - 5 * (cell + gap) - 70;
  svg.append(s('text', {x: legendX - 6, y: legendY + cell - 2, class: 'axis-label', 'text-anchor': 'end'}, 'Less'));
  for (let i = 0; i <= 4; ++i)
    svg.append(s('rect', {x: legendX + i * (cell + gap), y: legendY, width: cell, height: cell, rx: 2, class: ['heat', `level-${i}`]}));
  svg.append(s('text', {x: legendX + 5 * (cell + gap) + 2, y: legendY + cell - 2, class: 'axis-label'}, 'More'));
  return svg;
}

// Vertical bars with a y axis. bars: [{value (null for none), label, title, valueLabel}].
export function barChart(bars, {label, yMax, yFormat = (v) => String(v), reference, barClass = 'bar'} = {}) {
  const width = 640, height = 210, left = 40, right = 10, top = 16, bottom = 30;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = yMax ?? niceMax(Math.max(0, ...bars.map((b) => b.value || 0)));
  const y = (v) => top + plotH - (plotH * v) / max;
  const svg = svgRoot(width, height, label);
  for (const tick of [0, max / 2, max]) {
    svg.append(s('line', {x1: left, x2: width - right, y1: y(tick), y2: y(tick), class: 'grid'}),
      s('text', {x: left - 6, y: y(tick) + 4, class: 'axis-label', 'text-anchor': 'end'}, yFormat(tick)));
  }
  const slot = plotW / bars.length;
  const barW = Math.max(2, Math.min(42, slot * 0.72));
  bars.forEach((bar, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    if (bar.value !== null && bar.value !== undefined) {
      const h = Math.max(bar.value > 0 ? 1.5 : 0, (plotH * bar.value) / max);
      svg.append(s('rect', {x, y: top + plotH - h, width: barW, height: h, rx: 2, class: bar.class || barClass, 'data-value': bar.value},
        s('title', {}, bar.title)));
      if (bar.valueLabel) svg.append(s('text', {x: x + barW / 2, y: top + plotH - h - 4, class: 'value-label', 'text-anchor': 'middle'}, bar.valueLabel));
    } else if (bar.title) {
      svg.append(s('text', {x: x + barW / 2, y: top + plotH - 4, class: 'axis-label', 'text-anchor': 'middle'}, '–', s('title', {}, bar.title)));
    }
    if (bar.label) svg.append(s('text', {x: x + barW / 2, y: height - bottom + 16, class: 'axis-label', 'text-anchor': 'middle'}, bar.label));
  });
  if (reference) {
    svg.append(s('line', {x1: left, x2: width - right, y1: y(reference.value), y2: y(reference.value), class: 'reference'}),
      s('text', {x: width - right, y: y(reference.value) - 4, class: 'reference-label', 'text-anchor': 'end'}, reference.label));
  }
  svg.append(s('line', {x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, class: 'axis'}));
  return svg;
}

export function monthLabel(year, month) { return `${MONTHS[month - 1]} ${year}`; }
export function shortMonth(month) { return MONTHS[month - 1]; }

function shorten(text, length) { return text.length > length ? `${text.slice(0, length - 1)}…` : text; }

// The story bank: a row per theme, a column per story, a dot where a story covers a theme.
// Themes that questions ask about and no story covers are the gaps to fill.
export function themeMatrix(bank) {
  const cell = 22, labelW = 150, countW = 96, headerH = 132;
  const themes = bank.themes, stories = bank.stories;
  const width = labelW + Math.max(1, stories.length) * cell + countW + 40;
  const height = headerH + themes.length * cell + 8;
  const svg = svgRoot(width, height, 'Themes of questions against the stories that cover them');
  stories.forEach((story, col) => {
    const x = labelW + col * cell + cell / 2;
    svg.append(s('text', {class: 'story-label', transform: `translate(${x + 4} ${headerH - 8}) rotate(-50)`},
      shorten(story.prompt, 24), s('title', {}, `${story.prompt} (${story.deck})`)));
  });
  svg.append(s('text', {x: labelW + stories.length * cell + 12, y: headerH - 8, class: 'axis-label'}, 'questions'));
  themes.forEach((theme, row) => {
    const y = headerH + row * cell;
    const gap = theme.questions > 0 && theme.stories === 0;
    svg.append(s('rect', {x: 0, y, width, height: cell, class: ['matrix-row', row % 2 ? 'odd' : null, gap ? 'gap' : null]}));
    svg.append(s('text', {x: labelW - 10, y: y + cell / 2 + 4, 'text-anchor': 'end', class: ['theme-label', gap ? 'gap' : null]},
      shorten(theme.name, 20), s('title', {}, gap ? `${theme.name}: asked by ${theme.questions} questions, and no story covers it` : theme.name)));
    stories.forEach((story, col) => {
      const covers = story.themes.includes(theme.name);
      svg.append(s('circle', {cx: labelW + col * cell + cell / 2, cy: y + cell / 2, r: covers ? 6 : 2,
        class: covers ? 'covers' : 'empty-cell', 'data-theme': theme.name, 'data-story': story.id},
        covers ? s('title', {}, `"${story.prompt}" answers questions about ${theme.name}`) : null));
    });
    svg.append(s('text', {x: labelW + stories.length * cell + 12, y: y + cell / 2 + 4, class: ['count-label', gap ? 'gap' : null]},
      theme.questions ? String(theme.questions) : '–', gap ? '  no story' : ''));
  });
  return svg;
}

// Desired retention against work and recall: minutes a day as a line over the retentions, with
// the expected recall written at each point. rows: [{retention, minutes_per_day, recall}].
export function retentionChart(rows, {label, current} = {}) {
  const width = 640, height = 230, left = 44, right = 16, top = 24, bottom = 40;
  const plotW = width - left - right, plotH = height - top - bottom;
  const lo = Math.min(...rows.map((r) => r.retention)), hi = Math.max(...rows.map((r) => r.retention));
  const max = niceMax(Math.max(1, ...rows.map((r) => r.minutes_per_day)));
  const x = (r) => left + (hi > lo ? (plotW * (r - lo)) / (hi - lo) : plotW / 2);
  const y = (v) => top + plotH - (plotH * v) / max;
  const svg = svgRoot(width, height, label || 'Minutes a day and recall for each desired retention');
  for (const tick of [0, max / 2, max]) {
    svg.append(s('line', {x1: left, x2: width - right, y1: y(tick), y2: y(tick), class: 'grid'}),
      s('text', {x: left - 6, y: y(tick) + 4, class: 'axis-label', 'text-anchor': 'end'}, `${Math.round(tick)}m`));
  }
  if (current !== undefined && current >= lo && current <= hi) {
    svg.append(s('line', {x1: x(current), x2: x(current), y1: top, y2: top + plotH, class: 'reference'}),
      s('text', {x: x(current) + 4, y: top + 10, class: 'reference-label'}, `now ${Math.round(current * 100)}%`));
  }
  svg.append(s('polyline', {points: rows.map((r) => `${x(r.retention)},${y(r.minutes_per_day)}`).join(' '), class: 'line workload', fill: 'none'}));
  rows.forEach((r) => {
    svg.append(s('circle', {cx: x(r.retention), cy: y(r.minutes_per_day), r: 4, class: 'point', 'data-retention': r.retention,
      'data-minutes': r.minutes_per_day.toFixed(1), 'data-recall': r.recall.toFixed(3)},
      s('title', {}, `Desired retention ${Math.round(r.retention * 100)}%: ${r.minutes_per_day.toFixed(1)} minutes a day, `
        + `${(r.recall * 100).toFixed(1)}% recalled at the end`)));
    svg.append(s('text', {x: x(r.retention), y: y(r.minutes_per_day) - 9, class: 'value-label', 'text-anchor': 'middle'},
      `${Math.round(r.recall * 100)}%`));
    svg.append(s('text', {x: x(r.retention), y: height - bottom + 16, class: 'axis-label', 'text-anchor': 'middle'},
      `${Math.round(r.retention * 100)}%`));
  });
  svg.append(s('text', {x: left + plotW / 2, y: height - 6, class: 'axis-label', 'text-anchor': 'middle'},
    'desired retention (labels above the points: share recalled at the end)'));
  svg.append(s('line', {x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, class: 'axis'}));
  return svg;
}
