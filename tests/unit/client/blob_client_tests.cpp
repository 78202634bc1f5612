// BlobClient against a scripted transport: the requests it makes (URL, headers, a Shared Key
// signature that verifies), SAS tokens, paging and the errors it raises from Azure's XML.
#include <boost/test/unit_test.hpp>
#include <memory>

#include "client/blob_client.hpp"
#include "common/content_md5.hpp"
#include "common/storage_signing.hpp"
#include "common/url.hpp"
#include "error_printing.hpp"
#include "fake_transport.hpp"

using namespace azml;
using azml::client::BlobClient;
using azml::client::StorageConnection;
using azml::test::FakeTransport;

namespace {

const std::string kKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const std::string kEndpoint = "http://127.0.0.1:10000/devstoreaccount1";

struct ClientFixture {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  BlobClient client{StorageConnection::parse("UseDevelopmentStorage=true"), transport};
};

std::string error_xml(const std::string& code, const std::string& message) {
  return "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message +
         "\nRequestId:abc\nTime:2026-01-01T00:00:00.0000000Z</Message></Error>";
}

// Recomputes the Shared Key signature of a request as a server would.
bool signature_verifies(const http::Request& request) {
  const Url url = parse_url(request.url);
  const auto question = url.path_and_query.find('?');
  http::Headers headers = request.headers;
  if (!request.body.empty()) headers.set("Content-Length", std::to_string(request.body.size()));
  const std::string string_to_sign = storage_auth::shared_key_string_to_sign(
      "devstoreaccount1", request.method, url.path_and_query.substr(0, question),
      question == std::string::npos ? Query() : Query::parse(url.path_and_query.substr(question + 1)), headers);
  return request.headers.get("Authorization").value_or("") ==
         storage_auth::shared_key_authorization("devstoreaccount1", kKey, string_to_sign);
}

std::string list_page(const std::string& names_xml, const std::string& next_marker) {
  return "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"" + kEndpoint +
         "/\" ContainerName=\"data\"><Blobs>" + names_xml + "</Blobs><NextMarker>" + next_marker +
         "</NextMarker></EnumerationResults>";
}

std::string blob_entry(const std::string& name, int size) {
  return "<Blob><Name>" + name +
         "</Name><Properties><Last-Modified>Wed, 26 Nov 2026 21:06:28 GMT</Last-Modified>"
         "<Etag>0x8D1</Etag><Content-Length>" +
         std::to_string(size) + "</Content-Length><Content-Type>text/csv</Content-Type></Properties></Blob>";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(blob_client_tests, ClientFixture)

BOOST_AUTO_TEST_CASE(put_blob_sends_a_signed_block_blob) {
  transport->reply(201);
  client.put_blob("data", "dir/a b.csv", "x,y\n1,2\n", "text/csv");
  const http::Request sent = transport->request(0);
  BOOST_TEST(sent.method == "PUT");
  BOOST_TEST(sent.url == kEndpoint + "/data/dir/a%20b.csv");
  BOOST_TEST(sent.body == "x,y\n1,2\n");
  BOOST_TEST(sent.headers.get("x-ms-blob-type").value_or("") == "BlockBlob");
  BOOST_TEST(sent.headers.get("Content-Type").value_or("") == "text/csv");
  BOOST_TEST(sent.headers.get("Content-MD5").value_or("") == content_md5("x,y\n1,2\n"));
  BOOST_TEST(sent.headers.get("x-ms-version").value_or("") == storage_auth::kServiceVersion);
  BOOST_TEST(sent.headers.has("x-ms-date"));
  BOOST_TEST(sent.headers.has("x-ms-client-request-id"));
  BOOST_TEST(signature_verifies(sent));
}

BOOST_AUTO_TEST_CASE(errors_carry_the_services_code_message_status_and_request_id) {
  transport->reply(404, error_xml("BlobNotFound", "The specified blob does not exist."),
                   {{"x-ms-request-id", "req-1"}, {"x-ms-error-code", "BlobNotFound"}});
  try {
    client.get_blob("data", "missing.csv");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(e.code() == ErrorCode::NotFound);
    BOOST_TEST(e.service_code() == "BlobNotFound");
    BOOST_TEST(e.http_status() == 404);
    BOOST_TEST(e.request_id() == "req-1");
    BOOST_TEST(std::string(e.what()) == "get blob 'data/missing.csv': The specified blob does not exist.");
  }
  // A HEAD error has no body: the code comes from x-ms-error-code.
  transport->reply(403, "", {{"x-ms-error-code", "AuthenticationFailed"}});
  try {
    client.get_properties("data", "x.csv");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(e.code() == ErrorCode::Unauthorized);
    BOOST_TEST(e.service_code() == "AuthenticationFailed");
  }
}

BOOST_AUTO_TEST_CASE(authentication_detail_is_part_of_the_message) {
  transport->reply(403,
                   "<?xml version=\"1.0\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to "
                   "authenticate the request.</Message><AuthenticationErrorDetail>Signed expiry time has to be "
                   "after current time</AuthenticationErrorDetail></Error>");
  BOOST_CHECK_EXCEPTION(client.get_blob("data", "x"), Error, [](const Error& e) {
    return std::string(e.what()).find("(Signed expiry time has to be after current time)") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(downloads_are_checked_against_content_md5) {
  transport->reply(200, "abc", {{"Content-MD5", content_md5("abc")}});
  BOOST_TEST(client.get_blob("data", "a") == "abc");
  transport->reply(200, "abd", {{"Content-MD5", content_md5("abc")}});
  BOOST_CHECK_EXCEPTION(client.get_blob("data", "a"), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Http; });
}

BOOST_AUTO_TEST_CASE(properties_read_the_size_from_headers) {
  transport->reply(200, "",
                   {{"Content-Length", "42"},
                    {"Content-Type", "text/csv"},
                    {"ETag", "\"0x1\""},
                    {"Last-Modified", "Wed, 26 Nov 2026 21:06:28 GMT"}});
  auto info = client.get_properties("data", "a.csv");
  BOOST_TEST(info.name == "a.csv");
  BOOST_TEST(info.size == 42u);
  BOOST_TEST(info.content_type == "text/csv");
  BOOST_TEST(info.etag == "\"0x1\"");
  BOOST_TEST(transport->request(0).method == "HEAD");
  // azml-host also names the size in x-ms-blob-content-length (its HEAD has no Content-Length).
  transport->reply(200, "", {{"Content-Length", "0"}, {"x-ms-blob-content-length", "7"}});
  BOOST_TEST(client.get_properties("data", "a.csv").size == 7u);
}

BOOST_AUTO_TEST_CASE(list_blobs_follows_next_marker) {
  transport->reply(200, list_page(blob_entry("a.csv", 1) + blob_entry("b &amp; c.csv", 2), "m1"));
  transport->reply(200, list_page(blob_entry("d.csv", 3), ""));
  auto blobs = client.list_blobs("data", "pre fix");
  BOOST_TEST_REQUIRE(blobs.size() == 3u);
  BOOST_TEST(blobs[1].name == "b & c.csv");
  BOOST_TEST(blobs[2].size == 3u);
  BOOST_TEST(blobs[0].content_type == "text/csv");
  BOOST_TEST(transport->request(0).url == kEndpoint + "/data?restype=container&comp=list&prefix=pre%20fix");
  BOOST_TEST(transport->request(1).url == kEndpoint + "/data?restype=container&comp=list&prefix=pre%20fix&marker=m1");
  BOOST_TEST(signature_verifies(transport->request(1)));
}

BOOST_AUTO_TEST_CASE(a_marker_that_does_not_move_is_refused) {
  transport->reply(200, list_page(blob_entry("a.csv", 1), "m1"));
  transport->reply(200, list_page(blob_entry("a.csv", 1), "m1"));
  BOOST_CHECK_EXCEPTION(client.list_blobs("data"), Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
}

BOOST_AUTO_TEST_CASE(a_list_that_is_not_xml_is_an_http_error) {
  transport->reply(200, "{\"not\":\"xml\"}");
  BOOST_CHECK_EXCEPTION(client.list_blobs("data"), Error, [](const Error& e) { return e.code() == ErrorCode::Http; });
}

BOOST_AUTO_TEST_CASE(ensure_container_accepts_an_existing_one_only) {
  transport->reply(201);
  transport->reply(409, error_xml("ContainerAlreadyExists", "The specified container already exists."));
  transport->reply(409, error_xml("ContainerBeingDeleted", "The specified container is being deleted."));
  client.ensure_container("data");
  client.ensure_container("data");
  BOOST_CHECK_EXCEPTION(client.ensure_container("data"), Error,
                        [](const Error& e) { return e.service_code() == "ContainerBeingDeleted"; });
  BOOST_TEST(transport->request(0).url == kEndpoint + "/data?restype=container");
}

BOOST_AUTO_TEST_CASE(a_sas_connection_appends_its_token_and_signs_nothing) {
  auto sas_transport = std::make_shared<FakeTransport>();
  BlobClient sas_client(StorageConnection::parse("BlobEndpoint=" + kEndpoint +
                                                 ";SharedAccessSignature=sv=2021-08-06"
                                                 "&sr=c&sp=rl&sig=abc%3D"),
                        sas_transport);
  sas_transport->reply(200, "x");
  sas_transport->reply(200, list_page("", ""));
  sas_client.get_blob("data", "x.csv");
  sas_client.list_blobs("data");
  BOOST_TEST(sas_transport->request(0).url == kEndpoint + "/data/x.csv?sv=2021-08-06&sr=c&sp=rl&sig=abc%3D");
  BOOST_TEST(!sas_transport->request(0).headers.has("Authorization"));
  BOOST_TEST(sas_transport->request(1).url ==
             kEndpoint + "/data?restype=container&comp=list&sv=2021-08-06&sr=c&sp=rl&sig=abc%3D");
  BOOST_CHECK_EXCEPTION(sas_client.blob_sas("data", "x", "r", std::chrono::system_clock::now()), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid; });
}

BOOST_AUTO_TEST_CASE(blob_sas_is_signed_for_the_one_blob) {
  const auto expiry = std::chrono::system_clock::from_time_t(1893456000);  // 2030-01-01T00:00:00Z
  const std::string token = client.blob_sas("data", "dir/model.ilearner", "wr", expiry);
  BOOST_TEST_REQUIRE(token.front() == '?');
  const Query query = Query::parse(token.substr(1));
  auto sas = storage_auth::service_sas_from_query(query);
  BOOST_TEST_REQUIRE(sas.has_value());
  BOOST_TEST(sas->version == storage_auth::kServiceVersion);
  BOOST_TEST(sas->resource == "b");
  BOOST_TEST(sas->permissions == "rw");  // put in the order the service requires
  BOOST_TEST(sas->expiry == "2030-01-01T00:00:00Z");
  const std::string resource =
      storage_auth::service_sas_canonical_resource(sas->version, "devstoreaccount1", "data", "dir/model.ilearner");
  BOOST_TEST(sas->signature == storage_auth::sign(kKey, storage_auth::service_sas_string_to_sign(*sas, resource)));
  BOOST_CHECK_EXCEPTION(client.blob_sas("data", "x", "rz", expiry), Error,
                        [](const Error& e) { return e.target() == "permissions"; });
  BOOST_CHECK_EXCEPTION(client.blob_sas("data", "x", "", expiry), Error,
                        [](const Error& e) { return e.target() == "permissions"; });
}

BOOST_AUTO_TEST_CASE(blob_urls_encode_each_segment) {
  BOOST_TEST(client.blob_url("data", "a/b c/ü.csv") == kEndpoint + "/data/a/b%20c/%C3%BC.csv");
  BOOST_CHECK_EXCEPTION(client.blob_url("data", ""), Error, [](const Error& e) { return e.target() == "blob"; });
  BOOST_CHECK_EXCEPTION(client.blob_url("", "x"), Error, [](const Error& e) { return e.target() == "container"; });
}

BOOST_AUTO_TEST_CASE(connections_without_credentials_are_refused) {
  StorageConnection connection;
  connection.blob_endpoint = kEndpoint;
  BOOST_CHECK_EXCEPTION(BlobClient(connection, transport), Error,
                        [](const Error& e) { return e.code() == ErrorCode::Invalid; });
  connection.account_key = kKey;
  BOOST_CHECK_EXCEPTION(BlobClient(connection, transport), Error,
                        [](const Error& e) { return e.target() == "AccountName"; });
}

BOOST_AUTO_TEST_SUITE_END()
