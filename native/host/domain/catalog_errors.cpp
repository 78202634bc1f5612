#include "domain/catalog_errors.hpp"

namespace azml::host::domain::errors {

Error web_service_not_found(const std::string& name) {
  Error error(ErrorCode::NotFound, "NotFound", "The specified resource was not found.");
  error.add_detail({"WebServiceNotFound", "No Web Service could be found with the provided name: " + name + ".", ""});
  return error;
}

Error subscription_not_found(const std::string& subscription_id) {
  return Error(ErrorCode::NotFound, "SubscriptionNotFound",
               "The subscription '" + subscription_id + "' could not be found.");
}

Error operation_not_found(const std::string& operation_id) {
  return Error(ErrorCode::NotFound, "NotFound",
               "No operation could be found with the provided id: " + operation_id + ".");
}

Error web_service_read_only(const std::string& name) {
  return Error(ErrorCode::Conflict, "WebServiceIsReadOnly",
               "The web service '" + name +
                   "' is read-only: it can no longer be updated or patched, only removed.");
}

Error commitment_plan_cannot_change(const std::string& name, const std::string& stored_id,
                                    const std::string& requested_id) {
  return Error(ErrorCode::Conflict, "CommitmentPlanCannotChange",
               "The commitment plan of web service '" + name + "' is set at creation and cannot be changed (it is '" +
                   stored_id + "'; the request asks for '" + requested_id + "').")
      .with_target("properties.commitmentPlan.id");
}

Error location_cannot_change(const std::string& name, const std::string& stored_location,
                             const std::string& requested_location) {
  return Error(ErrorCode::Conflict, "InvalidResourceLocation",
               "The web service '" + name + "' already exists in location '" + stored_location +
                   "'. A resource with the same name cannot be created in location '" + requested_location + "'.")
      .with_target("location");
}

Error invalid_skiptoken() {
  return Error(ErrorCode::Invalid, "InvalidSkipToken",
               "The $skiptoken value is not valid: use the nextLink of the previous page as it was returned.")
      .with_target("$skiptoken");
}

Error empty_key(const std::string& path) {
  return Error(ErrorCode::Invalid, "BadRequest", "The value of " + path + " must not be empty.").with_target(path);
}

}  // namespace azml::host::domain::errors
