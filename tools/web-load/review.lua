-- wrk script of tools/web-load/run: every connection reviews as a user would, as fast as the
-- server lets it: read the review, reveal the card, rate it, and now and then read the statistics.
-- All connections share one browser session, so they race for the same card, as two tabs would.
--
-- Each wrk thread runs one connection (run with -c equal to -t): its requests and responses then
-- alternate, and the script knows which request a response answers.
local cookie = os.getenv("REHEARSE_COOKIE")
local token = os.getenv("REHEARSE_TOKEN")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init()
  card, step, last = nil, 0, nil
  answered, refused, failed = 0, 0, 0
  unconfirmed = 0  -- 1 while an answer is sent and its reply not yet read
end

local function get(path)
  return wrk.format("GET", path, {["Cookie"] = cookie})
end

local function post(path, body)
  return wrk.format("POST", path, {["Cookie"] = cookie, ["X-Rehearse-Token"] = token,
                                   ["Content-Type"] = "application/json"}, body)
end

function request()
  step = step + 1
  if card == nil or step % 8 == 0 then
    last = "read"
    return get(step % 16 == 0 and "/api/stats" or "/api/review")
  end
  if last ~= "reveal" then
    last = "reveal"
    return post("/api/review/reveal", '{"card_id": ' .. card .. ', "text": "read the cache first, load on a miss"}')
  end
  last = "answer"
  unconfirmed = 1
  return post("/api/review/answer", '{"card_id": ' .. card .. ', "rating": 3}')
end

function response(status, headers, body)
  unconfirmed = 0
  if status == 200 then
    -- An answer is recorded when the reply says what was saved; otherwise another connection
    -- answered the card first and this answer was dropped, as the page tells its user.
    if last == "answer" and body:find('"saved":{', 1, true) then answered = answered + 1 end
    card = body:match('"card":{[^}]-"id":(%d+)')  -- nil once the review is over
  elseif status == 400 and body:find("moved on in another tab", 1, true) then
    refused = refused + 1  -- the card was answered by another connection: refused, not recorded
    card = nil
  else
    failed = failed + 1
    card = nil
  end
end

function done(summary, latency, requests)
  local a, r, f, u = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("answered")
    r = r + thread:get("refused")
    f = f + thread:get("failed")
    u = u + thread:get("unconfirmed")
  end
  -- When the time is up, wrk drops the replies still on their way: an answer sent last may be
  -- recorded without its confirmation having been read.
  io.write(string.format("web-load: answered %d, unconfirmed %d, refused %d, failed %d, requests %d, socket errors %d, p99 %.1f ms\n", a, u, r, f,
                         summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write +
                         summary.errors.timeout, latency:percentile(99) / 1000))
end
