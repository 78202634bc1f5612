// Replaced by the host's entry point.
int main() { return 1; }
