// budgetdoc/export.hpp — symbol visibility for the public API.
//
// BUDGETDOC_API marks what a shared libbudgetdoc exports.  The library is built
// with hidden visibility (-fvisibility=hidden, -fvisibility-inlines-hidden), so
// only declarations carrying this macro are visible to consumers of the .so;
// every internal stage (source, normalize, recognize, …) stays private.
//
// BUDGETDOC_SHARED is defined by the build (and propagated to consumers by the
// CMake target budgetdoc::budgetdoc and by budgetdoc.pc) when the library is a
// shared object.  For the static library (the default) the macro is empty.
// BUDGETDOC_BUILDING is defined only while compiling the library itself.
#pragma once

#if defined(BUDGETDOC_SHARED)
#  if defined(_WIN32) || defined(__CYGWIN__)
#    if defined(BUDGETDOC_BUILDING)
#      define BUDGETDOC_API __declspec(dllexport)
#    else
#      define BUDGETDOC_API __declspec(dllimport)
#    endif
#  elif defined(__GNUC__) || defined(__clang__)
#    define BUDGETDOC_API __attribute__((visibility("default")))
#  else
#    define BUDGETDOC_API
#  endif
#else
#  define BUDGETDOC_API
#endif
