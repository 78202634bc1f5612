// The names ARM accepts for the resources azml-host serves. Checked before anything is read or
// written, so a bad name is a 400 that says which rule it broke, never a 404 or a stored oddity.
#pragma once

#include <string>

namespace azml::host::domain {

// Resource group: 1 to 90 characters of letters, digits, '_', '-', '.', '(' and ')', not ending
// with '.' (ARM's rule). ARM also allows non-ASCII letters; azml keeps to ASCII so that the
// case-insensitive comparison (ASCII lower-casing) is exact and names are safe in file paths.
// Throws Error(Invalid, "InvalidResourceName") naming the value, with target "resourceGroupName".
void check_resource_group_name(const std::string& name);

// Web service: 1 to 255 characters of ASCII letters, digits, '_', '-' and '.', neither starting
// nor ending with '.' or '-'. Dots inside are allowed: Azure ML Studio names services after the
// experiment and a timestamp ("RetrainSamplePre.2016.8.17.0.3.51.237").
// Throws Error(Invalid, "InvalidResourceName") naming the value, with target "webServiceName".
void check_web_service_name(const std::string& name);

}  // namespace azml::host::domain
