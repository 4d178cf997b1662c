#ifndef SKILLMATCH_CBLAS_SHIM_H
#define SKILLMATCH_CBLAS_SHIM_H
// The system CBLAS interface. On Debian, libblas-dev provides the header and
// libopenblas0-pthread routes libblas.so.3 to OpenBLAS at run time.
#include <cblas.h>
#endif
