// Method + path-pattern routing for azml-host. Patterns are written as ARM documents them
// ("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/..."); literal segments
// match case-insensitively, as ARM does, and {name} segments capture one decoded path segment.
// A last segment written {name*} captures one or more segments, joined with '/': blob names
// ("/blob/{account}/{container}/{blob*}") hold virtual directories.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/http.hpp"
#include "common/url.hpp"

namespace azml::host::router {

// Values captured from {name} segments. Lookups by name are exact (the pattern's spelling).
using PathParams = std::map<std::string, std::string>;

// What a route's handler receives: the raw request, its parsed target and the captured values.
struct RouteRequest {
  const http::Request& http;
  const Target& target;
  PathParams params;
  std::string request_id;  // the x-ms-request-id this exchange answers with

  // The captured value of {name}; throws azml::Error(Generic) when the pattern has no such name
  // (a programming error, not a client one).
  const std::string& param(const std::string& name) const;
};

using RouteHandler = std::function<http::Response(const RouteRequest&)>;

// Whether a bearer token (not the admin token) is a key of the resource the request names:
// compares in constant time, never throws, false when the resource does not exist.
using KeyCheck = std::function<bool(const RouteRequest&, const std::string& presented)>;

// Who may call a route.
enum class Access {
  Admin,          // the host's admin bearer token (management API)
  AdminOrKey,     // the admin token, or a bearer token the route's key_check accepts (a classic
                  // endpoint's own key)
  Anonymous,      // anyone
};

struct Route {
  std::string method;   // "GET", "PUT", ... (upper case)
  std::string pattern;  // "/subscriptions/{subscriptionId}/..."
  Access access = Access::Admin;
  RouteHandler handler;
  KeyCheck key_check = nullptr;  // required with Access::AdminOrKey
};

// The result of looking a request up.
struct RouteMatch {
  enum class Outcome { Found, NotFound, MethodNotAllowed };
  Outcome outcome = Outcome::NotFound;
  const Route* route = nullptr;        // set when Found
  PathParams params;                   // set when Found
  std::vector<std::string> allowed;    // set when MethodNotAllowed: the methods the path has
};

class Router {
 public:
  // Adds a route. Throws azml::Error(Generic) for a malformed pattern or a duplicate
  // method + pattern, both programming errors caught by the first test that builds the router.
  void add(Route route);

  // Finds the route for a method and decoded path segments. Among the routes of that method
  // whose pattern matches, a literal segment wins over a {param} at the first position where
  // they differ. When the path matches only routes of other methods, the outcome is
  // MethodNotAllowed with those methods; when it matches nothing, NotFound.
  RouteMatch match(const std::string& method, const std::vector<std::string>& segments) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    bool is_param = false;
    bool is_rest = false;  // {name*}: this and every later segment
    std::string text;      // literal text, or the parameter's name
  };
  struct CompiledPattern {
    std::vector<Segment> segments;
  };

  static CompiledPattern compile(const std::string& pattern);
  static bool matches(const CompiledPattern& pattern, const std::vector<std::string>& segments, PathParams* params);
  // Lower is more specific: compares the literal/param shape segment by segment.
  static bool more_specific(const CompiledPattern& a, const CompiledPattern& b);

  std::vector<Route> routes_;
  std::vector<CompiledPattern> compiled_;
};

}  // namespace azml::host::router
