#include "handlers/regional_operations.hpp"

#include "common/strings.hpp"

namespace azml::host::handlers {

void RegionalOperations::remember(const AsyncOperation& operation) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto id = to_lower(operation.id);
  if (by_id_.emplace(id, operation).second) order_.push_back(id);
  while (order_.size() > capacity_) {
    by_id_.erase(order_.front());
    order_.pop_front();
  }
}

std::optional<AsyncOperation> RegionalOperations::find(const std::string& subscription_id,
                                                       const std::string& operation_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_id_.find(to_lower(operation_id));
  if (it == by_id_.end() || !iequals(it->second.subscription_id, subscription_id)) return std::nullopt;
  return it->second;
}

}  // namespace azml::host::handlers
