// blobs/file_blob_store.cpp and blobs/blob_names.cpp: blobs as files, their properties, listing
// and paging, atomic replacement, and names that must never leave the store.
#include <atomic>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <thread>

#include "blobs/blob_store.hpp"
#include "common/content_md5.hpp"
#include "common/error.hpp"
#include "common/http_date.hpp"
#include "test_support.hpp"

using azml::Error;
using azml::ErrorCode;
using azml::host::blobs::BlobStore;
using azml::host::test::TempDir;
namespace data = boost::unit_test::data;
namespace fs = std::filesystem;

namespace {

struct StoreFixture {
  TempDir dir;
  fs::path root = dir.path() / "store" / "blobs";
  std::unique_ptr<BlobStore> store = azml::host::blobs::open_file_blob_store(root);

  StoreFixture() { store->create_container("acct", "data"); }

  // Every file under the temporary directory that is not under the store's root.
  std::vector<fs::path> files_outside_root() const {
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
      auto relative = entry.path().lexically_relative(root);
      if (!relative.empty() && *relative.begin() == "..") {
        if (entry.is_regular_file()) found.push_back(entry.path());
      }
    }
    return found;
  }
};

bool fails_with(const std::function<void()>& call, ErrorCode code, const std::string& service_code) {
  try {
    call();
  } catch (const Error& e) {
    return e.code() == code && e.service_code() == service_code;
  }
  return false;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(blob_store_tests, StoreFixture)

BOOST_AUTO_TEST_CASE(containers_are_created_once) {
  BOOST_TEST(store->container_exists("acct", "data"));
  BOOST_TEST(!store->container_exists("acct", "other"));
  BOOST_TEST(
      fails_with([&] { store->create_container("acct", "data"); }, ErrorCode::Conflict, "ContainerAlreadyExists"));
  BOOST_TEST(
      fails_with([&] { store->put_blob("acct", "missing", "x", "1", ""); }, ErrorCode::NotFound, "ContainerNotFound"));
}

BOOST_AUTO_TEST_CASE(a_blob_is_a_file_at_its_name_with_its_properties) {
  auto written = store->put_blob("acct", "data", "train/set 1.csv", "a,b\n1,2\n", "text/csv");
  BOOST_TEST(written.size == 8u);
  BOOST_TEST(written.content_type == "text/csv");
  BOOST_TEST(written.content_md5 == azml::content_md5("a,b\n1,2\n"));
  BOOST_TEST(written.etag.front() == '"');
  BOOST_TEST(written.etag.back() == '"');
  BOOST_TEST(azml::parse_rfc1123(written.last_modified).has_value());
  BOOST_TEST(azml::host::test::read_file(root / "acct" / "data" / "train" / "set 1.csv") == "a,b\n1,2\n");

  azml::host::blobs::BlobProperties read;
  auto bytes = store->get_blob("acct", "data", "train/set 1.csv", &read);
  BOOST_TEST_REQUIRE(bytes.has_value());
  BOOST_TEST(*bytes == "a,b\n1,2\n");
  BOOST_TEST(read.etag == written.etag);
  BOOST_TEST(store->get_properties("acct", "data", "train/set 1.csv")->content_md5 == written.content_md5);
  BOOST_TEST(!store->get_blob("acct", "data", "train/none.csv").has_value());
  BOOST_TEST(!store->get_properties("acct", "data", "train").has_value());  // a virtual directory is no blob
}

BOOST_AUTO_TEST_CASE(every_write_gets_a_new_etag_and_no_type_means_octet_stream) {
  auto first = store->put_blob("acct", "data", "m.ilearner", "v1", "");
  auto second = store->put_blob("acct", "data", "m.ilearner", "v2", "");
  BOOST_TEST(first.etag != second.etag);
  BOOST_TEST(second.content_type == "application/octet-stream");
  BOOST_TEST(*store->get_blob("acct", "data", "m.ilearner") == "v2");
}

BOOST_AUTO_TEST_CASE(delete_removes_the_blob_and_its_empty_directories) {
  store->put_blob("acct", "data", "a/b/c.csv", "1", "");
  store->put_blob("acct", "data", "a/keep.csv", "2", "");
  BOOST_TEST(store->delete_blob("acct", "data", "a/b/c.csv"));
  BOOST_TEST(!store->delete_blob("acct", "data", "a/b/c.csv"));
  BOOST_TEST(!fs::exists(root / "acct" / "data" / "a" / "b"));
  BOOST_TEST(fs::exists(root / "acct" / "data" / "a" / "keep.csv"));
  BOOST_TEST(store->delete_blob("acct", "data", "a/keep.csv"));
  BOOST_TEST(!fs::exists(root / "acct" / "data" / "a"));
  BOOST_TEST(fs::exists(root / "acct" / "data"));  // the container stays
}

BOOST_AUTO_TEST_CASE(a_name_cannot_be_both_a_blob_and_a_directory) {
  store->put_blob("acct", "data", "a", "file", "");
  BOOST_TEST(fails_with([&] { store->put_blob("acct", "data", "a/b", "x", ""); }, ErrorCode::Conflict, "PathConflict"));
  store->put_blob("acct", "data", "d/e", "x", "");
  BOOST_TEST(fails_with([&] { store->put_blob("acct", "data", "d", "x", ""); }, ErrorCode::Conflict, "PathConflict"));
  BOOST_TEST(*store->get_blob("acct", "data", "a") == "file");
}

BOOST_AUTO_TEST_CASE(listing_is_in_name_order_with_prefix_and_pages) {
  for (const char* name : {"b.csv", "a/2.csv", "a/1.csv", "c", "a/10.csv"})
    store->put_blob("acct", "data", name, name, "");
  auto all = store->list_blobs("acct", "data", "", "", 100);
  std::vector<std::string> names;
  for (const auto& item : all.items) names.push_back(item.name);
  BOOST_TEST(names == (std::vector<std::string>{"a/1.csv", "a/10.csv", "a/2.csv", "b.csv", "c"}),
             boost::test_tools::per_element());
  BOOST_TEST(all.next_marker.empty());
  BOOST_TEST(all.items[3].properties.size == 5u);

  auto first = store->list_blobs("acct", "data", "a/", "", 2);
  BOOST_TEST(first.items.size() == 2u);
  BOOST_TEST(first.next_marker == "a/10.csv");
  auto rest = store->list_blobs("acct", "data", "a/", first.next_marker, 2);
  BOOST_TEST_REQUIRE(rest.items.size() == 1u);
  BOOST_TEST(rest.items[0].name == "a/2.csv");
  BOOST_TEST(rest.next_marker.empty());
  BOOST_TEST(
      fails_with([&] { store->list_blobs("acct", "nope", "", "", 1); }, ErrorCode::NotFound, "ContainerNotFound"));
}

BOOST_AUTO_TEST_CASE(uploads_in_progress_are_never_listed_and_leftovers_go_at_open) {
  store->put_blob("acct", "data", "x.csv", "1", "");
  const fs::path leftover = root / "acct" / ".azml-uploads" / "dead.data";
  azml::host::test::write_file(leftover, "half");
  BOOST_TEST(store->list_blobs("acct", "data", "", "", 10).items.size() == 1u);
  auto reopened = azml::host::blobs::open_file_blob_store(root);
  BOOST_TEST(!fs::exists(leftover));
  BOOST_TEST(*reopened->get_blob("acct", "data", "x.csv") == "1");
}

BOOST_AUTO_TEST_CASE(lost_properties_are_recomputed_from_the_bytes) {
  store->put_blob("acct", "data", "x.csv", "hello", "text/csv");
  fs::remove(root / "acct" / ".azml-properties" / "data" / "x.csv");
  auto properties = store->get_properties("acct", "data", "x.csv");
  BOOST_TEST_REQUIRE(properties.has_value());
  BOOST_TEST(properties->size == 5u);
  BOOST_TEST(properties->content_md5 == azml::content_md5("hello"));
}

BOOST_AUTO_TEST_CASE(readers_see_a_whole_blob_while_it_is_replaced) {
  const std::string version_a(64 * 1024, 'a');
  const std::string version_b(96 * 1024, 'b');
  store->put_blob("acct", "data", "model.ilearner", version_a, "");
  std::atomic<bool> torn{false};
  std::thread writer([&] {
    for (int i = 0; i < 40; ++i) store->put_blob("acct", "data", "model.ilearner", i % 2 ? version_a : version_b, "");
  });
  for (int i = 0; i < 200; ++i) {
    azml::host::blobs::BlobProperties properties;
    auto bytes = store->get_blob("acct", "data", "model.ilearner", &properties);
    if (!bytes || (*bytes != version_a && *bytes != version_b) || properties.size != bytes->size()) torn = true;
  }
  writer.join();
  BOOST_TEST(!torn.load());
}

BOOST_DATA_TEST_CASE_F(StoreFixture, names_that_would_leave_the_store_are_refused,
                       data::make(std::vector<std::string>{
                           "..", "../escape", "a/../../escape", "/etc/passwd", "a\\..\\b", "a//b", "a/", "./a", "a/./b",
                           "a/..", std::string("a\0b", 3), std::string("bad\x01name"), std::string(1025, 'x'),
                           std::string(256, 'y') + "/z", std::string("\xC3\x28"), ""}),
                       name) {
  BOOST_TEST(
      fails_with([&] { store->put_blob("acct", "data", name, "x", ""); }, ErrorCode::Invalid, "InvalidResourceName"));
  BOOST_TEST(fails_with([&] { store->get_blob("acct", "data", name); }, ErrorCode::Invalid, "InvalidResourceName"));
  BOOST_TEST(fails_with([&] { store->delete_blob("acct", "data", name); }, ErrorCode::Invalid, "InvalidResourceName"));
  BOOST_TEST(files_outside_root().empty());
}

BOOST_DATA_TEST_CASE_F(StoreFixture, container_and_account_names_follow_azures_rules,
                       data::make(std::vector<std::string>{"..", "ab", "UPPER", "-ab", "ab-", "a--b", "a/b", "a.b",
                                                           std::string(64, 'a')}),
                       name) {
  BOOST_TEST(fails_with([&] { store->create_container("acct", name); }, ErrorCode::Invalid, "InvalidResourceName"));
  BOOST_TEST(fails_with([&] { store->create_container(name, "data"); }, ErrorCode::Invalid, "InvalidResourceName"));
  BOOST_TEST(files_outside_root().empty());
}

BOOST_AUTO_TEST_CASE(names_azure_allows_are_kept) {
  for (const std::string name : {"%2e%2e", "a b/ü é.csv", "...a", "a..b/c", "dir.v1/x"}) {
    BOOST_TEST_CONTEXT(name) {
      store->put_blob("acct", "data", name, name, "");
      BOOST_TEST(*store->get_blob("acct", "data", name) == name);
    }
  }
  store->create_container("acct", "a-b-1");
  BOOST_TEST(store->container_exists("acct", "a-b-1"));
}

BOOST_AUTO_TEST_SUITE_END()
