// The SQLite job store: records round-trip, status changes only from the statuses allowed, jobs
// left Running are failed at start, and lists keep submission order.
#include <boost/test/unit_test.hpp>

#include "common/error.hpp"
#include "storage/job_store.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

namespace azml::host::storage {

namespace {

namespace status = job_status;

struct StoreFixture {
  test::TempDir dir{"azml-job-store"};
  std::unique_ptr<JobStore> store = open_sqlite_job_store(dir.path() / "azml.db");

  static BatchJobRecord job(const std::string& id, const std::string& service = "svc1") {
    BatchJobRecord record;
    record.id = id;
    record.service_id = service;
    record.web_service = {"sub", "rg", "name"};
    record.request = {{"Inputs", json::object()}, {"Outputs", json::object()}, {"GlobalParameters", {{"a", "1"}}}};
    record.created_on = "2026-11-26T21:00:00.0000000Z";
    return record;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(job_store_tests, StoreFixture)

BOOST_AUTO_TEST_CASE(a_job_round_trips_and_is_found_only_through_its_service) {
  store->insert_job(job("ABCDEF0123456789abcdef0123456789"));
  auto found = store->find_job("svc1", "abcdef0123456789abcdef0123456789");  // ids ignore case
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->status == status::kNotStarted);
  BOOST_TEST(found->request["GlobalParameters"]["a"] == "1");
  BOOST_TEST(found->web_service.name == "name");
  BOOST_TEST(found->results.is_null());
  BOOST_TEST(found->started_on.empty());
  BOOST_TEST(!store->find_job("svc2", "abcdef0123456789abcdef0123456789").has_value());
  BOOST_CHECK_THROW(store->insert_job(job("abcdef0123456789abcdef0123456789")), Error);
}

BOOST_AUTO_TEST_CASE(status_changes_apply_only_from_the_statuses_given) {
  store->insert_job(job("j1"));
  JobUpdate running;
  running.status = status::kRunning;
  running.started_on = "2026-11-26T21:00:01.0000000Z";
  BOOST_TEST(store->update_job("j1", {status::kNotStarted}, running));
  BOOST_TEST(!store->update_job("j1", {status::kNotStarted}, running));  // no longer NotStarted

  JobUpdate finished;
  finished.status = status::kFinished;
  finished.results = json{{"output1", {{"RelativeLocation", "c/b.ilearner"}}}};
  finished.ended_on = "2026-11-26T21:00:02.0000000Z";
  JobUpdate cancelled;
  cancelled.status = status::kCancelled;
  cancelled.details = "cancelled";
  BOOST_TEST(store->update_job("j1", {status::kRunning}, finished));
  BOOST_TEST(!store->update_job("j1", {status::kNotStarted, status::kRunning}, cancelled));  // a race lost

  auto found = store->find_job("svc1", "j1");
  BOOST_TEST(found->status == status::kFinished);
  BOOST_TEST(found->results["output1"]["RelativeLocation"] == "c/b.ilearner");
  BOOST_TEST(found->started_on == "2026-11-26T21:00:01.0000000Z");  // kept: the update did not set it
  BOOST_TEST(found->ended_on == "2026-11-26T21:00:02.0000000Z");
  BOOST_TEST(found->details.empty());
}

BOOST_AUTO_TEST_CASE(running_jobs_are_failed_with_the_reason_and_others_are_left_alone) {
  for (const char* id : {"a", "b", "c"}) store->insert_job(job(id));
  JobUpdate running;
  running.status = status::kRunning;
  store->update_job("a", {status::kNotStarted}, running);
  store->update_job("b", {status::kNotStarted}, running);
  BOOST_TEST(store->fail_running_jobs("the host restarted", "2026-11-26T22:00:00.0000000Z") == 2u);
  BOOST_TEST(store->find_job("svc1", "a")->status == status::kFailed);
  BOOST_TEST(store->find_job("svc1", "a")->details == "the host restarted");
  BOOST_TEST(store->find_job("svc1", "b")->ended_on == "2026-11-26T22:00:00.0000000Z");
  BOOST_TEST(store->find_job("svc1", "c")->status == status::kNotStarted);
  BOOST_TEST(store->fail_running_jobs("again", "x") == 0u);
}

BOOST_AUTO_TEST_CASE(lists_hold_a_services_most_recent_jobs_oldest_first) {
  for (int i = 0; i < 5; ++i) store->insert_job(job("job" + std::to_string(i)));
  store->insert_job(job("elsewhere", "svc2"));
  auto recent = store->list_jobs("svc1", 3);
  BOOST_TEST_REQUIRE(recent.size() == 3u);
  BOOST_TEST(recent[0].id == "job2");
  BOOST_TEST(recent[2].id == "job4");
  BOOST_TEST(store->list_jobs("svc2", 10).size() == 1u);
}

BOOST_AUTO_TEST_CASE(jobs_survive_reopening_and_share_the_file_with_the_web_service_store) {
  store->insert_job(job("kept"));
  store.reset();
  auto services = open_sqlite_store(dir.path() / "azml.db");  // the host opens both
  auto reopened = open_sqlite_job_store(dir.path() / "azml.db");
  BOOST_TEST(reopened->find_job("svc1", "kept").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace azml::host::storage
