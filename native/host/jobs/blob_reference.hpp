// BES's AzureBlobDataReference: where a job reads an input or writes an output (contract §4.3).
//   {"ConnectionString": "DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...",
//    "RelativeLocation": "container/blob" or "/container/blob",
//    "BaseLocation": "https://acct.blob.core.windows.net/", "SasBlobToken": "?sv=..."}
// ConnectionString is "used for regular blobs"; BaseLocation and SasBlobToken "only for shared
// access signature blobs" (the portal sample's comments). Either way RelativeLocation names
// the container and the blob.
#pragma once

#include <string>

#include "common/json.hpp"

namespace azml::host::jobs {

struct BlobReference {
  std::string connection_string;
  std::string relative_location;  // as given
  std::string base_location;
  std::string sas_token;          // as given, with or without the leading '?'
  std::string container;          // from relative_location
  std::string blob;               // from relative_location; may contain '/'

  // Reads one reference. `where` names it in errors ("Inputs.input1"). Throws
  // azml::Error(Invalid) with that target when it is not an object, has neither a
  // ConnectionString nor a BaseLocation, or its RelativeLocation does not name a container and a
  // blob.
  static BlobReference parse(const json& value, const std::string& where);

  // The reference as the request is stored: the four fields, those given only.
  json to_json() const;

  // True when the blob name ends in the extension (case-insensitive, e.g. ".ilearner").
  bool has_extension(const char* extension) const;
};

}  // namespace azml::host::jobs
