#ifndef MAESTRO_CLIBPQ_SHIM_H
#define MAESTRO_CLIBPQ_SHIM_H
// Debian's libpq-dev installs its headers under /usr/include/postgresql.
#include <postgresql/libpq-fe.h>
#include <poll.h>
#endif
