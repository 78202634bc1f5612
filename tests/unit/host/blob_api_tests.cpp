// The blob REST API and the storage account's management routes through the host's request
// handler, without sockets: Shared Key and SAS authorization, Azure's XML errors, listing,
// conditional and ranged requests, and paths that try to leave the store.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "app/request_pipeline.hpp"
#include "blobs/blob_service.hpp"
#include "client/blob_client.hpp"
#include "common/content_md5.hpp"
#include "common/http_date.hpp"
#include "common/storage_signing.hpp"
#include "common/strings.hpp"
#include "domain/catalog.hpp"
#include "storage/store.hpp"
#include "test_support.hpp"

using namespace azml;
using azml::host::test::TempDir;
namespace data = boost::unit_test::data;
namespace fs = std::filesystem;

namespace {

constexpr const char* kAdminToken = "admin-token-for-blob-tests";

struct BlobApiFixture {
  TempDir dir;
  std::unique_ptr<host::storage::Store> store = host::storage::open_sqlite_store(dir.path() / "azml.db");
  host::domain::Catalog catalog{*store};
  host::blobs::BlobService blobs{host::blobs::open_file_blob_store(dir.path() / "blobs"),
                                 host::blobs::load_or_create_storage_account(*store)};
  host::transport::RequestHandler handler = make_handler();
  const std::string key = blobs.account().key;

  host::transport::RequestHandler make_handler() {
    host::app::HostServices services;
    services.catalog = &catalog;
    services.blobs = &blobs;
    host::app::HostHandlerOptions options;
    options.admin_token = kAdminToken;
    options.management.fallback_authority = "127.0.0.1:8080";
    return host::app::make_host_request_handler(services, options);
  }

  // A request signed with Shared Key, as a client would send it.
  http::Response signed_request(const std::string& method, const std::string& target, std::string body = "",
                                http::Headers headers = {}, const std::string& signing_key = "") {
    http::Request request;
    request.method = method;
    request.url = target;
    request.body = std::move(body);
    request.headers = std::move(headers);
    request.remote_address = "127.0.0.1";
    if (!request.headers.has("x-ms-date")) request.headers.set("x-ms-date", format_rfc1123(Clock::now()));
    if (!request.headers.has("x-ms-version")) request.headers.set("x-ms-version", "2021-08-06");
    if (!request.body.empty()) request.headers.set("Content-Length", std::to_string(request.body.size()));
    const auto question = target.find('?');
    const std::string string_to_sign = storage_auth::shared_key_string_to_sign(
        "azmlstore", method, target.substr(0, question),
        question == std::string::npos ? Query() : Query::parse(target.substr(question + 1)), request.headers);
    request.headers.set("Authorization", storage_auth::shared_key_authorization(
                                             "azmlstore", signing_key.empty() ? key : signing_key, string_to_sign));
    return handler(request);
  }

  http::Response plain_request(const std::string& method, const std::string& target, http::Headers headers = {},
                               std::string remote = "127.0.0.1") {
    http::Request request;
    request.method = method;
    request.url = target;
    request.headers = std::move(headers);
    request.remote_address = std::move(remote);
    return handler(request);
  }

  http::Response put_blob(const std::string& path, const std::string& body, http::Headers headers = {}) {
    if (!headers.has("x-ms-blob-type")) headers.set("x-ms-blob-type", "BlockBlob");
    if (!headers.has("Content-Type")) headers.set("Content-Type", "text/csv");
    return signed_request("PUT", "/blob/azmlstore/" + path, body, std::move(headers));
  }

  void create_container(const std::string& name) {
    auto response = signed_request("PUT", "/blob/azmlstore/" + name + "?restype=container");
    BOOST_TEST_REQUIRE(response.status == 201, response.body);
  }

