// The C interface of BLAS, from Debian's libblas-dev (reference BLAS). At run time the
// libblas.so.3 alternative selects the implementation: OpenBLAS when libopenblas0-pthread is
// installed (the Makefile installs it), the reference BLAS otherwise.
#include <cblas.h>
