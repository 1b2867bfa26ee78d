// Graceful interruption. After InstallInterruptHandlers(), the first SIGINT or
// SIGTERM only sets a flag: readers stop at the next read, nothing more is
// analyzed, every line already started is finished, an unfinished --output
// file is removed (the previous one stays), and the run exits with 130. A
// second signal ends the process at once.
#ifndef TACT_COMMON_INTERRUPT_H_
#define TACT_COMMON_INTERRUPT_H_

namespace tact {

void InstallInterruptHandlers();
bool Interrupted();

}  // namespace tact

#endif  // TACT_COMMON_INTERRUPT_H_
