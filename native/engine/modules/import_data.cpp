// Import Data: reads a CSV or TSV dataset from a web URL or an Azure blob while the graph runs,
// with Azure ML Studio's parameter names ("Please Specify Data Source", "Data Source URL",
// "Path to container or directory or blob", ...). The bytes come through the run's DataFetcher
// (run_context.hpp): the engine itself has no network code.
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/csv.hpp"
#include "engine/modules/module.hpp"
#include "engine/run_context.hpp"

namespace azml::engine {

namespace {

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::Invalid, message); }

struct ImportPlan {
  ImportSource source;
  char delimiter = ',';
  bool has_header = true;
  std::string description;  // for messages: "http://..." or "blob container/x.csv of account a"
};

char delimiter_for_format(const std::string& format) { return format == "TSV" ? '\t' : ','; }

// The number of fields in the first record, quotes respected: enough to name the columns of a
// file without a header row.
size_t first_record_width(std::string_view text, char delimiter) {
  size_t fields = 1;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == delimiter) {
      ++fields;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    }
  }
  return fields;
}

// Azure names the columns of a headerless file Col1, Col2, ...
std::string with_generated_header(std::string_view text, char delimiter) {
  std::string header;
  const size_t width = first_record_width(text, delimiter);
  for (size_t i = 1; i <= width; ++i) {
    if (i > 1) header.push_back(delimiter);
    header += "Col" + std::to_string(i);
  }
  return header + "\n" + std::string(text);
}

ImportPlan plan_http(const Parameters& p) {
  ImportPlan plan;
  plan.source.kind = ImportSource::Kind::Url;
  plan.source.url = trim(p.text("Data Source URL"));
  if (plan.source.url.empty()) invalid("parameter 'Data Source URL' is required to import from a web URL");
  if (!starts_with(to_lower(plan.source.url), "http://") && !starts_with(to_lower(plan.source.url), "https://")) {
    invalid("parameter 'Data Source URL' must be an http or https URL, not '" + plan.source.url + "'");
  }
  const std::string format = p.choice("Data format", {"CSV", "TSV", "ARFF", "SvmLight"});
  if (format != "CSV" && format != "TSV") invalid("parameter 'Data format': '" + format + "' is not implemented by azml");
  plan.delimiter = delimiter_for_format(format);
  plan.has_header = p.boolean("CSV or TSV has header row");
  plan.description = plan.source.url;
  return plan;
}

ImportPlan plan_blob(const Parameters& p) {
  ImportPlan plan;
  const std::string authentication = p.choice("Please Specify Authentication Type", {"Account", "PublicOrSAS"});
  if (authentication == "PublicOrSAS") {
    plan.source.kind = ImportSource::Kind::Url;
    plan.source.url = trim(p.text("URI"));
    if (plan.source.url.empty()) invalid("parameter 'URI' is required for PublicOrSAS authentication");
    plan.description = plan.source.url;
  } else {
    plan.source.kind = ImportSource::Kind::AzureBlob;
    plan.source.account_name = trim(p.text("Account Name"));
    plan.source.account_key = trim(p.text("Account Key"));
    std::string path = trim(p.text("Path to container or directory or blob"));
    while (starts_with(path, "/")) path.erase(0, 1);
    if (plan.source.account_name.empty()) invalid("parameter 'Account Name' is required for Account authentication");
    if (plan.source.account_key.empty()) invalid("parameter 'Account Key' is required for Account authentication");
    if (path.find('/') == std::string::npos || ends_with(path, "/")) {
      invalid("parameter 'Path to container or directory or blob' must name one blob as container/blob, not '" + path +
              "'");
    }
    plan.source.path = path;
    plan.description = "blob " + path + " of storage account " + plan.source.account_name;
  }
  const std::string format = p.choice("Blob File format", {"CSV", "TSV", "ARFF", "CSV with encoding", "Excel"});
  if (format != "CSV" && format != "TSV") {
    invalid("parameter 'Blob File format': '" + format + "' is not implemented by azml");
  }
  plan.delimiter = delimiter_for_format(format);
  plan.has_header = p.boolean("File has Header Row");
  return plan;
}

Table import(const ImportPlan& plan) {
  const RunContext* context = current_run_context();
  if (!context || !context->fetch_data) {
    invalid("Import Data cannot fetch " + plan.description +
            " here: azml runs Import Data in batch jobs (BES), where the host fetches the data");
  }
  std::string bytes;
  try {
    bytes = context->fetch_data(plan.source);
  } catch (const Error& e) {
    throw Error(e.code() == ErrorCode::NotFound ? ErrorCode::Invalid : e.code(),
                "cannot read " + plan.description + ": " + e.what());
  }
  try {
    return read_csv(plan.has_header ? bytes : with_generated_header(bytes, plan.delimiter),
                    CsvReadOptions{plan.delimiter});
  } catch (const Error& e) {
    throw Error(e.code(), plan.description + ": " + e.what());
  }
}

}  // namespace

std::unique_ptr<Module> make_import_data_module() {
  ModuleInfo info{"Import Data",
                  {"import-data", "reader"},
                  {},
                  {{"Results dataset", PortKind::Dataset, false}},
                  {{"Please Specify Data Source", "Web URL via HTTP", {"Data source"}},
                   {"Data Source URL", "", {"URL"}},
                   {"Data format", "CSV", {}},
                   {"CSV or TSV has header row", "True", {}},
                   {"Use cached results", "False", {}},
                   {"Please Specify Authentication Type", "Account", {"Authentication type"}},
                   {"URI", "", {}},
                   {"Account Name", "", {}},
                   {"Account Key", "", {}},
                   {"Path to container or directory or blob", "",
                    {"Path to container, directory or blob", "Path to container, directory, or blob"}},
                   {"Blob File format", "CSV", {}},
                   {"File has Header Row", "True", {}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    // Azure's definitions spell the sources both as the UI shows them and as stored.
    const std::string source = p.choice("Please Specify Data Source",
                                        {"Web URL via HTTP", "HTTP", "Azure Blob Storage", "AzureBlobStorage",
                                         "Azure SQL Database", "Azure Table", "Hive Query", "Data Feed Provider",
                                         "Azure DocumentDB", "On-Premises SQL Database"});
    ImportPlan plan;
    if (source == "Web URL via HTTP" || source == "HTTP") {
      plan = plan_http(p);
    } else if (source == "Azure Blob Storage" || source == "AzureBlobStorage") {
      plan = plan_blob(p);
    } else {
      invalid("parameter 'Please Specify Data Source': '" + source +
              "' is not implemented by azml (it reads from 'Web URL via HTTP' and 'AzureBlobStorage')");
    }
    return [plan](const PortValues&) { return PortValues{{"Results dataset", output_table(import(plan))}}; };
  });
}

}  // namespace azml::engine
