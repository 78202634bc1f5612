// A run's context: cancellation between boosting rounds and between nodes, and Import Data
// reading through the context's fetcher.
#include <boost/test/unit_test.hpp>

#include <atomic>

#include "engine/learners/learner.hpp"
#include "engine/modules/module.hpp"
#include "engine/run_context.hpp"
#include "engine_test_support.hpp"

using namespace azml::engine;
using azml::engine::test::check_error;

namespace {

Table import_with(const Parameters& parameters, const RunContext& context) {
  const Module* module = ModuleRegistry::builtin().find_by_uri("aml://module/import-data");
  BOOST_REQUIRE(module);
  auto operation = configure_module(*module, parameters);
  RunContextScope scope(context);
  return operation->run({}).at("Results dataset").table();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run_context_tests)

BOOST_AUTO_TEST_CASE(training_stops_between_boosting_rounds_once_cancelled) {
  std::atomic<bool> cancelled{false};
  int rounds_seen = 0;
  RunContext context;
  context.cancelled = &cancelled;
  context.on_boosting_round = [&](int round, int rounds) {
    rounds_seen = round;
    BOOST_TEST(rounds == 100);
    if (round == 3) cancelled = true;
  };
  UntrainedModel learner(two_class_boosted_decision_tree(), Parameters());
  const Table data = test::load_data("breast_cancer.csv");
  RunContextScope scope(context);
  try {
    train(learner, data, "diagnosis");
    BOOST_FAIL("training ran to its end");
  } catch (const azml::Error& e) {
    BOOST_TEST(e.code() == azml::ErrorCode::Cancelled);
  }
  BOOST_TEST(rounds_seen == 3);
}

BOOST_AUTO_TEST_CASE(outside_a_run_nothing_cancels) {
  BOOST_TEST(current_run_context() == nullptr);
  throw_if_cancelled();  // returns
  std::atomic<bool> cancelled{true};
  RunContext context;
  context.cancelled = &cancelled;
  {
    RunContextScope scope(context);
    BOOST_CHECK_THROW(throw_if_cancelled(), azml::Error);
  }
  BOOST_TEST(current_run_context() == nullptr);
}

BOOST_AUTO_TEST_CASE(import_data_reads_a_web_url_through_the_fetcher) {
  ImportSource asked;
  RunContext context;
  context.fetch_data = [&](const ImportSource& source) {
    asked = source;
    return std::string("a,b\n1,x\n2,y\n");
  };
  Table table = import_with(Parameters({{"Please Specify Data Source", "Web URL via HTTP"},
                                        {"Data Source URL", "https://example.org/data.csv"}}),
                            context);
  BOOST_TEST((asked.kind == ImportSource::Kind::Url));
  BOOST_TEST(asked.url == "https://example.org/data.csv");
  BOOST_TEST(table.row_count() == 2u);
  BOOST_TEST(table.column("a").number(1) == 2.0);
}

BOOST_AUTO_TEST_CASE(import_data_names_the_columns_of_a_headerless_tsv_as_azure_did) {
  RunContext context;
  context.fetch_data = [](const ImportSource&) { return std::string("1\t\"x\ty\"\t3\n4\tz\t6\n"); };
  Table table = import_with(Parameters({{"Data Source URL", "http://example.org/d.tsv"},
                                        {"Data format", "TSV"},
                                        {"CSV or TSV has header row", "False"}}),
                            context);
  BOOST_TEST(table.column_names() == (std::vector<std::string>{"Col1", "Col2", "Col3"}), boost::test_tools::per_element());
  BOOST_TEST(table.row_count() == 2u);
  BOOST_TEST(table.column("Col2").to_text(0) == "x\ty");
}

BOOST_AUTO_TEST_CASE(import_data_hands_an_accounts_blob_to_the_fetcher) {
  ImportSource asked;
  RunContext context;
  context.fetch_data = [&](const ImportSource& source) {
    asked = source;
    return std::string("a\n1\n");
  };
  import_with(Parameters({{"Please Specify Data Source", "AzureBlobStorage"},
                          {"Please Specify Authentication Type", "Account"},
                          {"Account Name", "acct"},
                          {"Account Key", "a2V5"},
                          {"Path to container, directory or blob", "/data/in.csv"}}),
              context);
  BOOST_TEST((asked.kind == ImportSource::Kind::AzureBlob));
  BOOST_TEST(asked.account_name == "acct");
  BOOST_TEST(asked.account_key == "a2V5");
  BOOST_TEST(asked.path == "data/in.csv");
}

BOOST_AUTO_TEST_CASE(import_data_says_what_it_cannot_do) {
  RunContext none;
  check_error([&] { import_with(Parameters({{"Data Source URL", "https://example.org/d.csv"}}), none); },
              {"Import Data cannot fetch", "https://example.org/d.csv", "batch jobs"});
  RunContext failing;
  failing.fetch_data = [](const ImportSource&) -> std::string {
    throw azml::Error(azml::ErrorCode::NotFound, "no such blob");
  };
  check_error([&] { import_with(Parameters({{"Data Source URL", "https://example.org/d.csv"}}), failing); },
              {"cannot read https://example.org/d.csv", "no such blob"});

  const Module* module = ModuleRegistry::builtin().find_by_name("Import Data");
  check_error([&] { configure_module(*module, Parameters({{"Please Specify Data Source", "Hive Query"}})); },
              {"'Hive Query' is not implemented"});
  check_error([&] { configure_module(*module, Parameters({{"Data Source URL", "ftp://x/y.csv"}})); },
              {"must be an http or https URL"});
  check_error([&] { configure_module(*module, Parameters({{"Please Specify Data Source", "AzureBlobStorage"},
                                                           {"Account Name", "a"}, {"Account Key", "k"},
                                                           {"Path to container or directory or blob", "justcontainer"}})); },
              {"container/blob"});
}

BOOST_AUTO_TEST_SUITE_END()
