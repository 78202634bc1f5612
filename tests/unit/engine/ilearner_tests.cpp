#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <thread>

#include "common/crypto.hpp"
#include "engine/ilearner.hpp"
#include "engine/learners/learner.hpp"
#include "engine/scoring.hpp"
#include "engine_test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace azml::engine;
using azml::engine::test::check_error;

namespace {

std::shared_ptr<const TrainedModel> train_on_breast_cancer(const LearnerDefinition& learner,
                                                           const std::map<std::string, std::string>& parameters = {}) {
  static const Table data = azml::engine::test::load_data("breast_cancer.csv");
  return train(UntrainedModel(learner, Parameters(parameters)), data, "diagnosis");
}

// Trained afresh for each use (it takes milliseconds): a model kept in static storage would
// free its booster after XGBoost's own thread-local state is gone, at exit.
std::shared_ptr<const TrainedModel> small_tree_model() {
  return train_on_breast_cancer(two_class_boosted_decision_tree(), {{"Number of trees constructed", "10"}});
}

void put_u32(std::string& bytes, size_t offset, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// An .ilearner with the given header text and booster bytes and a valid checksum, to test
// what the reader does after the checksum passes.
std::string signed_file(const std::string& header, const std::string& booster) {
  std::string bytes = write_ilearner(small_tree_model()->header(), "x");
  std::string out = bytes.substr(0, 12);
  out += std::string(4, '\0');
  put_u32(out, 12, 1);
  for (std::uint64_t value : {std::uint64_t(header.size()), std::uint64_t(booster.size())}) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
  }
  out += header + booster;
  std::string hex = azml::sha256_hex(out);
  for (size_t i = 0; i < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ilearner_tests)

BOOST_AUTO_TEST_CASE(round_trip_keeps_header_and_predictions) {
  const auto& model = small_tree_model();
  std::string bytes = write_ilearner(*model);
  BOOST_TEST(looks_like_ilearner(bytes));
  auto loaded = read_ilearner(bytes);
  const ModelHeader& a = model->header();
  const ModelHeader& b = loaded->header();
  BOOST_TEST(b.learner == "Two-Class Boosted Decision Tree");
  BOOST_TEST(b.kind == LearnerKind::BinaryClassification);
  BOOST_TEST(b.label.name == "diagnosis");
  BOOST_TEST(b.label.classes == (std::vector<std::string>{"benign", "malignant"}), boost::test_tools::per_element());
  BOOST_TEST(b.features.feature_names() == a.features.feature_names(), boost::test_tools::per_element());
  BOOST_TEST(b.parameters == a.parameters);
  BOOST_TEST(b.booster_parameters == a.booster_parameters);
  BOOST_TEST(b.boosting_rounds == 10);
  BOOST_TEST(b.training_rows == 569u);
  BOOST_TEST(b.metrics == a.metrics);
  BOOST_TEST(b.xgboost_version == a.xgboost_version);
  Table data = azml::engine::test::load_data("breast_cancer.csv");
  BOOST_TEST(loaded->predict(data).values == model->predict(data).values, boost::test_tools::per_element());
  BOOST_TEST(write_ilearner(*loaded) == bytes);
}

BOOST_AUTO_TEST_CASE(files_are_written_and_read) {
  azml::engine::test::TemporaryDirectory directory;
  write_ilearner_file(*small_tree_model(), directory.file("m.ilearner"));
  BOOST_TEST(read_ilearner_file(directory.file("m.ilearner"))->header().learner == "Two-Class Boosted Decision Tree");
  check_error([&] { read_ilearner_file(directory.file("none.ilearner")); }, {"cannot open", "none.ilearner"});
}

BOOST_AUTO_TEST_CASE(foreign_files_are_rejected) {
  check_error([] { read_ilearner(""); }, {"empty"});
  check_error([] { read_ilearner("mean radius,diagnosis\n1,benign\n"); }, {"unrecognised signature"});
  check_error([] { read_ilearner(std::string("\x00\x01\x00\x00\x00\xff\xff\xff\xff\x01\x00\x00\x00", 13)); },
              {"unrecognised signature", "Azure ML Studio"});
}

static const size_t kCuts[] = {3, 12, 20, 31, 32, 100, 1000};

BOOST_DATA_TEST_CASE(truncated_files_are_rejected, bdata::make(kCuts), cut) {
  std::string bytes = write_ilearner(*small_tree_model());
  check_error([&] { read_ilearner(bytes.substr(0, cut)); }, {"truncated"});
  check_error([&] { read_ilearner(bytes.substr(0, bytes.size() - 1)); }, {"truncated"});
}

BOOST_AUTO_TEST_CASE(corruption_is_caught_by_the_checksum) {
  std::string bytes = write_ilearner(*small_tree_model());
  for (size_t position : {size_t(40), bytes.size() / 2, bytes.size() - 40, bytes.size() - 1}) {
    std::string corrupt = bytes;
    corrupt[position] = static_cast<char>(corrupt[position] ^ 0x20);
    check_error([&] { read_ilearner(corrupt); }, {"checksum mismatch"});
  }
  check_error([&] { read_ilearner(bytes + "extra"); }, {"after the checksum"});
}

BOOST_AUTO_TEST_CASE(newer_versions_are_refused_with_a_reason) {
  std::string bytes = write_ilearner(*small_tree_model());
  put_u32(bytes, 12, kIlearnerFormatVersion + 1);
  check_error([&] { read_ilearner(bytes); }, {"format version 2", "newer", "upgrade azml"});
  put_u32(bytes, 12, 0);
  check_error([&] { read_ilearner(bytes); }, {"version 0"});
}

BOOST_AUTO_TEST_CASE(bad_content_behind_a_good_checksum_is_rejected) {
  const auto model = small_tree_model();
  const std::string booster = model->booster_bytes();
  const std::string header = model->header().to_json().dump();
  BOOST_CHECK_NO_THROW(read_ilearner(signed_file(header, booster)));
  check_error([&] { read_ilearner(signed_file("{not json", booster)); }, {"header is not valid JSON"});
  azml::json no_kind = model->header().to_json();
  no_kind.erase("kind");
  check_error([&] { read_ilearner(signed_file(no_kind.dump(), booster)); }, {"'kind'"});
  check_error([&] { read_ilearner(signed_file(header, "not a booster")); }, {"booster does not load"});
  azml::json multiclass = model->header().to_json();
  multiclass["kind"] = "multiclass";
  multiclass["label"]["classes"] = {"a", "b", "c"};
  check_error([&] { read_ilearner(signed_file(multiclass.dump(), booster)); }, {"gives 1 values per row", "says 3"});
}

BOOST_AUTO_TEST_CASE(models_predict_from_many_threads_at_once) {
  Table data = azml::engine::test::load_data("breast_cancer.csv");
  for (const auto& model : {small_tree_model(), train_on_breast_cancer(two_class_logistic_regression())}) {
    const std::vector<double> expected = model->predict(data).values;
    std::vector<std::thread> threads;
    std::vector<int> mismatches(6, 0);
    for (size_t t = 0; t < mismatches.size(); ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 20; ++i) {
          if (model->predict(data).values != expected) ++mismatches[t];
        }
      });
    }
    for (auto& thread : threads) thread.join();
    for (int count : mismatches) BOOST_TEST(count == 0);
  }
}

