#include "answer_editor.h"

#include <algorithm>
#include <cwctype>
#include <utility>

namespace rehearse::tui {

bool AnswerEditor::blank() const {
  return std::all_of(text_.begin(), text_.end(), [](wchar_t c) { return std::iswspace(static_cast<wint_t>(c)) != 0; });
}

void AnswerEditor::clear() {
  text_.clear();
  cursor_ = 0;
  goal_column_.reset();
}

void AnswerEditor::set_text(std::wstring text) {
  text_ = std::move(text);
  cursor_ = text_.size();
  goal_column_.reset();
}

void AnswerEditor::set_width(int width) { width_ = std::max(width, 1); }

void AnswerEditor::insert(wchar_t c) {
  text_.insert(cursor_, 1, c);
  ++cursor_;
  goal_column_.reset();
}

void AnswerEditor::backspace() {
  if (cursor_ == 0) return;
  text_.erase(--cursor_, 1);
  goal_column_.reset();
}

void AnswerEditor::delete_forward() {
  if (cursor_ < text_.size()) text_.erase(cursor_, 1);
  goal_column_.reset();
}

void AnswerEditor::delete_word_before() {
  std::size_t start = cursor_;
  while (start > 0 && std::iswspace(static_cast<wint_t>(text_[start - 1]))) --start;
  while (start > 0 && !std::iswspace(static_cast<wint_t>(text_[start - 1]))) --start;
  text_.erase(start, cursor_ - start);
  cursor_ = start;
  goal_column_.reset();
}

void AnswerEditor::left() {
  if (cursor_ > 0) --cursor_;
  goal_column_.reset();
}

void AnswerEditor::right() {
  if (cursor_ < text_.size()) ++cursor_;
  goal_column_.reset();
}

void AnswerEditor::up() { move_to_row(-1); }
void AnswerEditor::down() { move_to_row(+1); }

void AnswerEditor::home() {
  const auto all = rows();
  cursor_ = all[row_of_cursor(all)].begin;
  goal_column_.reset();
}

void AnswerEditor::end() {
  const auto all = rows();
  cursor_ = last_position(all, row_of_cursor(all));
  goal_column_.reset();
}

std::vector<Row> AnswerEditor::rows() const {
  std::vector<Row> all = wrap_rows(text_, width_);
  // Text that fills its last row puts the cursor on a new row after it, as typing continues there.
  const Row& last = all.back();
  if (last.end > last.begin && text_.back() != L'\n' &&
      text_width(std::wstring_view(text_).substr(last.begin, last.end - last.begin)) >= width_)
    all.push_back({text_.size(), text_.size()});
  return all;
}

std::size_t AnswerEditor::row_of_cursor(const std::vector<Row>& all) const {
  for (std::size_t i = 0; i < all.size(); ++i) {
    const bool next_starts_here = i + 1 < all.size() && all[i + 1].begin == cursor_;
    if (cursor_ >= all[i].begin && (cursor_ < all[i].end || (cursor_ == all[i].end && !next_starts_here))) return i;
  }
  return all.size() - 1;
}

std::size_t AnswerEditor::last_position(const std::vector<Row>& all, std::size_t row) const {
  const Row& r = all[row];
  const bool wraps_into_next = row + 1 < all.size() && all[row + 1].begin == r.end;
  return wraps_into_next && r.end > r.begin ? r.end - 1 : r.end;
}

void AnswerEditor::move_to_row(std::ptrdiff_t delta) {
  const auto all = rows();
  const std::size_t row = row_of_cursor(all);
  const Row& current = all[row];
  if (!goal_column_) goal_column_ = text_width(std::wstring_view(text_).substr(current.begin, cursor_ - current.begin));
  const auto target = static_cast<std::ptrdiff_t>(row) + delta;
  if (target < 0) {
    cursor_ = 0;
    return;
  }
  if (target >= static_cast<std::ptrdiff_t>(all.size())) {
    cursor_ = text_.size();
    return;
  }
  const auto target_row = static_cast<std::size_t>(target);
  const std::size_t last = last_position(all, target_row);
  std::size_t position = all[target_row].begin;
  int column = 0;
  while (position < last && column + char_width(text_[position]) <= *goal_column_) {
    column += char_width(text_[position]);
    ++position;
  }
  cursor_ = position;
}

AnswerEditor::Layout AnswerEditor::layout() const {
  Layout out;
  out.rows = rows();
  const std::size_t row = row_of_cursor(out.rows);
  out.cursor_row = static_cast<int>(row);
  const Row& r = out.rows[row];
  out.cursor_column = std::min(text_width(std::wstring_view(text_).substr(r.begin, cursor_ - r.begin)), width_ - 1);
  return out;
}

bool AnswerEditor::edit(const Key& key) {
  switch (key.code) {
    case KeyCode::text: insert(key.ch); return true;
    case KeyCode::enter: insert(L'\n'); return true;
    case KeyCode::backspace: backspace(); return true;
    case KeyCode::delete_forward: delete_forward(); return true;
    case KeyCode::left: left(); return true;
    case KeyCode::right: right(); return true;
    case KeyCode::up: up(); return true;
    case KeyCode::down: down(); return true;
    case KeyCode::home: home(); return true;
    case KeyCode::end: end(); return true;
    case KeyCode::ctrl:
      if (key.ch == L'a') home();
      else if (key.ch == L'e') end();
      else if (key.ch == L'w') delete_word_before();
      else return false;
      return true;
    default: return false;
  }
}

std::pair<int, int> AnswerEditor::add_to(Page& page, const std::wstring& frame, int min_rows, Style style) {
  const int frame_width = text_width(frame);
  set_width(page.width() - frame_width);
  const Layout laid_out = layout();
  const int first = page.size();
  const std::size_t shown = std::max(laid_out.rows.size(), static_cast<std::size_t>(std::max(min_rows, 0)));
  for (std::size_t i = 0; i < shown; ++i) {
    std::wstring row;
    if (i < laid_out.rows.size()) row = text_.substr(laid_out.rows[i].begin, laid_out.rows[i].end - laid_out.rows[i].begin);
    page.line({{frame, Style::frame}, {row, style}});
  }
  return {first + laid_out.cursor_row, frame_width + laid_out.cursor_column};
}

}  // namespace rehearse::tui
