// Being implemented.
#include "definition/definition.hpp"
