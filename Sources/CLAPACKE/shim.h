// The C interface of LAPACK (LAPACKE), from Debian's liblapacke-dev. LAPACK itself is the
// liblapack.so.3 alternative: OpenBLAS's when installed, the reference LAPACK otherwise.
#include <lapacke.h>
