// common/long_work: a scope tells the thread's hooks that long work begins and ends, once however
// deeply scopes nest, and nothing at all on a thread without hooks.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "common/long_work.hpp"

namespace {

thread_local int begun = 0;
thread_local int ended = 0;

const azml::LongWork::Hooks kCountingHooks{[]() noexcept { ++begun; }, []() noexcept { ++ended; }};

}  // namespace

BOOST_AUTO_TEST_SUITE(long_work_tests)

BOOST_AUTO_TEST_CASE(a_scope_is_announced_once_however_deeply_scopes_nest) {
  azml::LongWork::install_hooks(&kCountingHooks);
  {
    const azml::LongWork outer;
    BOOST_TEST(begun == 1);
    {
      const azml::LongWork inner;
      BOOST_TEST(begun == 1);
    }
    BOOST_TEST(ended == 0);
  }
  BOOST_TEST(ended == 1);
  { const azml::LongWork again; }  // the hooks are back after the scope
  BOOST_TEST(begun == 2);
  BOOST_TEST(ended == 2);
  azml::LongWork::install_hooks(nullptr);
  { const azml::LongWork unheard; }
  BOOST_TEST(begun == 2);
}

BOOST_AUTO_TEST_CASE(hooks_belong_to_the_thread_that_installed_them) {
  azml::LongWork::install_hooks(&kCountingHooks);
  int other_begun = -1;
  std::thread other([&] {
    { const azml::LongWork scope; }
    other_begun = begun;
  });
  other.join();
  BOOST_TEST(other_begun == 0);
  azml::LongWork::install_hooks(nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
