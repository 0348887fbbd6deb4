// The egov program: everything is wired in src/app (the composition root).
#include "app/cli.hpp"

int main(int argc, char** argv) { return egov::app::Main(argc, argv); }
