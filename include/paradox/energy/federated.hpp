/// @file
/// @brief A federated-averaging round: K of N clients download the model, train locally
/// (stragglers, or a deadline that drops late clients), upload a compressed update over a
/// shared cell or access point; time and energy per round and to a number of rounds.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "paradox/energy/compression.hpp"
#include "paradox/energy/radio_energy.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/sync/distributions.hpp"
#include "paradox/sync/order_statistics.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief One federated round and how many of them.
struct FederatedRound {
  int clients = 1;                 ///< N, the population
  int sampled = 1;                 ///< K, clients selected per round, in [1, N]
  Bytes model{};                   ///< S, the model each client downloads (and its dense update)
  Compression compression{};       ///< applied to the uploaded update (the download is dense)
  RadioLink radio{};               ///< every client's radio
  std::optional<sync::StepTime> local_compute{};  ///< one client's local training time; none: 0
  Watts compute_power{};           ///< a client's draw while training (EdgeDevice::active_power)
  std::optional<Seconds> deadline{};  ///< D: local training later than D is dropped
  std::optional<Bandwidth> cell_uplink{};    ///< C_u, shared by the round's uploads; none: no limit
  std::optional<Bandwidth> cell_downlink{};  ///< C_d, shared by the downloads; none: no limit
  std::optional<Bandwidth> server_bandwidth{};  ///< B, the server's link per direction; none: no limit
  int rounds = 1;                  ///< R, rounds to the target, >= 1
};

/// @brief Time and energy of a round, by phase, and of R rounds.
struct FederatedRoundCost {
  Bytes upload_per_client{};      ///< S' = compressed_size(S)
  Bandwidth download_rate{};      ///< \f$r_d = \min(t_d, C_d/K, B/K)\f$
  Bandwidth upload_rate{};        ///< \f$r_u = \min(t_u, C_u/K', B/K')\f$
  Seconds download_time{};        ///< latency + S / \f$r_d\f$
  Seconds compute_time{};         ///< \f$E[\max_K X]\f$, or min(D, that) with a deadline
  Seconds upload_time{};          ///< latency + S' / \f$r_u\f$ (0 when nobody reports)
  Seconds round_time{};           ///< download + compute + upload
  double dropped_fraction = 0.0;  ///< p = 1 - F(D), the share of sampled clients dropped
  double reporting_clients = 0.0; ///< K' = K (1 - p), expected
  Joules download_energy{};       ///< K (promotion + P(0, r_d) S / r_d + tail)
  Joules compute_energy{};        ///< K \f$P_c\f$ E[X]
  Joules upload_energy{};         ///< K' (promotion + P(r_u, 0) S' / r_u + tail)
  Joules round_energy{};          ///< the sum, all sampled clients together
  Seconds total_time{};           ///< R x round_time
  Joules total_energy{};          ///< R x round_energy
};

