// Gives every host feature library one source file, so that a feature folder that is still
// empty does not break the build. It defines nothing.
namespace azml::host {}
