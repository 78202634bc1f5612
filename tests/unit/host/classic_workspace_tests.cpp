// ClassicWorkspace: every rule of the classic endpoint API, over a real SQLite store in a fresh
// temporary directory, a real file blob store holding the trained sample models, and the real
// runtime compiling them. A refused change must leave the stored endpoints and what the runtime
// serves exactly as they were.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "blobs/blob_service.hpp"
#include "common/crypto.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/strings.hpp"
#include "domain/catalog.hpp"
#include "domain/classic_workspace.hpp"
#include "runtime/web_service_runtime.hpp"
#include "test_support.hpp"

using azml::json;
using azml::host::ResourceKey;
using azml::host::domain::ClassicWorkspace;
using azml::host::domain::EndpointView;
using azml::host::test::RawDatabase;
using azml::host::test::TempDir;

namespace {

// A host authority for the blob URLs: only ever parsed, never connected to.
const std::string kAuthority = "127.0.0.1:7070";
const std::string kModels = "models";
const std::string kResourceGroup = "Default-MachineLearning-SouthCentralUS";
const std::string kModelName = "Retrain Sample [trained model]";
// RetrainSamplePre.json's machineLearningWorkspace.id.
const std::string kWorkspaceId = "8b841df9d60a4d54bcebd4948b10a5db";
const std::string kAzureModelUri =
    "https://mltestaccount.blob.core.windows.net/azuremlassetscontainer/2c6bd0c2b4a94bdbb6a4bd4f0b2e21a7.ilearner";

std::filesystem::path sample_data(const std::string& file) { return std::filesystem::path(AZML_TEST_SAMPLE_DATA_DIR) / file; }

std::string instant(int tick) {
  char text[40];
  std::snprintf(text, sizeof text, "2026-11-26T12:00:00.%07dZ", tick);
  return text;
}

std::string blob_url(const std::string& blob) { return "http://" + kAuthority + "/blob/azmlstore/" + kModels + "/" + blob; }

// RetrainSamplePre with its trained model at model_uri.
json predictive_service(const std::string& model_uri) {
  json service = json::parse(azml::host::test::read_file(sample_data("RetrainSamplePre.json")));
  service["properties"]["assets"]["asset3"]["locationInfo"]["uri"] = model_uri;
  return service;
}

// {"Resources":[{"Name","Location":{...}}]} for the sample's trained model.
json patch_body(const std::string& base, const std::string& relative, const std::string& sas = "",
                const std::string& name = kModelName) {
  json location = {{"BaseLocation", base}, {"RelativeLocation", relative}};
  if (!sas.empty()) location["SasBlobToken"] = sas;
  return json{{"Resources", json::array({{{"Name", name}, {"Location", location}}})}};
}

std::string code_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const azml::Error& error) {
    return error.service_code();
  }
  return "(no error)";
}

struct ClassicFixture {
  TempDir dir;
  std::filesystem::path db_path = dir.path() / "azml.db";
  int ticks = 0;
  azml::Clock::time_point now = azml::Clock::now();
  std::unique_ptr<azml::host::storage::Store> store = azml::host::storage::open_sqlite_store(db_path);
  azml::host::domain::Catalog catalog{*store, [this] { return instant(++ticks); }};
  azml::host::blobs::BlobService blobs{azml::host::blobs::open_file_blob_store(dir.path() / "blobs"),
                                       azml::host::blobs::StorageAccount{"azmlstore", azml::random_key_base64(64)}};
  std::unique_ptr<azml::host::runtime::WebServiceRuntime> runtime;
  std::unique_ptr<ClassicWorkspace> classic;
  std::string subscription = catalog.subscriptions().front();
  ResourceKey key{subscription, kResourceGroup, "RetrainSamplePre"};
  std::string service_id;

  ClassicFixture() {
    blobs.store().create_container("azmlstore", kModels);
    for (const char* version : {"v1", "v2"}) {
      const std::string file = std::string("retrain-sample-") + version + ".ilearner";
      blobs.store().put_blob("azmlstore", kModels, std::string(version) + ".ilearner",
                             azml::host::test::read_file(sample_data(file)), "application/octet-stream");
    }
    blobs.store().put_blob("azmlstore", kModels, "census.ilearner",
                           azml::host::test::read_file(sample_data("census-sample.csv")), "text/csv");
    start_runtime();
    auto created = catalog.create_or_update(key, predictive_service(blob_url("v1.ilearner")));
    BOOST_TEST_REQUIRE(created.record.provisioning_state == "Succeeded", created.record.provisioning_error.dump());
    service_id = azml::host::domain::Catalog::service_id(key);
  }

