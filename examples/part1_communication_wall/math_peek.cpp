// Part 1's Math Peek (--math): the formulas behind the instruments, their sources, where
// paradox's conventions differ from the MLSys textbook's, and the run's numbers plugged in.

#include <ostream>
#include <string>

#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "part1.hpp"

namespace paradox::part1 {

void math_peek(std::ostream& out, const lab::LabTrack& t, const Plan& p) {
  const Cluster& c = p.chosen().cluster;
  const Link& nic = c.node.nic;
  const int g = p.per_node;
  const int k = c.node.nics_per_node;
  out << "MATH PEEK (--math)\n  alpha = latency, beta = bandwidth per direction, M = bytes "
      << "all-reduced, N = " << t.worker_plural << "\n"
      << "  Bandwidths are per direction: NVLink 4 is 450 GB/s each way, where the MLSys textbook\n"
      << "  quotes 900 GB/s for both directions together. To reproduce the book, give 900GB/s\n"
      << "  ([network.intra_node] bandwidth in a scenario, --intra-bandwidth in `paradox`).\n\n"
      << "  Ring all-reduce (Thakur, Rabenseifner & Gropp, IJHPCA 2005; Patarasuk & Yuan,\n"
      << "  JPDC 2009):        T_ring(N) = 2 (N-1) alpha + 2 (N-1)/N * M / beta\n";
  if (g > 1)
    out << "  Hierarchical all-reduce, g = " << g << " per node, k = ceil(N/g) nodes, K = " << k
        << " NIC" << (k == 1 ? "" : "s") << " per node shared by its " << t.worker_plural
        << "\n  (NCCL / Horovod style; MODELS.md section 1):\n"
        << "    T_h(N) = RS_intra(M, g) + T_ring(M/g over k nodes, beta = K beta_NIC / g) + "
           "AG_intra(M, g)\n    RS_intra = AG_intra = (g-1) alpha_i + (g-1)/g * M / beta_i   ("
        << nic.name << " between nodes, " << c.node.intra_node.name << " inside)\n";
  if (p.edge()) {
    const EdgePattern& e = p.chosen_pattern();
    out << "  Edge tracks (issue 12): T_comm(N) is not a ring; priced as " << e.priced_as << ":\n";
    if (e.kind == PatternKind::federated)
      out << "    T_sync(N) = 2 latency + S/r_d + S/r_u,  r = min(radio, C_cell/N, B_server/N) "
             "(energy::FederatedRound;\n    McMahan et al. 2017, Bonawitz et al. 2019)\n";
    else
      out << "    T_sync(N) = " << (e.kind == PatternKind::star ? "2N" : "N")
          << " (tau + S/C) on one shared channel, tau = the connection interval\n"
             "    (energy::" << (e.kind == PatternKind::star ? "star" : "gossip")
          << "_airtime; Bluetooth Core spec vol. 6 part B sec. 4.5)\n";
    out << "    One sync per device: E = P_pro T_pro + P(t_u,0) S_u/t_u + P(0,t_d) S_d/t_d + "
           "P_tail T_tail\n    (energy::evaluate(RadioSync), Huang et al. 2012); battery: E_day = "
           "E_sync D/T(N) + P_idle D\n    With your numbers: T_sync(" << p.nodes << ") = "
        << to_string(p.to.communication_time) << ", E_sync = "
        << text::number(value_in<joule_unit>(p.device_sync->sync.total), 4)
        << " J. The ring formulas above are the Cloud track's, not used here.\n";
  }
  out << "  Step time (MODELS.md section 5):\n"
      << "    T(N) = T_compute/N + T_comm(N) - T_overlap,  T_overlap = min(f T_comm(N), "
         "T_compute/N):\n    overlap never hides more communication than there is compute; the "
         "textbook's lab\n    code and mlsysim subtract f T_comm(N) without that cap.\n"
      << "  Speedup S(N) = T(1)/T(N)   efficiency eta(N) = S(N)/N   marginal dS(N) = S(N+1) - "
         "S(N)\n"
      << "  Diminishing returns (scaling::diminishing_returns, as `paradox scaling` reports it):\n"
      << "    the first N with " << (g > 1 ? "(S(N+g) - S(N))/g" : "dS(N)") << " < " << threshold
      << (g > 1 ? ", N in whole nodes of g" : ", N in single " + t.worker_plural) << "\n"
      << "  Amdahl's law: S = 1 / ((1-p) + p/s) (Amdahl, AFIPS 1967)\n\n"
      << "  With your numbers at N = " << p.nodes << " on " << nic.name
      << ":\n    M = " << to_string(p.chosen().gradient) << ", alpha = " << to_string(nic.latency)
      << ", beta = " << format_bits(nic.bandwidth) << " (" << to_string(nic.bandwidth) << ")";
  if (g > 1 && k != g)
    out << " per NIC, " << format_bits(effective_inter_node_bandwidth_per_accelerator(c)) << " per "
        << t.track.worker_noun;
  out << ", f = " << text::number(p.chosen().overlap_fraction)
      << "\n    T_compute/N = " << to_string(p.to.compute_time)
      << ", T_comm(N) = " << to_string(p.to.communication_time)
      << ", T(N) = " << to_string(p.to.step_time) << ", S(N) = " << text::times(p.to.speedup)
      << ", eta = " << text::percent(p.to.efficiency)
      << "\n    link source: " << nic.provenance.source << " (" << to_string(nic.provenance.kind)
      << ")\n    track source: " << t.track.provenance.source << " ("
      << to_string(t.track.provenance.kind) << ")\n\n";
}

}  // namespace paradox::part1
