// Edit Metadata: renames columns, changes their type, makes them categorical or not, and
// marks them as features, label or weight.
#include "common/error.hpp"
#include "common/strings.hpp"
#include "engine/modules/module.hpp"

namespace azml::engine {

namespace {

struct MetadataEdit {
  ColumnPicker columns;
  std::string data_type;
  std::string categorical;
  std::string fields;
  std::vector<std::string> new_names;
};

Table apply(const MetadataEdit& edit, const Table& input) {
  std::vector<size_t> selected = edit.columns.select(input);
  if (!edit.new_names.empty() && edit.new_names.size() != selected.size()) {
    throw Error(ErrorCode::Invalid, "parameter 'New column names' gives " + std::to_string(edit.new_names.size()) +
                                        " names for " + std::to_string(selected.size()) + " selected columns");
  }
  Table out = input;
  for (size_t i = 0; i < selected.size(); ++i) {
    Column column = out.column(selected[i]);
    if (edit.data_type != "Unchanged") column = column.converted_to(*parse_column_type(edit.data_type));
    if (edit.categorical == "Make categorical") column.set_categorical(true);
    if (edit.categorical == "Make non-categorical") column.set_categorical(false);
    if (edit.fields == "Features") column.set_role(ColumnRole::Feature);
    if (edit.fields == "Label") column.set_role(ColumnRole::Label);
    if (edit.fields == "Weight") column.set_role(ColumnRole::Weight);
    if (edit.fields == "Clear feature" && column.role() == ColumnRole::Feature) column.set_role(ColumnRole::None);
    if ((edit.fields == "Clear label" && column.role() == ColumnRole::Label) ||
        (edit.fields == "Clear weight" && column.role() == ColumnRole::Weight) ||
        (edit.fields == "Clear score" && (column.role() == ColumnRole::ScoredLabel ||
                                          column.role() == ColumnRole::ScoredProbability ||
                                          column.role() == ColumnRole::ClassProbability))) {
      column.set_role(ColumnRole::Feature);
    }
    if (!edit.new_names.empty()) column.set_name(edit.new_names[i]);
    out.replace_column(selected[i], std::move(column));
  }
  return out;
}

}  // namespace

std::unique_ptr<Module> make_edit_metadata_module() {
  ModuleInfo info{"Edit Metadata",
                  {"edit-metadata", "metadata-editor"},
                  {{"Dataset", PortKind::Dataset, false}},
                  {{"Results dataset", PortKind::Dataset, false}},
                  {{"Column", std::nullopt, {"Column selector"}},
                   {"Data type", "Unchanged", {}},
                   {"Categorical", "Unchanged", {}},
                   {"Fields", "Unchanged", {}},
                   {"New column names", "", {}}}};
  return make_module(std::move(info), [](const Parameters& p) -> RunFunction {
    MetadataEdit edit{p.columns("Column"),
                      p.choice("Data type", {"Unchanged", "String", "Integer", "Double", "Boolean", "DateTime",
                                             "TimeSpan"}),
                      p.choice("Categorical", {"Unchanged", "Make categorical", "Make non-categorical"}),
                      p.choice("Fields", {"Unchanged", "Features", "Label", "Weight", "Clear feature", "Clear label",
                                          "Clear score", "Clear weight"}),
                      {}};
    if (edit.data_type == "DateTime" || edit.data_type == "TimeSpan") {
      throw Error(ErrorCode::Invalid, "parameter 'Data type': " + edit.data_type + " columns are not implemented by azml");
    }
    std::string names = trim(p.text("New column names"));
    if (!names.empty()) {
      for (const auto& piece : split(names, ',')) {
        std::string name = trim(piece);
        if (name.empty()) throw Error(ErrorCode::Invalid, "parameter 'New column names': a name is empty");
        edit.new_names.push_back(name);
      }
    }
    return [edit](const PortValues& inputs) {
      return PortValues{{"Results dataset", output_table(apply(edit, input_table(inputs, "Dataset")))}};
    };
  });
}

}  // namespace azml::engine
