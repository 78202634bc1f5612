// The errors the catalog raises, with the ARM codes and messages clients match on. Kept in one
// place so the wording is consistent across operations (and matches production where a
// recording shows it).
#pragma once

#include <string>

#include "common/error.hpp"

namespace azml::host::domain::errors {

// 404 {"code":"NotFound","message":"The specified resource was not found.","details":[
//   {"code":"WebServiceNotFound","message":"No Web Service could be found with the provided name: <name>."}]}
// exactly as production answered (contract §1.3).
Error web_service_not_found(const std::string& name);
// 404 SubscriptionNotFound.
Error subscription_not_found(const std::string& subscription_id);
// 404 for an Azure-AsyncOperation status that does not exist (or belongs to another subscription).
Error operation_not_found(const std::string& operation_id);
// 409 WebServiceIsReadOnly: readOnly services can only be removed.
Error web_service_read_only(const std::string& name);
// 409: the commitment plan is set at creation and cannot change.
Error commitment_plan_cannot_change(const std::string& name, const std::string& stored_id,
                                    const std::string& requested_id);
// 409: an existing resource cannot move to another region.
Error location_cannot_change(const std::string& name, const std::string& stored_location,
                             const std::string& requested_location);
// 400 naming $skiptoken.
Error invalid_skiptoken();
// 400 for a secret that is present but empty (an empty key would let anyone in).
Error empty_key(const std::string& path);

}  // namespace azml::host::domain::errors
