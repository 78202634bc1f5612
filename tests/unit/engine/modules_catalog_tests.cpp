// native/engine/MODULES.md against the module registry: every module has its section, with its
// uris, ports and parameters (names, aliases, defaults), and the page names nothing the
// registry does not have. Types and allowed values are prose there; what can be compared
// mechanically is compared here, so that adding or renaming a module or parameter without
// updating the catalog fails a test.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "common/strings.hpp"
#include "engine/modules/module.hpp"
#include "engine_test_support.hpp"

using namespace azml::engine;

namespace {

struct TableRow {
  std::vector<std::string> cells;  // trimmed, without the outer pipes
};

struct Section {
  std::string title;
  std::string text;
  std::vector<TableRow> rows;  // every table row but header and separator rows
};

std::vector<std::string> split_cells(const std::string& line) {
  // "| a | b |" -> {"a", "b"}; cells hold no '|' on this page.
  std::vector<std::string> cells;
  for (const auto& piece : azml::split(line.substr(1, line.size() - 2), '|')) cells.push_back(azml::trim(piece));
  return cells;
}

// The page's "## " parts and "### " sections; a part's own text (before its first "###") is a
// section titled with the "## " heading.
std::vector<Section> read_sections(const std::string& page) {
  std::vector<Section> sections;
  std::istringstream in(page);
  std::string line;
  while (std::getline(in, line)) {
    if (azml::starts_with(line, "## ") || azml::starts_with(line, "### ")) {
      sections.push_back({azml::trim(line.substr(line.find(' ') + 1)), "", {}});
      continue;
    }
    if (sections.empty()) continue;
    sections.back().text += line + "\n";
    if (azml::starts_with(line, "|") && line.size() > 2 && line.back() == '|' && line.find("---") == std::string::npos) {
      auto cells = split_cells(line);
      if (!cells.empty() && cells[0] != "port" && cells[0] != "parameter") sections.back().rows.push_back({cells});
    }
  }
  return sections;
}

std::string ticked(const std::string& name) { return "`" + name + "`"; }

bool is_port_row(const TableRow& row) {
  return row.cells.size() == 3 && (row.cells[1] == "in" || row.cells[1] == "out" || row.cells[1] == "in, optional");
}

// The row whose first cell starts with `name`.
const TableRow* find_row(const std::vector<TableRow>& rows, const std::string& name) {
  for (const auto& row : rows) {
    if (!row.cells.empty() && azml::starts_with(row.cells[0], ticked(name))) return &row;
  }
  return nullptr;
}

// The names in backticks in a first cell: "`A` (also `B`, `C`)" -> {A, B, C}.
std::set<std::string> ticked_names(const std::string& cell) {
  std::set<std::string> names;
  size_t at = 0;
  while ((at = cell.find('`', at)) != std::string::npos) {
    size_t end = cell.find('`', at + 1);
    if (end == std::string::npos) break;
    names.insert(cell.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return names;
}

void check_default(const ParameterSpec& spec, const std::string& cell) {
  BOOST_TEST_CONTEXT("parameter '" << spec.name << "', default cell '" << cell << "'") {
    if (!spec.default_value) {
      BOOST_TEST(cell == "required");
    } else if (spec.default_value->empty()) {
      BOOST_TEST(cell == "empty");
    } else if (azml::starts_with(*spec.default_value, "{")) {
      // A column picker default is said in words ("all columns").
      BOOST_TEST((cell != "required" && cell != "empty" && !cell.empty()));
    } else {
      BOOST_TEST(cell == ticked(*spec.default_value));
    }
  }
}

struct Catalog {
  std::vector<Section> sections;
  const Section* find(const std::string& title) const {
    for (const auto& section : sections) {
      if (section.title == title) return &section;
    }
    return nullptr;
  }
};

const Catalog& catalog() {
  static const Catalog loaded{read_sections(azml::engine::test::read_file(AZML_MODULE_CATALOG))};
  return loaded;
}

bool is_learner(const Module& module) {
  return module.info().inputs.empty() && module.info().outputs.size() == 1 &&
         module.info().outputs[0].kind == PortKind::UntrainedModel;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(modules_catalog_tests)

BOOST_AUTO_TEST_CASE(every_module_has_its_section_with_uris_and_ports) {
  BOOST_REQUIRE_MESSAGE(!catalog().sections.empty(), "cannot read " << AZML_MODULE_CATALOG);
  for (const Module* module : ModuleRegistry::builtin().modules()) {
    const ModuleInfo& info = module->info();
    BOOST_TEST_CONTEXT("module '" << info.name << "'") {
      const Section* section = catalog().find(info.name);
      BOOST_REQUIRE_MESSAGE(section, "MODULES.md has no '### " << info.name << "' section");
      for (const auto& slug : info.slugs) {
        const std::string shown = slug == info.slugs.front() ? ticked("aml://module/" + slug) : ticked(slug);
        BOOST_TEST(section->text.find(shown) != std::string::npos, "missing " << shown);
      }
      std::set<std::string> documented_ports;
      for (const auto& row : section->rows) {
        if (is_port_row(row)) documented_ports.insert(row.cells[0]);
      }
      if (is_learner(*module)) {
        // Learner sections list parameters only; their one port is said once for all of them.
        BOOST_TEST(documented_ports.empty());
        const Section* learners = catalog().find("Learners (Initialize Model)");
        BOOST_TEST_REQUIRE(learners != nullptr);
        BOOST_TEST(learners->text.find("one output, " + ticked(info.outputs[0].name)) != std::string::npos);
        continue;
      }
      std::set<std::string> ports;
      auto check_port = [&](const PortSpec& port, const std::string& direction) {
        ports.insert(ticked(port.name));
        const TableRow* row = find_row(section->rows, port.name);
        BOOST_TEST(row != nullptr, "port " << port.name << " is not listed");
        if (row) BOOST_TEST(row->cells[1] == direction, "port " << port.name);
      };
      for (const auto& port : info.inputs) check_port(port, port.optional ? "in, optional" : "in");
      for (const auto& port : info.outputs) check_port(port, "out");
      BOOST_TEST(documented_ports == ports, "the page's ports differ from the registry's");
    }
  }
}

BOOST_AUTO_TEST_CASE(every_parameter_is_listed_with_its_aliases_and_default) {
  const Section* learners = catalog().find("Learners (Initialize Model)");
  BOOST_REQUIRE(learners);
  for (const Module* module : ModuleRegistry::builtin().modules()) {
    const ModuleInfo& info = module->info();
    const Section* section = catalog().find(info.name);
    BOOST_REQUIRE(section);
    std::set<std::string> names;  // every name and alias the module accepts
    for (const auto& spec : info.parameters) {
      names.insert(spec.name);
      names.insert(spec.aliases.begin(), spec.aliases.end());
    }
    BOOST_TEST_CONTEXT("module '" << info.name << "'") {
      for (const auto& spec : info.parameters) {
        const TableRow* row = find_row(section->rows, spec.name);
        // The learners' common parameters are in one table before the learners.
        if (!row && is_learner(*module)) {
          for (const auto& candidate : learners->rows) {
            if (ticked_names(candidate.cells[0]).count(spec.name)) row = &candidate;
          }
        }
        BOOST_TEST(row != nullptr, "parameter '" << spec.name << "' is not listed");
        if (!row) continue;
        BOOST_TEST(row->cells.size() == 4u, "parameter '" << spec.name << "' has a malformed row");
        if (row->cells.size() != 4u) continue;
        std::set<std::string> listed = ticked_names(row->cells[0]);
        BOOST_TEST(listed.count(spec.name) == 1u);
        for (const auto& alias : spec.aliases) BOOST_TEST(listed.count(alias) == 1u, "alias '" << alias << "' missing");
        for (const auto& name : listed) BOOST_TEST(names.count(name) == 1u, "'" << name << "' is not a parameter of it");
        check_default(spec, row->cells[2]);
      }
      // And no parameter row of the section names something the module does not have.
      for (const auto& row : section->rows) {
        if (is_port_row(row)) continue;
        for (const auto& name : ticked_names(row.cells[0])) {
          BOOST_TEST(names.count(name) == 1u, "'" << name << "' is listed but is not a parameter");
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_section_is_a_module_of_the_registry) {
  std::set<std::string> known;
  for (const Module* module : ModuleRegistry::builtin().modules()) known.insert(module->info().name);
  std::set<std::string> parts{"Data transformation", "Machine learning", "Learners (Initialize Model)",
                              "Resources and web service inputs and outputs"};
  size_t module_sections = 0;
  for (const auto& section : catalog().sections) {
    if (parts.count(section.title)) continue;
    ++module_sections;
    BOOST_TEST(known.count(section.title) == 1u, "'" << section.title << "' is not a module of the registry");
  }
  BOOST_TEST(module_sections == known.size());
}

BOOST_AUTO_TEST_SUITE_END()
