// A program a downstream project would write: one model call, one number read out by its unit.
// Shared by every consumer-project test; it exits 0 only if the model gives the known answer.
#include <paradox/paradox.hpp>

int main() {
  //! [usage]
  using namespace paradox;
  const Seconds t = comm::time(comm::CollectiveInput{
      .op = comm::Collective::allreduce,
      .algorithm = comm::Algorithm::ring,
      .message = 1.0 * gigabytes,
      .ranks = 8,
      .link = {.bandwidth = 50.0 * gigabytes_per_second, .latency = 500.0 * nanoseconds},
  });
  // Ring all-reduce: 2(N-1) alpha + 2(N-1)/N n/beta = 7 us + 35 ms.
  const double ms = value_in<millisecond_unit>(t);
  //! [usage]
  return (ms > 35.006 && ms < 35.008) ? 0 : 1;
}
