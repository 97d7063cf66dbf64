// The user's days on screen, and the interview plan of `rehearse review --until DATE`.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "rehearse/clock.h"
#include "rehearse/study_plan.h"

namespace rehearse::app {

// "2026-01-10" for a Clock day number.
std::string format_day(std::int64_t day);
// "Sat" for a Clock day number.
std::string weekday(std::int64_t day);

// The moment --until DATE means: a date alone is the whole of that day (ready until it ends, by
// the day-start hour), a date and time that moment. Throws UsageError for anything else.
std::int64_t interview_moment(const std::string& text, const Clock& clock);

// The plan in a few lines: how many cards are ready, how many reviews a day it takes.
// The plan in a few lines, ending with `readiness` (plan_until's).
std::string describe_plan(const StudyPlan& plan, const std::vector<Readiness>& readiness, const Clock& clock);
// The expected share recalled on the day, per deck and kind of card (empty without cards).
std::string describe_readiness(const std::vector<Readiness>& readiness);
nlohmann::json plan_json(const StudyPlan& plan, const std::vector<Readiness>& readiness, const Clock& clock);

}  // namespace rehearse::app