  // A SAS as BlobClient makes it, with fields changed by `edit` before signing.
  std::string sas(const std::string& container, const std::string& blob, const std::string& permissions,
                  Clock::time_point expiry, const std::function<void(storage_auth::ServiceSas&)>& edit = nullptr) {
    storage_auth::ServiceSas fields;
    fields.version = "2021-08-06";
    fields.resource = blob.empty() ? "c" : "b";
    fields.permissions = permissions;
    fields.expiry = format_sas_time(expiry);
    if (edit) edit(fields);
    fields.signature = storage_auth::sign(
        key, storage_auth::service_sas_string_to_sign(
                 fields, storage_auth::service_sas_canonical_resource(fields.version, "azmlstore", container, blob)));
    return storage_auth::service_sas_query(fields);
  }
};

Clock::time_point in_an_hour() { return Clock::now() + std::chrono::hours(1); }

std::string xml_element(const std::string& xml, const std::string& name) {
  const auto start = xml.find("<" + name + ">");
  if (start == std::string::npos) return "";
  const auto from = start + name.size() + 2;
  return xml.substr(from, xml.find("</" + name + ">", from) - from);
}

std::string error_code(const http::Response& response) { return xml_element(response.body, "Code"); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(blob_api_tests, BlobApiFixture)

BOOST_AUTO_TEST_CASE(put_get_head_list_delete_round_trip) {
  create_container("data");
  auto put = put_blob("data/train/set.csv", "a,b\n1,2\n");
  BOOST_TEST_REQUIRE(put.status == 201, put.body);
  BOOST_TEST(put.headers.get("Content-MD5").value_or("") == content_md5("a,b\n1,2\n"));
  BOOST_TEST(put.headers.has("ETag"));
  BOOST_TEST(put.headers.get("x-ms-version").value_or("") == "2021-08-06");
  BOOST_TEST(put.headers.has("x-ms-request-id"));

  auto got = signed_request("GET", "/blob/azmlstore/data/train/set.csv");
  BOOST_TEST(got.status == 200);
  BOOST_TEST(got.body == "a,b\n1,2\n");
  BOOST_TEST(got.headers.get("Content-Type").value_or("") == "text/csv");
  BOOST_TEST(got.headers.get("ETag").value_or("") == put.headers.get("ETag").value_or("?"));
  BOOST_TEST(got.headers.get("x-ms-blob-type").value_or("") == "BlockBlob");

  auto head = signed_request("HEAD", "/blob/azmlstore/data/train/set.csv");
  BOOST_TEST(head.status == 200);
  BOOST_TEST(head.body.empty());
  BOOST_TEST(head.headers.get("x-ms-blob-content-length").value_or("") == "8");

  auto list = signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(list.headers.get("Content-Type").value_or("") == "application/xml");
  BOOST_TEST(starts_with(list.body,
                         "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\""
                         "http://127.0.0.1:8080/blob/azmlstore/\" ContainerName=\"data\">"));
  BOOST_TEST(xml_element(list.body, "Name") == "train/set.csv");
  BOOST_TEST(xml_element(list.body, "Content-Length") == "8");

  BOOST_TEST(signed_request("DELETE", "/blob/azmlstore/data/train/set.csv").status == 202);
  auto gone = signed_request("GET", "/blob/azmlstore/data/train/set.csv");
  BOOST_TEST(gone.status == 404);
  BOOST_TEST(error_code(gone) == "BlobNotFound");
}

BOOST_AUTO_TEST_CASE(errors_are_azures_xml_with_request_id_and_error_code_header) {
  create_container("data");
  auto again = signed_request("PUT", "/blob/azmlstore/data?restype=container");
  BOOST_TEST(again.status == 409);
  BOOST_TEST(again.headers.get("Content-Type").value_or("") == "application/xml");
  BOOST_TEST(again.headers.get("x-ms-error-code").value_or("") == "ContainerAlreadyExists");
  BOOST_TEST(starts_with(again.body,
                         "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ContainerAlreadyExists"
                         "</Code><Message>The specified container already exists.\nRequestId:" +
                             again.headers.get("x-ms-request-id").value_or("?") + "\nTime:"));
  // HEAD answers without a body; the code travels in the header.
  auto head = signed_request("HEAD", "/blob/azmlstore/data/none.csv");
  BOOST_TEST(head.status == 404);
  BOOST_TEST(head.body.empty());
  BOOST_TEST(head.headers.get("x-ms-error-code").value_or("") == "BlobNotFound");
  auto no_container = put_blob("nope/x.csv", "1");
  BOOST_TEST(no_container.status == 404);
  BOOST_TEST(error_code(no_container) == "ContainerNotFound");
}

BOOST_AUTO_TEST_CASE(shared_key_must_be_present_fresh_and_right) {
  create_container("data");
  put_blob("data/x.csv", "1");
  auto anonymous = plain_request("GET", "/blob/azmlstore/data/x.csv");
  BOOST_TEST(anonymous.status == 401);
  BOOST_TEST(error_code(anonymous) == "NoAuthenticationInformation");

  auto wrong_key = signed_request("GET", "/blob/azmlstore/data/x.csv", "", {}, random_key_base64(64));
  BOOST_TEST(wrong_key.status == 403);
  BOOST_TEST(error_code(wrong_key) == "AuthenticationFailed");
  BOOST_TEST(xml_element(wrong_key.body, "AuthenticationErrorDetail").find("string to sign") != std::string::npos);

  auto stale = signed_request("GET", "/blob/azmlstore/data/x.csv", "",
                              {{"x-ms-date", format_rfc1123(Clock::now() - std::chrono::minutes(20))}});
  BOOST_TEST(stale.status == 403);
  BOOST_TEST(xml_element(stale.body, "AuthenticationErrorDetail").find("too old") != std::string::npos);

  http::Request lite;
  lite.method = "GET";
  lite.url = "/blob/azmlstore/data/x.csv";
  lite.headers = {{"Authorization", "SharedKeyLite azmlstore:abc"}, {"x-ms-date", format_rfc1123(Clock::now())}};
  BOOST_TEST(error_code(handler(lite)) == "AuthenticationFailed");

  // A signature made for one blob does not open another.
  http::Request moved;
  moved.method = "GET";
  moved.url = "/blob/azmlstore/data/x.csv";
  moved.headers = {{"x-ms-date", format_rfc1123(Clock::now())}, {"x-ms-version", "2021-08-06"}};
  const std::string other =
      storage_auth::shared_key_string_to_sign("azmlstore", "GET", "/blob/azmlstore/data/y.csv", Query(), moved.headers);
  moved.headers.set("Authorization", storage_auth::shared_key_authorization("azmlstore", key, other));
  BOOST_TEST(handler(moved).status == 403);
}

BOOST_AUTO_TEST_CASE(x_ms_version_is_required_with_shared_key_and_must_be_a_real_version) {
  create_container("data");
  http::Request request;
  request.method = "GET";
  request.url = "/blob/azmlstore/data?restype=container&comp=list";
  request.headers = {{"x-ms-date", format_rfc1123(Clock::now())}};
  request.headers.set("Authorization", storage_auth::shared_key_authorization(
                                           "azmlstore", key,
                                           storage_auth::shared_key_string_to_sign(
                                               "azmlstore", "GET", "/blob/azmlstore/data",
                                               Query::parse("restype=container&comp=list"), request.headers)));
  auto missing = handler(request);
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(error_code(missing) == "MissingRequiredHeader");
  BOOST_TEST(xml_element(missing.body, "HeaderName") == "x-ms-version");
  for (const char* bad : {"2099-01-01", "banana", "2001-01-01"}) {
    auto response =
        signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list", "", {{"x-ms-version", bad}});
    BOOST_TEST(response.status == 400, bad);
    BOOST_TEST(error_code(response) == "InvalidHeaderValue", bad);
  }
  auto old_version =
      signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list", "", {{"x-ms-version", "2015-02-21"}});
  BOOST_TEST(old_version.status == 200);
  BOOST_TEST(old_version.headers.get("x-ms-version").value_or("") == "2015-02-21");
}

BOOST_AUTO_TEST_CASE(a_blob_sas_reads_its_blob_and_nothing_else) {
  create_container("data");
  put_blob("data/a.csv", "A");
  put_blob("data/b.csv", "B");
  const std::string read_a = sas("data", "a.csv", "r", in_an_hour());
  auto got = plain_request("GET", "/blob/azmlstore/data/a.csv?" + read_a);
  BOOST_TEST(got.status == 200);
  BOOST_TEST(got.body == "A");
  BOOST_TEST(plain_request("HEAD", "/blob/azmlstore/data/a.csv?" + read_a).status == 200);

  auto other_blob = plain_request("GET", "/blob/azmlstore/data/b.csv?" + read_a);
  BOOST_TEST(other_blob.status == 403);
  BOOST_TEST(error_code(other_blob) == "AuthenticationFailed");

  auto write = plain_request("PUT", "/blob/azmlstore/data/a.csv?" + read_a, {{"x-ms-blob-type", "BlockBlob"}});
  BOOST_TEST(write.status == 403);
  BOOST_TEST(error_code(write) == "AuthorizationPermissionMismatch");
  BOOST_TEST(error_code(plain_request("DELETE", "/blob/azmlstore/data/a.csv?" + read_a)) ==
             "AuthorizationPermissionMismatch");
  auto list = plain_request("GET", "/blob/azmlstore/data?restype=container&comp=list&" + read_a);
  BOOST_TEST(list.status == 403);
  BOOST_TEST(error_code(list) == "AuthorizationResourceTypeMismatch");
}

BOOST_AUTO_TEST_CASE(a_sas_made_by_blob_client_opens_the_blob) {
  create_container("data");
  put_blob("data/models/m 1.ilearner", "model");
  client::BlobClient client(client::StorageConnection::parse(blobs.connection_string("http://127.0.0.1:8080")),
                            nullptr);
  const std::string token = client.blob_sas("data", "models/m 1.ilearner", "r", in_an_hour());
  auto got = plain_request("GET", "/blob/azmlstore/data/models/m%201.ilearner" + token);
  BOOST_TEST(got.status == 200, got.body);
  BOOST_TEST(got.body == "model");
}

BOOST_AUTO_TEST_CASE(sas_time_protocol_address_and_signature_are_enforced) {
  create_container("data");
  put_blob("data/a.csv", "A");
  auto expired = plain_request(
      "GET", "/blob/azmlstore/data/a.csv?" + sas("data", "a.csv", "r", Clock::now() - std::chrono::minutes(1)));
  BOOST_TEST(expired.status == 403);
  BOOST_TEST(xml_element(expired.body, "AuthenticationErrorDetail").find("Signed expiry time") != std::string::npos);

  auto not_yet = plain_request(
      "GET", "/blob/azmlstore/data/a.csv?" + sas("data", "a.csv", "r", in_an_hour(), [](storage_auth::ServiceSas& s) {
               s.start = format_sas_time(Clock::now() + std::chrono::minutes(30));
             }));
  BOOST_TEST(not_yet.status == 403);

  auto https_only = plain_request(
      "GET", "/blob/azmlstore/data/a.csv?" +
                 sas("data", "a.csv", "r", in_an_hour(), [](storage_auth::ServiceSas& s) { s.protocol = "https"; }));
  BOOST_TEST(https_only.status == 403);
  BOOST_TEST(error_code(https_only) == "AuthorizationProtocolMismatch");

  const std::string from_elsewhere =
      sas("data", "a.csv", "r", in_an_hour(), [](storage_auth::ServiceSas& s) { s.ip = "10.1.0.1-10.1.0.9"; });
  BOOST_TEST(error_code(plain_request("GET", "/blob/azmlstore/data/a.csv?" + from_elsewhere)) ==
             "AuthorizationSourceIPMismatch");
  BOOST_TEST(plain_request("GET", "/blob/azmlstore/data/a.csv?" + from_elsewhere, {}, "10.1.0.5").status == 200);

  // Widening the permissions after signing breaks the signature.
  std::string widened = sas("data", "a.csv", "r", in_an_hour());
  widened.replace(widened.find("sp=r"), 4, "sp=rw");
  auto tampered = plain_request("PUT", "/blob/azmlstore/data/a.csv?" + widened, {{"x-ms-blob-type", "BlockBlob"}});
  BOOST_TEST(tampered.status == 403);
  BOOST_TEST(error_code(tampered) == "AuthenticationFailed");

  auto policy = plain_request(
      "GET", "/blob/azmlstore/data/a.csv?" + sas("data", "a.csv", "r", in_an_hour(),
                                                 [](storage_auth::ServiceSas& s) { s.identifier = "policy1"; }));
  BOOST_TEST(xml_element(policy.body, "AuthenticationErrorDetail").find("Stored access policies") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_container_sas_lists_and_create_permission_only_creates) {
  create_container("data");
  put_blob("data/a.csv", "A");
  const std::string list_read = sas("data", "", "rl", in_an_hour());
  auto list = plain_request("GET", "/blob/azmlstore/data?restype=container&comp=list&" + list_read);
  BOOST_TEST(list.status == 200);
  BOOST_TEST(xml_element(list.body, "Name") == "a.csv");
  BOOST_TEST(plain_request("GET", "/blob/azmlstore/data/a.csv?" + list_read).status == 200);
  BOOST_TEST(error_code(plain_request("PUT", "/blob/azmlstore/other?restype=container&" + list_read)) ==
             "AuthenticationFailed");  // signed for another container

  const std::string create = sas("data", "", "c", in_an_hour());
  http::Request put;
  put.method = "PUT";
  put.url = "/blob/azmlstore/data/new.csv?" + create;
  put.headers = {{"x-ms-blob-type", "BlockBlob"}};
  put.body = "N";
  BOOST_TEST(handler(put).status == 201);
  auto overwrite = handler(put);
  BOOST_TEST(overwrite.status == 403);
  BOOST_TEST(error_code(overwrite) == "AuthorizationPermissionMismatch");
}

BOOST_DATA_TEST_CASE_F(BlobApiFixture, paths_that_try_to_leave_the_store_are_refused,
                       data::make(std::vector<std::string>{
                           "/blob/azmlstore/data/..%2F..%2Fescape.txt", "/blob/azmlstore/data/%2e%2e/escape.txt",
                           "/blob/azmlstore/data/%2E%2E", "/blob/azmlstore/data/a/../../../escape.txt",
                           "/blob/azmlstore/data/a%5C..%5Cescape.txt", "/blob/azmlstore/data/a%00b",
                           "/blob/azmlstore/data//etc/passwd", "/blob/azmlstore/data/%2Fetc%2Fpasswd",
                           "/blob/azmlstore/..%2F..%2Fescape/x.txt", "/blob/azmlstore/%2e%2e/x.txt",
                           "/blob/..%2F..%2Fescape/data/x.txt"}),
                       target) {
  create_container("data");
  auto response = signed_request("PUT", target, "escaped", {{"x-ms-blob-type", "BlockBlob"}});
  BOOST_TEST(response.status == 400, target << ": " << response.body);
  BOOST_TEST(error_code(response) == "InvalidResourceName", target);
  BOOST_TEST(plain_request("GET", target).status == 400, target);
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    BOOST_TEST(entry.path().filename() != "escape.txt", entry.path());
    BOOST_TEST(entry.path().filename() != "passwd", entry.path());
  }
}

BOOST_AUTO_TEST_CASE(listing_pages_prefixes_and_virtual_directories) {
  create_container("data");
  for (const char* name : {"a/1.csv", "a/2.csv", "a/b/3.csv", "c.csv", "d/4.csv"})
    put_blob(std::string("data/") + name, "x");
  auto by_directory = signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list&delimiter=%2F");
  BOOST_TEST(by_directory.status == 200);
  BOOST_TEST(by_directory.body.find("<Blobs><BlobPrefix><Name>a/</Name></BlobPrefix><Blob><Name>c.csv</Name>") !=
                 std::string::npos,
             by_directory.body);
  BOOST_TEST(by_directory.body.find("<BlobPrefix><Name>d/</Name></BlobPrefix></Blobs><NextMarker />") !=
             std::string::npos);

  auto under_a = signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list&prefix=a%2F&delimiter=%2F");
  BOOST_TEST(under_a.body.find("<Name>a/1.csv</Name>") != std::string::npos);
  BOOST_TEST(under_a.body.find("<BlobPrefix><Name>a/b/</Name></BlobPrefix>") != std::string::npos);

  std::vector<std::string> names;
  std::string marker;
  for (int page = 0; page < 10; ++page) {
    auto response = signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list&maxresults=2" +
                                              (marker.empty() ? std::string() : "&marker=" + url_encode(marker)));
    BOOST_TEST_REQUIRE(response.status == 200, response.body);
    BOOST_TEST(xml_element(response.body, "MaxResults") == "2");
    for (size_t at = response.body.find("<Blob><Name>"); at != std::string::npos;
         at = response.body.find("<Blob><Name>", at + 1)) {
      names.push_back(response.body.substr(at + 12, response.body.find("</Name>", at) - at - 12));
    }
    marker = xml_element(response.body, "NextMarker");
    if (marker.empty()) break;
  }
  BOOST_TEST(names == (std::vector<std::string>{"a/1.csv", "a/2.csv", "a/b/3.csv", "c.csv", "d/4.csv"}),
             boost::test_tools::per_element());

  auto bad_max = signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list&maxresults=0");
  BOOST_TEST(bad_max.status == 400);
  BOOST_TEST(xml_element(bad_max.body, "QueryParameterName") == "maxresults");
  BOOST_TEST(signed_request("GET", "/blob/azmlstore/data?restype=container&comp=list&marker=%21%21").status == 400);
}

BOOST_AUTO_TEST_CASE(conditional_and_ranged_requests) {
  create_container("data");
  auto put = put_blob("data/x.csv", "0123456789");
  const std::string etag = put.headers.get("ETag").value_or("");
  auto no_overwrite = put_blob("data/x.csv", "new", {{"If-None-Match", "*"}});
  BOOST_TEST(no_overwrite.status == 409);
  BOOST_TEST(error_code(no_overwrite) == "BlobAlreadyExists");
  BOOST_TEST(put_blob("data/fresh.csv", "new", {{"If-None-Match", "*"}}).status == 201);
  auto stale_match = put_blob("data/x.csv", "new", {{"If-Match", "\"0x1\""}});
  BOOST_TEST(stale_match.status == 412);
  BOOST_TEST(error_code(stale_match) == "ConditionNotMet");
  BOOST_TEST(signed_request("GET", "/blob/azmlstore/data/x.csv", "", {{"If-None-Match", etag}}).status == 304);
  BOOST_TEST(signed_request("DELETE", "/blob/azmlstore/data/x.csv", "", {{"If-Match", "\"0x1\""}}).status == 412);

  auto part = signed_request("GET", "/blob/azmlstore/data/x.csv", "", {{"x-ms-range", "bytes=2-4"}});
  BOOST_TEST(part.status == 206);
  BOOST_TEST(part.body == "234");
  BOOST_TEST(part.headers.get("Content-Range").value_or("") == "bytes 2-4/10");
  BOOST_TEST(signed_request("GET", "/blob/azmlstore/data/x.csv", "", {{"Range", "bytes=7-"}}).body == "789");
  auto beyond = signed_request("GET", "/blob/azmlstore/data/x.csv", "", {{"Range", "bytes=10-"}});
  BOOST_TEST(beyond.status == 416);
  BOOST_TEST(error_code(beyond) == "InvalidRange");
  BOOST_TEST(signed_request("GET", "/blob/azmlstore/data/x.csv", "", {{"Range", "lines=1-2"}}).status == 400);
}

BOOST_AUTO_TEST_CASE(uploads_are_checked_and_unsupported_operations_named) {
  create_container("data");
  auto damaged = put_blob("data/x.csv", "abc", {{"Content-MD5", content_md5("abd")}});
  BOOST_TEST(damaged.status == 400);
  BOOST_TEST(error_code(damaged) == "Md5Mismatch");
  auto untyped = signed_request("PUT", "/blob/azmlstore/data/x.csv", "abc");
  BOOST_TEST(untyped.status == 400);
  BOOST_TEST(error_code(untyped) == "MissingRequiredHeader");
  auto page_blob = put_blob("data/x.csv", "abc", {{"x-ms-blob-type", "PageBlob"}});
  BOOST_TEST(error_code(page_blob) == "InvalidHeaderValue");
  auto blocks = signed_request("PUT", "/blob/azmlstore/data/x.csv?comp=block&blockid=AAAA", "abc");
  BOOST_TEST(blocks.status == 400);
  BOOST_TEST(error_code(blocks) == "InvalidQueryParameterValue");
  auto post = signed_request("POST", "/blob/azmlstore/data/x.csv");
  BOOST_TEST(post.status == 405);
  BOOST_TEST(error_code(post) == "UnsupportedHttpVerb");
  BOOST_TEST(signed_request("GET", "/blob/azmlstore?comp=list").status == 400);
  auto other_account = plain_request("GET", "/blob/otheraccount/data/x.csv");
  BOOST_TEST(other_account.status == 404);
  BOOST_TEST(error_code(other_account) == "ResourceNotFound");
}

BOOST_AUTO_TEST_CASE(the_management_api_lists_the_account_and_its_key) {
  const std::string subscription = catalog.subscriptions().front();
  const std::string group = "/subscriptions/" + subscription +
                            "/resourceGroups/azml/providers/Microsoft.Storage/"
                            "storageAccounts";
  auto admin = [&](const std::string& method, const std::string& target) {
    http::Request request;
    request.method = method;
    request.url = target;
    request.headers = {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Host", "127.0.0.1:8080"}};
    return handler(request);
  };
  auto list = admin(
      "GET", "/subscriptions/" + subscription + "/providers/Microsoft.Storage/storageAccounts?api-version=2023-01-01");
  BOOST_TEST_REQUIRE(list.status == 200, list.body);
  auto accounts = json::parse(list.body);
  BOOST_TEST(accounts["value"][0]["name"] == "azmlstore");
  BOOST_TEST(accounts["value"][0]["id"] == group + "/azmlstore");
  BOOST_TEST(accounts["value"][0]["properties"]["primaryEndpoints"]["blob"] == "http://127.0.0.1:8080/blob/azmlstore/");

  auto keys = admin("POST", group + "/azmlstore/listKeys?api-version=2023-01-01");
  BOOST_TEST_REQUIRE(keys.status == 200, keys.body);
  BOOST_TEST(json::parse(keys.body)["keys"][0]["keyName"] == "key1");
  BOOST_TEST(json::parse(keys.body)["keys"][0]["value"] == key);
  BOOST_TEST(base64_decode(key).size() == 64u);

  BOOST_TEST(admin("GET", group + "/azmlstore?api-version=2023-01-01").status == 200);
  auto wrong_group = admin("POST", "/subscriptions/" + subscription +
                                       "/resourceGroups/other/providers/Microsoft.Storage/storageAccounts/azmlstore/"
                                       "listKeys?api-version=2023-01-01");
  BOOST_TEST(wrong_group.status == 404);
  BOOST_TEST(json::parse(wrong_group.body)["error"]["code"] == "ResourceNotFound");
  BOOST_TEST(admin("POST", group + "/azmlstore/listKeys").status == 400);  // no api-version
  BOOST_TEST(plain_request("POST", group + "/azmlstore/listKeys?api-version=2023-01-01").status == 401);
}

BOOST_AUTO_TEST_CASE(the_account_key_survives_a_restart) {
  const std::string first = key;
  BOOST_TEST(host::blobs::load_or_create_storage_account(*store).key == first);
  BOOST_TEST(blobs.connection_string("https://h:1") ==
             "DefaultEndpointsProtocol=https;AccountName=azmlstore;AccountKey=" + first +
                 ";BlobEndpoint=https://h:1/blob/azmlstore");
  BOOST_TEST(blobs.is_account_key("AZMLSTORE", first));
  BOOST_TEST(!blobs.is_account_key("azmlstore", random_key_base64(64)));
}

BOOST_AUTO_TEST_SUITE_END()
