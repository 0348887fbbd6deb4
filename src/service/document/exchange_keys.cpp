// The exchange's keys (see exchange_keys.hpp).
#include "service/document/exchange_keys.hpp"

namespace egov::service::document {

ExchangeKeys::ExchangeKeys(std::filesystem::path keys_dir, std::filesystem::path trusted_dir)
    : keys_dir_(std::move(keys_dir)), trusted_dir_(std::move(trusted_dir)) {}

void ExchangeKeys::Load() { Get(); }

const ExchangeKeys::Loaded& ExchangeKeys::Get() {
  std::lock_guard lock(mutex_);
  if (!loaded_) {
    Loaded l;
    std::error_code ec;
    if (!keys_dir_.empty() && std::filesystem::is_directory(keys_dir_, ec)) {
      l.keys = exchange::SigningKeys::FromDirectory(keys_dir_);
    }
    if (!trusted_dir_.empty() && std::filesystem::is_directory(trusted_dir_, ec)) {
      l.trust = exchange::TrustStore::FromDirectory(trusted_dir_);
    }
    loaded_ = std::move(l);
  }
  return *loaded_;
}

const exchange::SigningKey* ExchangeKeys::Find(std::string_view organ_id) {
  return Get().keys.Find(organ_id);
}

const exchange::TrustStore& ExchangeKeys::trust() { return Get().trust; }

}  // namespace egov::service::document