/// @brief Time and energy of federated averaging:
/// \f$ T = \alpha + \frac{S}{r_d} + E[\max_{i \le K} X_i] + \alpha + \frac{S'}{r_u} \f$,
/// \f$ E = K(E_{pro} + P(0,r_d)\frac{S}{r_d} + E_{tail} + P_c E[X]) +
///   K'(E_{pro} + P(r_u,0)\frac{S'}{r_u} + E_{tail}) \f$.
///
/// The round of FedAvg (McMahan et al. 2017, "Communication-Efficient Learning of Deep
/// Networks from Decentralized Data", AISTATS, alg. 1: a fraction C of the K clients per
/// round, local epochs, a weighted average) as run at scale (Bonawitz et al. 2019, "Towards
/// Federated Learning at Scale: System Design", MLSys, sec. 2: selection, configuration = model
/// download, local training, reporting = update upload, with a reporting deadline past which
/// stragglers are dropped). Phases are synchronous: everyone downloads, the slowest of K
/// trains (MODELS.md sec. 8; straggler distributions of sync/), everyone uploads. Clients that
/// share a cell (or an access point) and the server share its capacity: each gets
/// \f$\min(t, C/K, B/K)\f$. With a deadline D, a client is dropped when its training exceeds
/// D (p = 1 - F(D)), the training phase lasts \f$\min(D, E[\max_K X])\f$ (an upper bound of
/// \f$E[\min(D, \max X)]\f$), dropped clients still download and train but do not upload.
/// Download and upload are separate radio bursts (a promotion and a tail each, Huang et al.
/// 2012): an upper bound when training is shorter than the tail. Server energy is not counted.
/// @param in the round
/// @return the phases and totals; see docs/energy.md for the Edge Guardian example
/// @pre 1 <= K <= N; S >= 0; the radio's throughputs > 0; compute_power >= 0; deadline > 0
///   and only with local_compute; capacities > 0; rounds >= 1
/// @throws invalid_input "federated round: sampled must be in [1, 100] (got 101)",
///   "federated round: deadline must go with local_compute (got 5 s)"
[[nodiscard]] inline FederatedRoundCost evaluate(const FederatedRound& in) {
  constexpr std::string_view fn = "federated round";
  require_at_least(fn, "clients", in.clients, 1);
  require_in_range(fn, "sampled", in.sampled, 1, in.clients);
  require_non_negative(fn, "model", in.model);
  require_at_least(fn, "rounds", in.rounds, 1);
  require_non_negative(fn, "compute_power", in.compute_power);
  detail::check_radio(fn, in.radio);
  require_positive(fn, "radio.uplink", in.radio.uplink);
  require_positive(fn, "radio.downlink", in.radio.downlink);
  if (in.cell_uplink) require_positive(fn, "cell_uplink", *in.cell_uplink);
  if (in.cell_downlink) require_positive(fn, "cell_downlink", *in.cell_downlink);
  if (in.server_bandwidth) require_positive(fn, "server_bandwidth", *in.server_bandwidth);
  if (in.deadline) {
    require_positive(fn, "deadline", *in.deadline);
    if (!in.local_compute)
      throw invalid_input(fn, "deadline", "go with local_compute",
                          paradox::detail::describe(*in.deadline));
  }
  const double k = static_cast<double>(in.sampled);
  FederatedRoundCost c;
  c.upload_per_client = compressed_size(in.model, in.compression);

  // Shares of the cell and of the server: min(t, C/n, B/n).
  const auto share = [&](Bandwidth radio, const std::optional<Bandwidth>& cell, double n) {
    Bandwidth r = radio;
    if (cell) r = std::min(r, *cell / n);
    if (in.server_bandwidth) r = std::min(r, *in.server_bandwidth / n);
    return r;
  };

  Seconds mean_compute{};
  if (in.local_compute) {
    const sync::StepTime& x = *in.local_compute;
    mean_compute = sync::mean(x);
    c.compute_time = sync::expected_max(x, in.sampled);
    if (in.deadline) {
      c.dropped_fraction = 1.0 - sync::cdf(x, *in.deadline);
      c.compute_time = std::min(c.compute_time, *in.deadline);
    }
  }
  c.reporting_clients = k * (1.0 - c.dropped_fraction);

  const Joules burst = promotion_energy(in.radio) + tail_energy(in.radio);
  c.download_rate = share(in.radio.downlink, in.cell_downlink, k);
  if (in.model > Bytes{}) {
    c.download_time = in.radio.latency + in.model / c.download_rate;
    c.download_energy =
        k * (burst + detail::one_way_power(in.radio, Direction::down, c.download_rate) *
                         (in.model / c.download_rate));
  }
  c.compute_energy = k * in.compute_power * mean_compute;
  if (c.reporting_clients > 0.0) {
    c.upload_rate = share(in.radio.uplink, in.cell_uplink, c.reporting_clients);
    if (c.upload_per_client > Bytes{}) {
      c.upload_time = in.radio.latency + c.upload_per_client / c.upload_rate;
      c.upload_energy =
          c.reporting_clients *
          (burst + detail::one_way_power(in.radio, Direction::up, c.upload_rate) *
                       (c.upload_per_client / c.upload_rate));
    }
  }
  c.round_time = c.download_time + c.compute_time + c.upload_time;
  c.round_energy = c.download_energy + c.compute_energy + c.upload_energy;
  const double r = static_cast<double>(in.rounds);
  c.total_time = r * c.round_time;
  c.total_energy = r * c.round_energy;
  return c;
}

/// @}

}  // namespace paradox::energy
