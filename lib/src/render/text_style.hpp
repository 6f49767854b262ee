#pragma once
// ANSI styling for the terminal report; every method is the identity when colour is off.

#include <string>

#include "attune/finding.hpp"

namespace attune {

class TextStyle {
 public:
  explicit TextStyle(bool colour) : colour_(colour) {}
  [[nodiscard]] std::string bold(const std::string& s) const { return wrap("1", s); }
  [[nodiscard]] std::string dim(const std::string& s) const { return wrap("2", s); }
  [[nodiscard]] std::string ok(const std::string& s) const { return wrap("1;32", s); }
  [[nodiscard]] std::string severity(Severity severity, const std::string& s) const {
    switch (severity) {
      case Severity::error: return wrap("1;31", s);
      case Severity::warning: return wrap("1;33", s);
      case Severity::info: return wrap("1;36", s);
    }
    return s;
  }

 private:
  [[nodiscard]] std::string wrap(const char* code, const std::string& s) const {
    return colour_ ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
  }
  bool colour_;
};

}  // namespace attune