  // The runtime and the classic workspace over the store, as the host wires them at start.
  void start_runtime() {
    azml::host::runtime::ResourceSources sources;
    sources.blob_store = &blobs.store();
    sources.own_authorities = {kAuthority};
    sources.account = blobs.account();
    sources.now = [this] { return now; };
    runtime = std::make_unique<azml::host::runtime::WebServiceRuntime>(std::move(sources));
    catalog.set_provisioner(runtime.get());
    classic = std::make_unique<ClassicWorkspace>(catalog, *store, [this] { return instant(++ticks); });
    classic->set_provisioner(runtime.get());
  }

  EndpointView add(const std::string& name, const json& body = json()) {
    auto result = classic->put_endpoint(subscription, service_id, name, body);
    BOOST_TEST_REQUIRE(result.created);
    return result.endpoint;
  }

  EndpointView patch(const std::string& name, const json& body) {
    return classic->patch_endpoint(subscription, service_id, name, body);
  }

  // The revision the runtime serves for a runtime id; null when it serves nothing.
  const void* served(const std::string& runtime_id) {
    auto resolved = runtime->find(subscription, runtime_id);
    return resolved.state->revision.get();
  }

  std::string sas(const std::string& blob, const std::string& permissions, azml::Clock::time_point expiry,
                  const std::string& container = kModels) {
    azml::storage_auth::ServiceSas token;
    token.version = azml::storage_auth::kServiceVersion;
    token.resource = "b";
    token.permissions = permissions;
    token.expiry = azml::format_sas_time(expiry);
    const auto resource = azml::storage_auth::service_sas_canonical_resource(token.version, "azmlstore", container, blob);
    token.signature = azml::storage_auth::sign(blobs.account().key, azml::storage_auth::service_sas_string_to_sign(token, resource));
    return "?" + azml::storage_auth::service_sas_query(token);
  }

