// glibc's malloc extensions (malloc_trim), which Swift's Glibc module does not export: the
// daemon gives a replaced model generation's freed heap back to the system, and the engine the
// scratch of building the similarity space.
#include <malloc.h>
