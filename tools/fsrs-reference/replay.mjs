// Replays a review log with ts-fsrs (the reference implementation of FSRS-6) and prints the state
// after each review in the format of `rehearse replay --json`, so the two can be compared line by
// line.
//
//   node replay.mjs FILE.csv [--day-start-hour H]
//
// FILE.csv is card_id,review_time,review_rating[,review_duration] with a header line, times in Unix
// milliseconds, rows of a card in time order. ts-fsrs runs with fuzz off and its other defaults
// (desired retention 0.9, maximum interval 36500, steps 1m 10m and 10m, short-term on).
//
// Days: rehearse counts a review's days the way Anki does, in the user's days, which start at the
// configured hour (4 am by default) local time. ts-fsrs counts UTC calendar days. With TZ=UTC, a
// review at time T falls on the same rehearse day as T - H hours does on ts-fsrs's calendar, so
// each time is shifted by H hours before ts-fsrs sees it; output times are the unshifted ones.
import { readFileSync } from 'node:fs';
import { createEmptyCard, dateDiffInDays, forgetting_curve, fsrs, State } from 'ts-fsrs';

const args = process.argv.slice(2);
const file = args[0];
const hourIndex = args.indexOf('--day-start-hour');
const dayStartHour = hourIndex >= 0 ? Number(args[hourIndex + 1]) : 4;
if (!file || !Number.isInteger(dayStartHour)) {
  console.error('usage: node replay.mjs FILE.csv [--day-start-hour H]');
  process.exit(2);
}

const scheduler = fsrs({ enable_fuzz: false });
const w = scheduler.parameters.w;
const stateNames = { [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const cards = new Map();
const out = [];

const lines = readFileSync(file, 'utf8').split('\n');
for (let i = 1; i < lines.length; i++) {
  const line = lines[i].trim();
  if (!line) continue;
  const [id, time, rating] = line.split(',');
  const ms = Number(time);
  const shifted = new Date(ms - dayStartHour * 3600 * 1000);
  const card = cards.get(id) ?? createEmptyCard(shifted);
  // Retrievability at the review, before the rating, with the elapsed days ts-fsrs itself uses.
  const retrievability =
    card.state === State.New ? null : forgetting_curve(w, dateDiffInDays(card.last_review, shifted), card.stability);
  const next = scheduler.next(card, shifted, Number(rating)).card;
  cards.set(id, next);
  out.push(
    JSON.stringify({
      card_id: Number(id),
      time: new Date(ms).toISOString(),
      rating: Number(rating),
      state: stateNames[next.state],
      stability: next.stability,
      difficulty: next.difficulty,
      retrievability,
      interval_days: next.scheduled_days,
    }),
  );
  if (out.length >= 10000) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