  // Everything an endpoint change could have written, and what the runtime serves for it.
  std::string snapshot(const std::string& endpoint) {
    RawDatabase raw(db_path);
    const std::string rows = raw.text(
        "SELECT json_group_array(json_array(name, description, modified_on, primary_key, secondary_key, "
        "throttle_level, max_concurrent_calls, prevent_update, base_revision, resources, version)) "
        "FROM (SELECT * FROM classic_endpoints ORDER BY name)");
    char pointer[32];
    const std::string runtime_id = endpoint == "default" ? service_id : ClassicWorkspace::endpoint_service_id(key, endpoint);
    std::snprintf(pointer, sizeof pointer, "%p", served(runtime_id));
    return rows + " | serving " + pointer;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(classic_web_services, ClassicFixture)

BOOST_AUTO_TEST_CASE(the_workspace_is_the_subscription_or_a_web_services_workspace_id) {
  for (const std::string& workspace : {subscription, kWorkspaceId, std::string("8B841DF9D60A4D54BCEBD4948B10A5DB")}) {
    const auto services = classic->list_web_services(workspace);
    BOOST_TEST_REQUIRE(services.size() == 1u);
    BOOST_TEST(services[0].id == service_id);
    BOOST_TEST(services[0].endpoint_count == 1u);
    BOOST_TEST(classic->get_web_service(workspace, service_id).record.key.name == "RetrainSamplePre");
  }
  BOOST_TEST(code_of([&] { classic->list_web_services("0123456789abcdef0123456789abcdef"); }) == "WorkspaceNotFound");
  BOOST_TEST(code_of([&] { classic->get_web_service("0123456789abcdef0123456789abcdef", service_id); }) ==
             "WebServiceNotFound");
  BOOST_TEST(code_of([&] { classic->get_web_service(subscription, "00000000000000000000000000000000"); }) ==
             "WebServiceNotFound");
  // Ids compare case-insensitively, like the runtime's.
  std::string upper = service_id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  BOOST_TEST(classic->get_web_service(subscription, upper).id == service_id);
}

BOOST_AUTO_TEST_CASE(a_web_service_made_after_the_first_lookup_is_found_by_its_id) {
  BOOST_TEST(classic->list_web_services(subscription).size() == 1u);
  const ResourceKey later{subscription, "OtherRG", "Later"};
  BOOST_TEST_REQUIRE(catalog.create_or_update(later, predictive_service(blob_url("v2.ilearner"))).created);
  BOOST_TEST(classic->get_web_service(subscription, azml::host::domain::Catalog::service_id(later)).record.key.name ==
             "Later");
}

BOOST_AUTO_TEST_CASE(removing_the_web_service_removes_its_endpoints_and_their_slots) {
  const EndpointView endpoint = add("retrained1");
  BOOST_TEST_REQUIRE(served(endpoint.service_id) != nullptr);
  classic->remove_web_service(kWorkspaceId, service_id);
  BOOST_TEST(code_of([&] { classic->get_web_service(subscription, service_id); }) == "WebServiceNotFound");
  BOOST_TEST(code_of([&] { runtime->find(subscription, endpoint.service_id); }) == "WebServiceNotFound");
  BOOST_TEST(RawDatabase(db_path).integer("SELECT count(*) FROM classic_endpoints") == 0);
  // Deleted through ARM, the same.
  BOOST_TEST_REQUIRE(catalog.create_or_update(key, predictive_service(blob_url("v1.ilearner"))).created);
  const EndpointView again = add("retrained1");
  catalog.remove(key);
  BOOST_TEST(code_of([&] { runtime->find(subscription, again.service_id); }) == "WebServiceNotFound");
  BOOST_TEST(RawDatabase(db_path).integer("SELECT count(*) FROM classic_endpoints") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(classic_endpoints_add, ClassicFixture)

BOOST_AUTO_TEST_CASE(the_default_endpoint_is_the_web_service_itself) {
  const auto endpoints = classic->list_endpoints(subscription, service_id);
  BOOST_TEST_REQUIRE(endpoints.size() == 1u);
  const EndpointView& view = endpoints.front();
  const json keys = catalog.list_keys(key);
  BOOST_TEST(view.name == "default");
  BOOST_TEST(view.is_default);
  BOOST_TEST(view.primary_key == keys.at("primary").get<std::string>());
  BOOST_TEST(view.secondary_key == keys.at("secondary").get<std::string>());
  BOOST_TEST(view.service_id == service_id);
  BOOST_TEST(view.version == 1);
  BOOST_TEST(view.max_concurrent_calls == 4);  // the definition's realtimeConfiguration
  BOOST_TEST(view.throttle_level == "High");
  BOOST_TEST(view.description == "Scores census rows with the model that the training web service retrains.");
  BOOST_TEST_REQUIRE(view.resources.size() == 1u);
  BOOST_TEST(view.resources[0].name == kModelName);
  BOOST_TEST(view.resources[0].kind == "TrainedModel");
  BOOST_TEST(view.resources[0].uri == blob_url("v1.ilearner"));
}

BOOST_AUTO_TEST_CASE(an_added_endpoint_gets_its_own_keys_and_id_and_shares_the_compiled_revision) {
  const EndpointView endpoint = add("retrained1", {{"Description", "for retraining"}});
  BOOST_TEST(endpoint.version == 1);
  BOOST_TEST(endpoint.description == "for retraining");
  BOOST_TEST(endpoint.throttle_level == "High");
  BOOST_TEST(endpoint.max_concurrent_calls == 20);
  BOOST_TEST(!endpoint.prevent_update);
  BOOST_TEST(endpoint.primary_key.size() == 88u);
  BOOST_TEST(endpoint.primary_key != endpoint.secondary_key);
  BOOST_TEST(endpoint.primary_key != catalog.list_keys(key).at("primary").get<std::string>());
  BOOST_TEST(endpoint.service_id == azml::sha256_hex(azml::to_lower(subscription) +
                                                     "/default-machinelearning-southcentralus/retrainsamplepre/"
                                                     "endpoints/retrained1")
                                        .substr(0, 32));
  // Nothing loaded twice: the endpoint serves the default's compiled revision.
  BOOST_TEST(served(endpoint.service_id) == served(service_id));
  BOOST_TEST(classic->get_web_service(subscription, service_id).endpoint_count == 2u);
  const auto listed = classic->list_endpoints(subscription, service_id);
  BOOST_TEST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed[0].name == "default");
  BOOST_TEST(listed[1].name == "retrained1");
}

BOOST_AUTO_TEST_CASE(settings_follow_azures_rules) {
  // Low forces 4 whatever is asked; names and values compare case-insensitively.
  const EndpointView low = add("low", {{"throttlelevel", "low"}, {"MaxConcurrentCalls", 150}});
  BOOST_TEST(low.throttle_level == "Low");
  BOOST_TEST(low.max_concurrent_calls == 4);
  const EndpointView high = add("high", {{"ThrottleLevel", "HIGH"}, {"MaxConcurrentCalls", 200},
                                         {"PreventUpdate", "True"}, {"Unknown", 1}, {"Description", nullptr}});
  BOOST_TEST(high.max_concurrent_calls == 200);
  BOOST_TEST(high.prevent_update);
  const EndpointView defaults = add("defaults", {{"MaxConcurrentCalls", nullptr}, {"ThrottleLevel", nullptr},
                                                 {"WebServiceId", service_id}, {"EndpointName", "defaults"}});
  BOOST_TEST(defaults.max_concurrent_calls == 20);
  BOOST_TEST(defaults.throttle_level == "High");
}

BOOST_AUTO_TEST_CASE(bad_settings_and_names_are_refused_and_nothing_is_added) {
  const std::string before = snapshot("default");
  const auto put = [&](const std::string& name, const json& body) {
    return code_of([&] { classic->put_endpoint(subscription, service_id, name, body); });
  };
  BOOST_TEST(put("Retrained_1", json()) == "InvalidEndpointName");
  BOOST_TEST(put("Retrained1", json()) == "InvalidEndpointName");
  BOOST_TEST(put("abcdefghijklmnopqrstuvwxy", json()) == "InvalidEndpointName");  // 25 characters
  BOOST_TEST(put("default", json()) == "DefaultEndpointNotUpdatable");
  BOOST_TEST(put("Default", json()) == "DefaultEndpointNotUpdatable");
  BOOST_TEST(put("e1", {{"ThrottleLevel", "Medium"}}) == "InvalidThrottleLevel");
  BOOST_TEST(put("e1", {{"MaxConcurrentCalls", 0}}) == "InvalidMaxConcurrentCalls");
  BOOST_TEST(put("e1", {{"MaxConcurrentCalls", 201}}) == "InvalidMaxConcurrentCalls");
  BOOST_TEST(put("e1", {{"MaxConcurrentCalls", "20"}}) == "InvalidMaxConcurrentCalls");
  BOOST_TEST(put("e1", {{"PreventUpdate", "maybe"}}) == "BadArgument");
  BOOST_TEST(put("e1", {{"Description", 5}}) == "BadArgument");
  BOOST_TEST(put("e1", {{"WebServiceId", "00000000000000000000000000000000"}}) == "BadArgument");
  BOOST_TEST(put("e1", {{"EndpointName", "e2"}}) == "BadArgument");
  BOOST_TEST(put("e1", json::array()) == "BadArgument");
  BOOST_TEST(code_of([&] { classic->put_endpoint(subscription, "00000000000000000000000000000000", "e1", json()); }) ==
             "WebServiceNotFound");
  try {
    classic->put_endpoint(subscription, service_id, "Retrained_1", json());
  } catch (const azml::Error& error) {
    BOOST_TEST(std::string(error.what()) ==
               "Endpoint names are 1 to 24 characters, lower-case letters and digits only; 'Retrained_1' is not.");
    BOOST_TEST(static_cast<int>(error.code()) == static_cast<int>(azml::ErrorCode::Invalid));
  }
  BOOST_TEST(snapshot("default") == before);
  BOOST_TEST(classic->list_endpoints(subscription, service_id).size() == 1u);
}

BOOST_AUTO_TEST_CASE(putting_an_existing_endpoint_changes_its_settings_only) {
  const EndpointView added = add("retrained1", {{"Description", "first"}});
  auto same = classic->put_endpoint(subscription, service_id, "retrained1", {{"Description", "first"}});
  BOOST_TEST(!same.created);
  BOOST_TEST(same.endpoint.version == 1);  // nothing changed
  auto changed = classic->put_endpoint(subscription, service_id, "retrained1",
                                       {{"Description", "second"}, {"ThrottleLevel", "Low"}, {"PreventUpdate", true}});
  BOOST_TEST(!changed.created);
  BOOST_TEST(changed.endpoint.version == 2);
  BOOST_TEST(changed.endpoint.description == "second");
  BOOST_TEST(changed.endpoint.max_concurrent_calls == 4);
  BOOST_TEST(changed.endpoint.prevent_update);
  BOOST_TEST(changed.endpoint.primary_key == added.primary_key);
  BOOST_TEST(changed.endpoint.secondary_key == added.secondary_key);
  // The runtime slot takes the new limit and keeps serving what it served.
  const auto resolved = runtime->find(subscription, added.service_id);
  BOOST_TEST(resolved.state->max_concurrent_calls == 4);
  BOOST_TEST(served(added.service_id) == served(service_id));
}

BOOST_AUTO_TEST_CASE(a_web_service_that_never_provisioned_cannot_get_endpoints) {
  const ResourceKey broken{subscription, kResourceGroup, "Broken"};
  auto created = catalog.create_or_update(broken, predictive_service(blob_url("missing.ilearner")));
  BOOST_TEST_REQUIRE(created.record.provisioning_state == "Failed");
  const std::string id = azml::host::domain::Catalog::service_id(broken);
  try {
    classic->put_endpoint(subscription, id, "e1", json());
    BOOST_FAIL("added an endpoint to a web service that serves nothing");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "WebServiceNotReady");
    BOOST_TEST(static_cast<int>(error.code()) == static_cast<int>(azml::ErrorCode::Conflict));
    BOOST_TEST(std::string(error.what()).find("missing.ilearner") != std::string::npos, error.what());
  }
  BOOST_TEST(classic->list_endpoints(subscription, id).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_web_service_takes_at_most_a_hundred_added_endpoints) {
  for (std::size_t i = 0; i < azml::host::domain::kMaxAddedEndpoints; ++i) add("e" + std::to_string(i));
  BOOST_TEST(code_of([&] { classic->put_endpoint(subscription, service_id, "onemore", json()); }) == "TooManyEndpoints");
  BOOST_TEST(classic->get_web_service(subscription, service_id).endpoint_count == 101u);
  // Settings of an existing one still change.
  BOOST_TEST(classic->put_endpoint(subscription, service_id, "e0", {{"Description", "x"}}).endpoint.version == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(classic_endpoints_patch, ClassicFixture)

BOOST_AUTO_TEST_CASE(patching_swaps_the_model_of_that_endpoint_only) {
  const EndpointView added = add("retrained1");
  const void* default_revision = served(service_id);
  const EndpointView patched = patch("retrained1", patch_body("http://" + kAuthority + "/blob/azmlstore/", "models/v2.ilearner"));
  BOOST_TEST(patched.version == 2);
  BOOST_TEST_REQUIRE(patched.resources.size() == 1u);
  BOOST_TEST(patched.resources[0].uri == blob_url("v2.ilearner"));
  BOOST_TEST(served(added.service_id) != nullptr);
  BOOST_TEST(served(added.service_id) != default_revision);
  BOOST_TEST(served(service_id) == default_revision);
  BOOST_TEST(classic->get_endpoint(subscription, service_id, "default").resources[0].uri == blob_url("v1.ilearner"));
  // The name matches case-insensitively; PreventUpdate does not stop a PATCH.
  classic->put_endpoint(subscription, service_id, "retrained1", {{"PreventUpdate", true}});
  const EndpointView again =
      patch("retrained1", patch_body("http://" + kAuthority + "/blob/azmlstore", "/models/v1.ilearner", "",
                                     "retrain sample [TRAINED MODEL]"));
  BOOST_TEST(again.version == 4);
  BOOST_TEST(again.resources[0].name == kModelName);
  BOOST_TEST(again.resources[0].uri == blob_url("v1.ilearner"));
}

BOOST_AUTO_TEST_CASE(a_sas_token_for_an_own_blob_is_checked_as_the_blob_api_checks_it) {
  add("retrained1");
  const std::string base = "http://" + kAuthority + "/blob/azmlstore/";
  const auto later = now + std::chrono::hours(1);
  const auto earlier = now - std::chrono::hours(1);
  const std::string before = snapshot("retrained1");

  try {
    patch("retrained1", patch_body(base, "models/v2.ilearner", sas("v2.ilearner", "r", earlier)));
    BOOST_FAIL("an expired token was accepted");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "BlobLocationExpired");
    const std::string message = error.what();
    BOOST_TEST(message.find(azml::format_sas_time(earlier)) != std::string::npos, message);
    BOOST_TEST(message.find("sig=") == std::string::npos, message);
    BOOST_TEST(message.find("Get-AzMlBatchJob") != std::string::npos, message);
  }
  std::string forged = sas("v2.ilearner", "r", later);
  forged.replace(forged.find("sig=") + 4, 4, "AAAA");
  BOOST_TEST(code_of([&] { patch("retrained1", patch_body(base, "models/v2.ilearner", forged)); }) ==
             "BlobLocationUnauthorized");
  BOOST_TEST(code_of([&] { patch("retrained1", patch_body(base, "models/v2.ilearner", sas("v2.ilearner", "w", later))); }) ==
             "BlobLocationUnauthorized");
  // A token for another blob does not cover this one.
  BOOST_TEST(code_of([&] { patch("retrained1", patch_body(base, "models/v2.ilearner", sas("v1.ilearner", "r", later))); }) ==
             "BlobLocationUnauthorized");
  BOOST_TEST(code_of([&] { patch("retrained1", patch_body(base, "models/v2.ilearner", "?sv=2021-08-06&sp=r")); }) ==
             "BlobLocationUnauthorized");
  BOOST_TEST(snapshot("retrained1") == before);

  // A valid token (with or without its '?') is accepted; it is not needed to read an own blob
  // again, so the stored location has none.
  std::string token = sas("v2.ilearner", "r", later);
  const EndpointView patched = patch("retrained1", patch_body(base, "models/v2.ilearner", token.substr(1)));
  BOOST_TEST(patched.resources[0].uri == blob_url("v2.ilearner"));
  const json stored = json::parse(RawDatabase(db_path).text("SELECT resources FROM classic_endpoints"));
  BOOST_TEST(stored.at(0).at("Location").at("SasBlobToken") == token.substr(1));
}

BOOST_AUTO_TEST_CASE(every_patch_mistake_is_refused_with_its_code_and_changes_nothing) {
  add("retrained1");
  const std::string base = "http://" + kAuthority + "/blob/azmlstore/";
  const std::string before = snapshot("retrained1");
  const auto view_before = classic->get_endpoint(subscription, service_id, "retrained1");
  const auto refused = [&](const std::string& endpoint, const json& body) {
    return code_of([&] { patch(endpoint, body); });
  };
  BOOST_TEST(refused("default", patch_body(base, "models/v2.ilearner")) == "DefaultEndpointNotUpdatable");
  BOOST_TEST(refused("missing", patch_body(base, "models/v2.ilearner")) == "EndpointNotFound");
  BOOST_TEST(refused("retrained1", patch_body(base, "models/v2.ilearner", "", "Census Model [trained model]")) ==
             "UpdatableResourceNotFound");
  BOOST_TEST(refused("retrained1", json()) == "BadArgument");
  BOOST_TEST(refused("retrained1", {{"Resources", json::array()}}) == "BadArgument");
  BOOST_TEST(refused("retrained1", {{"Resources", json::array({{{"Name", kModelName}}})}}) == "BadArgument");
  BOOST_TEST(refused("retrained1", {{"Resources", json::array({{{"Name", kModelName},
                                                                {"Location", {{"BaseLocation", base}}}}})}}) ==
             "BadArgument");
  BOOST_TEST(refused("retrained1", {{"Resources", json::array({{{"Name", 3}, {"Location", json::object()}}})}}) ==
             "BadArgument");
  BOOST_TEST(refused("retrained1", patch_body("models/", "v2.ilearner")) == "InvalidBlobLocation");
  BOOST_TEST(refused("retrained1", patch_body("ftp://host/", "v2.ilearner")) == "InvalidBlobLocation");
  BOOST_TEST(refused("retrained1", patch_body(base, "models/never-written.ilearner")) == "BlobLocationNotFound");
  BOOST_TEST(refused("retrained1", patch_body(base, "models/census.ilearner")) == "InvalidTrainedModel");
  try {
    patch("retrained1", {{"Resources", json::array({{{"Name", kModelName}, {"Location", {{"BaseLocation", base}, {"RelativeLocation", 7}}}}})}});
  } catch (const azml::Error& error) {
    BOOST_TEST(error.target() == "Resources[0].Location.RelativeLocation");
  }
  try {
    patch("retrained1", patch_body(base, "models/v2.ilearner", "", "Foo"));
  } catch (const azml::Error& error) {
    BOOST_TEST(std::string(error.what()) ==
               "'Foo' is not an updatable resource of web service 'RetrainSamplePre'. Its updatable resources: "
               "'Retrain Sample [trained model]'.");
  }
  BOOST_TEST(snapshot("retrained1") == before);
  const auto view_after = classic->get_endpoint(subscription, service_id, "retrained1");
  BOOST_TEST(view_after.version == view_before.version);
  BOOST_TEST(view_after.resources[0].uri == view_before.resources[0].uri);
}

BOOST_AUTO_TEST_CASE(a_web_service_without_trained_models_has_nothing_to_patch) {
  json training = predictive_service(blob_url("v1.ilearner"));
  // The scoring graph without its model: Select Columns only, as a training service's endpoint
  // would offer nothing to update.
  auto& properties = training["properties"];
  properties["assets"].erase("asset2");
  properties["assets"].erase("asset3");
  properties["package"]["nodes"].erase("node3");
  properties["package"]["nodes"].erase("node4");
  properties["package"]["edges"] = json::array({{{"sourceNodeId", "node1"}, {"targetNodeId", "node2"}, {"targetPortId", "Dataset"}},
                                                {{"sourceNodeId", "node2"}, {"sourcePortId", "Results dataset"}, {"targetNodeId", "node5"}}});
  properties["output"]["properties"]["output1"]["properties"].erase("Scored Labels");
  properties["output"]["properties"]["output1"]["properties"].erase("Scored Probabilities");
  const ResourceKey training_key{subscription, kResourceGroup, "RetrainSampleTraining"};
  auto created = catalog.create_or_update(training_key, training);
  BOOST_TEST_REQUIRE(created.record.provisioning_state == "Succeeded", created.record.provisioning_error.dump());
  const std::string id = azml::host::domain::Catalog::service_id(training_key);
  classic->put_endpoint(subscription, id, "retrained1", json());
  try {
    classic->patch_endpoint(subscription, id, "retrained1", patch_body("http://" + kAuthority + "/blob/azmlstore/", "models/v2.ilearner"));
    BOOST_FAIL("patched a service without trained models");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "NoUpdatableResources");
    BOOST_TEST(std::string(error.what()).find("This Web Service has no updatable resources.") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(classic_endpoints_refresh, ClassicFixture)

BOOST_AUTO_TEST_CASE(refresh_takes_the_web_services_revision_and_keeps_or_drops_overrides) {
  const EndpointView added = add("retrained1");
  const std::string base = "http://" + kAuthority + "/blob/azmlstore/";
  BOOST_TEST(!classic->refresh_endpoint(subscription, service_id, "default", json()).has_value());
  BOOST_TEST(!classic->refresh_endpoint(subscription, service_id, "retrained1", json()).has_value());
  patch("retrained1", patch_body(base, "models/v2.ilearner"));
  // Same revision, overrides kept: nothing to do.
  BOOST_TEST(!classic->refresh_endpoint(subscription, service_id, "retrained1", {{"OverwriteResources", "False"}}).has_value());

  // The web service changes: its endpoint does not follow until refreshed.
  catalog.patch(key, {{"properties", {{"description", "changed"}}}});
  BOOST_TEST(classic->get_endpoint(subscription, service_id, "retrained1").version == 2);
  const void* patched_revision = served(added.service_id);
  auto kept = classic->refresh_endpoint(subscription, service_id, "retrained1", json());
  BOOST_TEST_REQUIRE(kept.has_value());
  BOOST_TEST(kept->version == 3);
  BOOST_TEST(kept->resources[0].uri == blob_url("v2.ilearner"));
  BOOST_TEST(served(added.service_id) != patched_revision);

  // Same revision, but overrides dropped: back to the web service's model and its revision.
  auto dropped = classic->refresh_endpoint(subscription, service_id, "retrained1", {{"overwriteresources", true}});
  BOOST_TEST_REQUIRE(dropped.has_value());
  BOOST_TEST(dropped->version == 4);
  BOOST_TEST(dropped->resources[0].uri == blob_url("v1.ilearner"));
  BOOST_TEST(served(added.service_id) == served(service_id));
  BOOST_TEST(!classic->refresh_endpoint(subscription, service_id, "retrained1", {{"OverwriteResources", "True"}}).has_value());
}

BOOST_AUTO_TEST_CASE(refresh_refusals_change_nothing) {
  add("kept", {{"PreventUpdate", true}});
  add("retrained1");
  patch("retrained1", patch_body("http://" + kAuthority + "/blob/azmlstore/", "models/v2.ilearner"));
  // The web service renames its model: the override has nothing left to point at.
  json renamed = predictive_service(blob_url("v1.ilearner"));
  renamed["properties"]["assets"]["asset3"]["name"] = "Census Model [trained model]";
  BOOST_TEST_REQUIRE(catalog.create_or_update(key, renamed).record.provisioning_state == "Succeeded");
  const std::string before = snapshot("retrained1");
  const auto refresh = [&](const std::string& name, const json& body) {
    return code_of([&] { classic->refresh_endpoint(subscription, service_id, name, body); });
  };
  BOOST_TEST(refresh("kept", json()) == "EndpointUpdatePrevented");
  BOOST_TEST(refresh("missing", json()) == "EndpointNotFound");
  BOOST_TEST(refresh("retrained1", {{"OverwriteResources", "sometimes"}}) == "BadArgument");
  try {
    classic->refresh_endpoint(subscription, service_id, "retrained1", json());
    BOOST_FAIL("refreshed an override of a resource the web service no longer has");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "UpdatableResourceNotFound");
    BOOST_TEST(static_cast<int>(error.code()) == static_cast<int>(azml::ErrorCode::Conflict));
  }
  BOOST_TEST(snapshot("retrained1") == before);
  // Dropping the overrides makes the refresh possible.
  BOOST_TEST(classic->refresh_endpoint(subscription, service_id, "retrained1", {{"OverwriteResources", true}})->resources[0].name ==
             "Census Model [trained model]");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(classic_endpoints_remove_and_keys, ClassicFixture)

BOOST_AUTO_TEST_CASE(the_default_endpoint_cannot_be_deleted) {
  try {
    classic->remove_endpoint(subscription, service_id, "default");
    BOOST_FAIL("deleted the default endpoint");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "DefaultEndpointInUse");
    BOOST_TEST(std::string(error.what()).find("delete the web service (Remove-AzMlWebService) instead") != std::string::npos);
  }
  add("b");
  add("a");
  try {
    classic->remove_endpoint(subscription, service_id, "default");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "DefaultEndpointInUse");
    BOOST_TEST(std::string(error.what()).find("while endpoints 'a', 'b' exist") != std::string::npos, error.what());
  }
  BOOST_TEST(classic->list_endpoints(subscription, service_id).size() == 3u);
}

BOOST_AUTO_TEST_CASE(deleting_an_endpoint_withdraws_it) {
  const EndpointView endpoint = add("retrained1");
  classic->remove_endpoint(subscription, service_id, "retrained1");
  BOOST_TEST(code_of([&] { classic->get_endpoint(subscription, service_id, "retrained1"); }) == "EndpointNotFound");
  BOOST_TEST(code_of([&] { runtime->find(subscription, endpoint.service_id); }) == "WebServiceNotFound");
  BOOST_TEST(code_of([&] { classic->remove_endpoint(subscription, service_id, "retrained1"); }) == "EndpointNotFound");
  BOOST_TEST(served(service_id) != nullptr);
}

BOOST_AUTO_TEST_CASE(an_endpoints_keys_open_that_endpoint_only) {
  const EndpointView one = add("one");
  const EndpointView two = add("two");
  const json service_keys = catalog.list_keys(key);
  const auto accepts = [&](const std::string& endpoint, const std::string& presented) {
    return classic->accepts_endpoint_key(subscription, service_id, endpoint, presented);
  };
  BOOST_TEST(accepts("one", one.primary_key));
  BOOST_TEST(accepts("one", one.secondary_key));
  BOOST_TEST(!accepts("one", two.primary_key));
  BOOST_TEST(!accepts("one", service_keys.at("primary").get<std::string>()));
  BOOST_TEST(accepts("default", service_keys.at("secondary").get<std::string>()));
  BOOST_TEST(!accepts("default", one.primary_key));
  BOOST_TEST(!accepts("one", ""));
  BOOST_TEST(!accepts("missing", one.primary_key));
  BOOST_TEST(!classic->accepts_endpoint_key(subscription, "00000000000000000000000000000000", "one", one.primary_key));
  // The runtime slot takes the endpoint's keys, not the web service's.
  const auto state = runtime->find(subscription, one.service_id).state;
  BOOST_TEST(state->primary_key == one.primary_key);
  BOOST_TEST(state->endpoint_name == "one");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(classic_endpoints_restore, ClassicFixture)

BOOST_AUTO_TEST_CASE(endpoints_are_served_again_after_a_restart) {
  const EndpointView plain = add("plain");
  const EndpointView patched = add("patched");
  patch("patched", patch_body("http://" + kAuthority + "/blob/azmlstore/", "models/v2.ilearner",
                              sas("v2.ilearner", "r", now + std::chrono::minutes(5))));
  // A restart long after the token expired: the own blob is read directly, without it.
  now += std::chrono::hours(24);
  start_runtime();
  BOOST_TEST(catalog.restore_serving_revisions().empty());
  BOOST_TEST(classic->restore_endpoints().empty());
  BOOST_TEST(served(plain.service_id) == served(service_id));
  BOOST_TEST(served(patched.service_id) != nullptr);
  BOOST_TEST(served(patched.service_id) != served(service_id));
  BOOST_TEST(runtime->find(subscription, patched.service_id).state->primary_key == patched.primary_key);
}

BOOST_AUTO_TEST_CASE(an_endpoint_whose_model_is_gone_is_logged_and_answers_not_ready) {
  const EndpointView patched = add("patched");
  patch("patched", patch_body("http://" + kAuthority + "/blob/azmlstore/", "models/v2.ilearner"));
  BOOST_TEST_REQUIRE(blobs.store().delete_blob("azmlstore", kModels, "v2.ilearner"));
  start_runtime();
  catalog.restore_serving_revisions();
  const auto failures = classic->restore_endpoints();
  BOOST_TEST_REQUIRE(failures.size() == 1u);
  BOOST_TEST(failures[0].endpoint == "patched");
  BOOST_TEST(failures[0].reason.find("v2.ilearner") != std::string::npos, failures[0].reason);
  const auto state = runtime->find(subscription, patched.service_id).state;
  try {
    azml::host::runtime::WebServiceRuntime::serving_revision(*state);
    BOOST_FAIL("an endpoint without its model served");
  } catch (const azml::Error& error) {
    BOOST_TEST(error.service_code() == "WebServiceNotReady");
    BOOST_TEST(std::string(error.what()).find("Endpoint 'patched' of web service 'RetrainSamplePre'") == 0u, error.what());
  }
  // Patching it with a model that loads makes it serve again.
  patch("patched", patch_body("http://" + kAuthority + "/blob/azmlstore/", "models/v1.ilearner"));
  BOOST_TEST(served(patched.service_id) != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
