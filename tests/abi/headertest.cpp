// The public header compiled as C++ (C++11, -pedantic), with the same checks as the C test:
// headertest.c is valid C++ too.
#include "headertest.c"
