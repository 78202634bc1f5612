#include "router/router.hpp"

#include <algorithm>
#include <optional>

#include "common/error.hpp"
#include "common/strings.hpp"

namespace azml::host::router {

const std::string& RouteRequest::param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) {
    throw Error(ErrorCode::Generic, "route has no path parameter named '" + name + "'");
  }
  return it->second;
}

Router::CompiledPattern Router::compile(const std::string& pattern) {
  if (pattern.empty() || pattern[0] != '/') {
    throw Error(ErrorCode::Generic, "route pattern must start with '/': " + pattern);
  }
  CompiledPattern compiled;
  for (const auto& piece : split(std::string_view(pattern).substr(1), '/')) {
    if (piece.empty()) {
      if (pattern == "/") break;
      throw Error(ErrorCode::Generic, "route pattern has an empty segment: " + pattern);
    }
    Segment seg;
    if (piece.front() == '{') {
      if (piece.size() < 3 || piece.back() != '}') {
        throw Error(ErrorCode::Generic, "malformed parameter segment '" + piece + "' in " + pattern);
      }
      seg.is_param = true;
      seg.text = piece.substr(1, piece.size() - 2);
      if (seg.text.back() == '*') {
        seg.is_rest = true;
        seg.text.pop_back();
        if (seg.text.empty()) throw Error(ErrorCode::Generic, "a {name*} segment needs a name: " + pattern);
      }
    } else {
      if (piece.find_first_of("{}") != std::string::npos) {
        throw Error(ErrorCode::Generic, "a parameter must be a whole segment: " + pattern);
      }
      seg.text = piece;
    }
    if (!compiled.segments.empty() && compiled.segments.back().is_rest) {
      throw Error(ErrorCode::Generic, "a {name*} segment must be the last one: " + pattern);
    }
    compiled.segments.push_back(std::move(seg));
  }
  return compiled;
}

bool Router::matches(const CompiledPattern& pattern, const std::vector<std::string>& segments, PathParams* params) {
  const bool has_rest = !pattern.segments.empty() && pattern.segments.back().is_rest;
  if (has_rest ? segments.size() < pattern.segments.size() : pattern.segments.size() != segments.size()) return false;
  // The literal segments first, capturing nothing: most of the routes tried fail here, and
  // building the captured values costs allocations on every request's path.
  for (size_t i = 0; i < pattern.segments.size(); ++i) {
    const auto& seg = pattern.segments[i];
    if (!seg.is_param && !seg.is_rest && !iequals(seg.text, segments[i])) return false;
  }
  if (!params) return true;
  PathParams captured;
  for (size_t i = 0; i < pattern.segments.size(); ++i) {
    const auto& seg = pattern.segments[i];
    if (seg.is_rest) {
      std::string rest = segments[i];
      for (size_t j = i + 1; j < segments.size(); ++j) rest += "/" + segments[j];
      captured[seg.text] = std::move(rest);
    } else if (seg.is_param) {
      captured[seg.text] = segments[i];
    }
  }
  *params = std::move(captured);
  return true;
}

bool Router::more_specific(const CompiledPattern& a, const CompiledPattern& b) {
  for (size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
    if (a.segments[i].is_param != b.segments[i].is_param) return !a.segments[i].is_param;
    if (a.segments[i].is_rest != b.segments[i].is_rest) return !a.segments[i].is_rest;
  }
  return false;
}

void Router::add(Route route) {
  if (!route.handler) throw Error(ErrorCode::Generic, "route without a handler: " + route.pattern);
  if (route.access == Access::AdminOrKey && !route.key_check) {
    throw Error(ErrorCode::Generic, "route " + route.pattern + " accepts keys but has no key check");
  }
  // Methods are case-sensitive on the wire (RFC 9110); routes are declared in upper case.
  for (char c : route.method) {
    if (c < 'A' || c > 'Z') throw Error(ErrorCode::Generic, "route method must be upper case: " + route.method);
  }
  auto compiled = compile(route.pattern);
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method != route.method || compiled_[i].segments.size() != compiled.segments.size()) continue;
    bool same_shape = true;
    for (size_t s = 0; s < compiled.segments.size() && same_shape; ++s) {
      const auto& a = compiled.segments[s];
      const auto& b = compiled_[i].segments[s];
      same_shape = a.is_param == b.is_param && a.is_rest == b.is_rest && (a.is_param || iequals(a.text, b.text));
    }
    if (same_shape) {
      throw Error(ErrorCode::Generic, "duplicate route " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

RouteMatch Router::match(const std::string& method, const std::vector<std::string>& segments) const {
  RouteMatch result;
  std::optional<size_t> best;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method != method || !matches(compiled_[i], segments, nullptr)) continue;
    if (!best || more_specific(compiled_[i], compiled_[*best])) best = i;
  }
  if (best) {
    result.outcome = RouteMatch::Outcome::Found;
    result.route = &routes_[*best];
    matches(compiled_[*best], segments, &result.params);
    return result;
  }
  // No route of this method: the path's routes of other methods tell 405 from 404. Only a
  // request that fails pays for looking at them.
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(compiled_[i], segments, nullptr)) continue;
    if (std::find(result.allowed.begin(), result.allowed.end(), routes_[i].method) == result.allowed.end()) {
      result.allowed.push_back(routes_[i].method);
    }
  }
  result.outcome = result.allowed.empty() ? RouteMatch::Outcome::NotFound : RouteMatch::Outcome::MethodNotAllowed;
  return result;
}

}  // namespace azml::host::router
