// A scope of work that holds its thread for milliseconds or more without waiting on anything:
// compiling a web service's revision and loading its models, say. Whoever runs the thread may
// install hooks for it to hear of such scopes; the HTTP server does, on its threads, so that while
// a handler does long work the other connections of its event loop are served by another thread
// at once rather than after the handler has held the loop for long. Without hooks a scope does
// nothing.
#pragma once

namespace azml {

class LongWork {
 public:
  struct Hooks {
    void (*begin)() noexcept;
    void (*end)() noexcept;
  };
  // For the calling thread, until replaced; nullptr removes them. `hooks` must outlive the thread.
  static void install_hooks(const Hooks* hooks) noexcept;

  LongWork() noexcept;
  ~LongWork();
  LongWork(const LongWork&) = delete;
  LongWork& operator=(const LongWork&) = delete;

 private:
  const Hooks* hooks_;
};

}  // namespace azml
