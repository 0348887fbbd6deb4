// GET /api/v1/public/verify/{token}: anyone holding a sealed paper checks it (the QR printed
// on it carries the token). No personal data: what the seal records and whether its
// signature holds.
#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "core/seal/seal.hpp"
#include "service/seal/seals.hpp"

namespace egov::api {

using boost::beast::http::verb;
using http::Request;

struct IssuerView {
  std::string code;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(IssuerView, (), (code, name))

struct VerificationView {
  bool valid = false;
  std::string_view kind;
  std::string number_notation;
  IssuerView issuer;
  std::string issued_on;
  std::string subject;
  std::string sha256;
  Instant signed_at;
  std::string algorithm;
  std::string key_id;
  std::string public_key;
  Omittable<bool> file_matches;  // only when ?sha256= was given
};
BOOST_DESCRIBE_STRUCT(VerificationView, (),
                      (valid, kind, number_notation, issuer, issued_on, subject, sha256, signed_at,
                       algorithm, key_id, public_key, file_matches))

void RegisterVerifyRoutes(http::Router& router, const service::Services& services) {
  auto& s = services;
  router.Add(verb::get, "/api/v1/public/verify/{token}", http::SyncHandler([&s](Request& request) {
               auto v =
                   s.seals.Verify(std::string(request.param("token")), request.query("sha256"));
               VerificationView out{v.valid,
                                    core::seal::Name(v.seal.kind),
                                    v.seal.number_notation,
                                    {v.seal.issuer_code, v.seal.issuer_name},
                                    v.seal.issued_on,
                                    v.seal.title,
                                    v.seal.sha256,
                                    Instant{v.seal.signed_at},
                                    v.seal.algorithm,
                                    v.seal.key_id,
                                    v.public_key,
                                    {}};
               if (v.file_matches) out.file_matches = *v.file_matches;
               return JsonView(out);
             }),
             http::RouteOptions{.public_rate_limited = true});
}

}  // namespace egov::api
