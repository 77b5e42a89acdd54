#include "engine_test.hpp"
int main(void) { return 0; }
