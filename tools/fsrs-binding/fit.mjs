// fsrs-rs (through its napi binding, @open-spaced-repetition/binding) on the same items as
// rehearse: fits its own parameters, timed, and evaluates those and any other parameter lists
// with its own evaluate(), so rehearse's fit is judged by fsrs-rs's own yardstick.
//
//   node fit.mjs ITEMS.json [PARAMETERS.json]
//
// ITEMS.json: {"items": [[[rating, delta_t], ...], ...]}, one item per predicted review (its card's
// reviews up to and including it, the first with delta_t 0), in time order.
// PARAMETERS.json: {"NAME": [21 numbers], ...}, parameter lists to evaluate besides fsrs-rs's.
// Prints {"fsrs_rs": {"parameters", "seconds", "log_loss", "rmse_bins"}, "NAME": {"log_loss",
// "rmse_bins"}, ...} on one line.
import { readFileSync } from 'node:fs';
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';

const [itemsFile, parametersFile] = process.argv.slice(2);
if (!itemsFile) {
  console.error('usage: node fit.mjs ITEMS.json [PARAMETERS.json]');
  process.exit(2);
}
const makeItems = (raw) => raw.map((reviews) => new FSRSBindingItem(reviews.map(([rating, deltaT]) => new FSRSBindingReview(rating, deltaT))));
const raw = JSON.parse(readFileSync(itemsFile, 'utf8')).items;
const others = parametersFile ? JSON.parse(readFileSync(parametersFile, 'utf8')) : {};

const evaluate = (parameters) => {
  const { logLoss, rmseBins } = new FSRSBinding(parameters).evaluate(makeItems(raw));
  return { log_loss: logLoss, rmse_bins: rmseBins };
};

const items = makeItems(raw);
const start = process.hrtime.bigint();
const parameters = await computeParameters(items, { enableShortTerm: true });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const out = { fsrs_rs: { parameters, seconds, ...evaluate(parameters) } };
for (const [name, list] of Object.entries(others)) out[name] = evaluate(list);
console.log(JSON.stringify(out));
