// libazml's BlobClient against Azurite, Microsoft's own Azure Storage emulator: put, get,
// properties, list and delete with Shared Key, and reads with a SAS made by blob_sas. A signing
// mistake on our side cannot hide here, because azml did not write the other side.

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>

#include "client/blob_client.hpp"
#include "client/cpprest_transport.hpp"
#include "common/error.hpp"
#include "support/azurite_process.hpp"
#include "support/temp_dir.hpp"

using azml::Error;
using azml::ErrorCode;
using azml::client::BlobClient;
using azml::client::StorageConnection;

namespace {

struct AzuriteFixture {
  azml::test::AzuriteProcess azurite{AZML_AZURITE_BLOB};
  std::shared_ptr<azml::client::Transport> transport = std::make_shared<azml::client::CpprestTransport>();
  BlobClient blobs{StorageConnection::parse(azurite.connection_string()), transport};

  BlobClient with_sas(const std::string& token) {
    return BlobClient(StorageConnection::parse("BlobEndpoint=" + azurite.blob_endpoint() +
                                               ";SharedAccessSignature=" + token.substr(1)),
                      transport);
  }
};

bool fails_with(const std::function<void()>& call, ErrorCode code) {
  try {
    call();
  } catch (const Error& e) {
    BOOST_TEST_MESSAGE("Azurite answered: " << e.what() << " [" << e.service_code() << "]");
    return e.code() == code;
  }
  return false;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(azurite_tests, AzuriteFixture)

BOOST_AUTO_TEST_CASE(shared_key_put_get_list_delete) {
  blobs.ensure_container("retraining");
  blobs.ensure_container("retraining");
  const std::string csv = "age,income,label\n39,77516,0\n50,83311,1\n";
  blobs.put_blob("retraining", "inputs/census 2026 (ü).csv", csv, "text/csv");
  const std::string model(200 * 1024, '\x01');
  blobs.put_blob("retraining", "models/output1results.ilearner", model);

  BOOST_TEST(blobs.get_blob("retraining", "inputs/census 2026 (ü).csv") == csv);
  BOOST_TEST(blobs.get_blob("retraining", "models/output1results.ilearner") == model);
  auto info = blobs.get_properties("retraining", "inputs/census 2026 (ü).csv");
  BOOST_TEST(info.size == csv.size());
  BOOST_TEST(info.content_type == "text/csv");

  auto all = blobs.list_blobs("retraining");
  BOOST_TEST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].name == "inputs/census 2026 (ü).csv");
  BOOST_TEST(all[1].size == model.size());
  BOOST_TEST(blobs.list_blobs("retraining", "models/").size() == 1u);

  blobs.delete_blob("retraining", "inputs/census 2026 (ü).csv");
  BOOST_TEST(fails_with([&] { blobs.get_blob("retraining", "inputs/census 2026 (ü).csv"); }, ErrorCode::NotFound));
  BOOST_TEST(blobs.list_blobs("retraining").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_blob_sas_reads_and_is_held_to_its_permissions) {
  blobs.ensure_container("results");
  blobs.put_blob("results", "output2results.csv", "auc\n0.91\n", "text/csv");
  blobs.put_blob("results", "other.csv", "secret\n", "text/csv");
  const auto in_an_hour = std::chrono::system_clock::now() + std::chrono::hours(1);

  BlobClient reader = with_sas(blobs.blob_sas("results", "output2results.csv", "r", in_an_hour));
  BOOST_TEST(reader.get_blob("results", "output2results.csv") == "auc\n0.91\n");
  BOOST_TEST(reader.get_properties("results", "output2results.csv").size == 9u);
  BOOST_TEST(fails_with([&] { reader.put_blob("results", "output2results.csv", "forged"); }, ErrorCode::Unauthorized));
  BOOST_TEST(fails_with([&] { reader.get_blob("results", "other.csv"); }, ErrorCode::Unauthorized));

  BlobClient writer = with_sas(blobs.blob_sas("results", "upload.csv", "cw", in_an_hour));
  writer.put_blob("results", "upload.csv", "via sas\n", "text/csv");
  BOOST_TEST(blobs.get_blob("results", "upload.csv") == "via sas\n");

  BlobClient expired = with_sas(
      blobs.blob_sas("results", "output2results.csv", "r", std::chrono::system_clock::now() - std::chrono::hours(1)));
  BOOST_TEST(fails_with([&] { expired.get_blob("results", "output2results.csv"); }, ErrorCode::Unauthorized));
}

BOOST_AUTO_TEST_CASE(azurite_refuses_a_wrong_key_so_the_passes_above_mean_something) {
  auto wrong =
      StorageConnection::parse(std::string("DefaultEndpointsProtocol=http;AccountName=") + azml::test::kAzuriteAccount +
                               ";AccountKey=d3Jvbmcga2V5IHdyb25nIGtleQ==;BlobEndpoint=" + azurite.blob_endpoint());
  BlobClient intruder(wrong, transport);
  BOOST_TEST(fails_with([&] { intruder.ensure_container("intruder"); }, ErrorCode::Unauthorized));
  BlobClient forged = with_sas("?sv=2021-08-06&se=2099-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=AAAA");
  blobs.ensure_container("results");
  blobs.put_blob("results", "x.csv", "x");
  BOOST_TEST(fails_with([&] { forged.get_blob("results", "x.csv"); }, ErrorCode::Unauthorized));
}

BOOST_AUTO_TEST_SUITE_END()
