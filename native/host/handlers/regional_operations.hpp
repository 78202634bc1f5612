// The operations CreateRegionalBlob answers with. azml-host serves every region from the one
// stored definition, so there is nothing to build and the operation is finished when it is
// created; it is kept in memory (bounded) so that clients can poll its Azure-AsyncOperation URL.
// The catalog has no call that records such an operation in storage yet; when it gains one,
// this registry goes away.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "storage/records.hpp"

namespace azml::host::handlers {

class RegionalOperations {
 public:
  explicit RegionalOperations(std::size_t capacity = 10000) : capacity_(capacity) {}

  void remember(const AsyncOperation& operation);
  // Looks an operation up by id (case-insensitively, as GUIDs compare) within a subscription.
  std::optional<AsyncOperation> find(const std::string& subscription_id, const std::string& operation_id) const;

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, AsyncOperation> by_id_;  // lower-case id
  std::deque<std::string> order_;                // oldest first, for eviction
};

}  // namespace azml::host::handlers
