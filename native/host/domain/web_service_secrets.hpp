// The secrets of a web service: keys, storageAccount.key and commitmentPlan. GET never returns
// them (contract §1.5), so a client that re-PUTs what it read cannot send them back; the catalog
// carries the stored ones over instead of wiping them, and generates keys nobody gave.
#pragma once

#include <string>

#include "common/json.hpp"

namespace azml::host::domain {

// Completes and checks the secrets of the properties about to be stored, given the stored
// properties (nullptr when the service is new):
//  - keys.primary / keys.secondary: kept when given (an empty string is refused), else the
//    stored one, else a fresh 64-byte random key in base64 (88 characters, like Azure's);
//  - storageAccount.key: when not given, the stored one, provided the account name is the same;
//  - commitmentPlan: when not given, the stored one; once stored it cannot change (Conflict).
// `name` is the web service name, for messages. Nulls count as "not given".
void reconcile_secrets(json& properties, const json* stored_properties, const std::string& name);

// A fresh service key: 64 random bytes in base64 (88 characters, like Azure's). Classic
// endpoints get theirs the same way.
std::string new_service_key();

// {"primary","secondary"} of stored properties.
json service_keys(const json& properties);

}  // namespace azml::host::domain
