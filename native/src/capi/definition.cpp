// azml_definition_*: offline validation, export and import of web service definitions, done by
// the definition module.
#include <string>

#include "capi/barrier.hpp"
#include "capi/buffer.hpp"
#include "definition/definition.hpp"

using azml::capi::fill_buffer;
using azml::capi::guarded;
using azml::capi::require_argument;
namespace definition = azml::definition;

extern "C" {

int azml_definition_validate(const char* web_service_json) {
  return guarded([&] {
    require_argument(web_service_json, "web_service_json");
    // A definition on its own, as a file holds it: what Import requires (location optional).
    definition::parse_and_check(definition::parse_json(web_service_json, "web_service_json"),
                                definition::Purpose::Import);
  });
}

int azml_definition_export(azml_buf* out, const char* web_service_json) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(web_service_json, "web_service_json");
    fill_buffer(out, definition::export_text(definition::parse_json(web_service_json, "web_service_json")));
  });
}

int azml_definition_import(azml_buf* out, const char* definition_json) {
  return guarded([&] {
    require_argument(out, "out");
    require_argument(definition_json, "definition_json");
    fill_buffer(out, definition::import_text(definition_json).dump());
  });
}

}  // extern "C"