BOOST_AUTO_TEST_CASE(unseen_categories_score_as_missing) {
  Table training = read_csv(
      "colour,size,label\nred,1,yes\nblue,2,no\nred,3,yes\nblue,4,no\nred,5,yes\nblue,6,no\nred,7,yes\nblue,8,no\n");
  const std::pair<const LearnerDefinition*, Parameters> learners[] = {
      {&two_class_boosted_decision_tree(), Parameters({{"Minimum number of samples per leaf node", "1"}})},
      {&two_class_logistic_regression(), Parameters()}};
  for (const auto& [learner, parameters] : learners) {
    auto model = train(UntrainedModel(*learner, parameters), training, "label");
    BOOST_TEST(model->header().features.features().front().levels == (std::vector<std::string>{"blue", "red"}),
               boost::test_tools::per_element());
    Table unseen = read_csv("colour,size\ngreen,3\n,4\nred,2\n");
    Table scored = score(*model, unseen, true);
    BOOST_TEST(scored.row_count() == 3u);
    BOOST_TEST(scored.column("Scored Probabilities").missing_count() == 0u);
    BOOST_TEST(scored.column("Scored Labels").text(2) == "yes");
    // A reloaded model behaves the same.
    BOOST_TEST(score(*read_ilearner(write_ilearner(*model)), unseen, true).column("Scored Labels").text(0) ==
               scored.column("Scored Labels").text(0));
  }
  auto strict = train(UntrainedModel(two_class_boosted_decision_tree(),
                                     Parameters({{"Allow unknown categorical levels", "False"}})),
                      training, "label");
  check_error([&] { strict->predict(read_csv("colour,size\ngreen,3\n")); }, {"column 'colour'", "row 1", "'green'"});
}

BOOST_AUTO_TEST_CASE(scoring_checks_the_input_against_the_schema) {
  const auto& model = small_tree_model();
  check_error([&] { model->predict(read_csv("mean radius\n1\n")); }, {"no column 'mean texture'"});
  Table data = azml::engine::test::load_data("breast_cancer.csv").take_rows({0, 1});
  Column text = data.column("mean radius").converted_to(ColumnType::String);
  Table with_text = data;
  with_text.replace_column(with_text.index_of("mean radius"), text);
  BOOST_TEST(model->predict(with_text).values == model->predict(data).values, boost::test_tools::per_element());
  Column bad = read_csv("mean radius\n12\nbig\n").column(0);
  with_text.replace_column(with_text.index_of("mean radius"), bad);
  check_error([&] { model->predict(with_text); }, {"column 'mean radius'", "row 2", "'big' is not a number"});
}

BOOST_AUTO_TEST_CASE(learners_reject_unsuitable_labels) {
  Table wine = azml::engine::test::load_data("wine.csv");
  check_error([&] { train(UntrainedModel(two_class_logistic_regression(), Parameters()), wine, "cultivar"); },
              {"exactly two values", "'cultivar' has 3"});
  check_error([&] { train(UntrainedModel(linear_regression(), Parameters()), wine, "cultivar"); },
              {"column 'cultivar'", "row 1", "'class_0'"});
  check_error([&] { train(UntrainedModel(linear_regression(), Parameters()), wine, "nope"); },
              {"label column 'nope' is not in the dataset"});
  check_error([&] { train(UntrainedModel(multiclass_decision_forest(), Parameters()), wine.select_columns({13}), "cultivar"); },
              {"no feature column"});
}

BOOST_AUTO_TEST_SUITE_END()
