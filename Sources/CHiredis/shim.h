#ifndef MAESTRO_CHIREDIS_SHIM_H
#define MAESTRO_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#include <sys/time.h>
#endif
