# Find libclang and its headers as one pair: libclang's enum values change
# between LLVM versions, so we must compile against the headers of the
# library we link.  Prefers LLVM 22 (Debian's libclang-22-dev), then older
# versions down to 14.  Override with -DAH_LLVM_ROOT=/usr/lib/llvm-NN.
#
# Defines the imported target ah::libclang and AH_LLVM_ROOT.

set(_ah_versions 22 21 20 19 18 17 16 15 14)
if(NOT AH_LLVM_ROOT)
  foreach(v IN LISTS _ah_versions)
    if(EXISTS "/usr/lib/llvm-${v}/include/clang-c/Index.h")
      set(AH_LLVM_ROOT "/usr/lib/llvm-${v}")
      break()
    endif()
  endforeach()
endif()
if(NOT AH_LLVM_ROOT)
  message(FATAL_ERROR "libclang not found: install libclang-22-dev (or pass -DAH_LLVM_ROOT=/usr/lib/llvm-NN)")
endif()

find_path(AH_LIBCLANG_INCLUDE clang-c/Index.h
          PATHS "${AH_LLVM_ROOT}/include" NO_DEFAULT_PATH)
find_library(AH_LIBCLANG_LIBRARY NAMES clang libclang
             PATHS "${AH_LLVM_ROOT}/lib" NO_DEFAULT_PATH)
if(NOT AH_LIBCLANG_INCLUDE OR NOT AH_LIBCLANG_LIBRARY)
  message(FATAL_ERROR "libclang headers or library missing under ${AH_LLVM_ROOT}")
endif()
message(STATUS "libclang: ${AH_LIBCLANG_LIBRARY} (headers ${AH_LIBCLANG_INCLUDE})")

# libclang derives clang's resource directory (stddef.h and friends) from
# its process, which goes wrong with -working-directory from some current
# directories; tu.c passes this one explicitly when it exists.
file(GLOB _ah_resource_dirs "${AH_LLVM_ROOT}/lib/clang/*")
list(SORT _ah_resource_dirs)
list(REVERSE _ah_resource_dirs)
list(GET _ah_resource_dirs 0 AH_CLANG_RESOURCE_DIR)
message(STATUS "clang resource directory: ${AH_CLANG_RESOURCE_DIR}")

add_library(ah::libclang UNKNOWN IMPORTED)
set_target_properties(ah::libclang PROPERTIES
  IMPORTED_LOCATION "${AH_LIBCLANG_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${AH_LIBCLANG_INCLUDE}"
  INTERFACE_COMPILE_DEFINITIONS "AH_CLANG_RESOURCE_DIR=\"${AH_CLANG_RESOURCE_DIR}\"")

# clang_visitCXXBaseClasses() (LLVM 20+) sees the bases of template
# instantiations; without it walk.c visits the declaration's children.
include(CheckSymbolExists)
set(CMAKE_REQUIRED_INCLUDES "${AH_LIBCLANG_INCLUDE}")
set(CMAKE_REQUIRED_LIBRARIES "${AH_LIBCLANG_LIBRARY}")
check_symbol_exists(clang_visitCXXBaseClasses "clang-c/Index.h" AH_HAVE_VISIT_BASES)
unset(CMAKE_REQUIRED_INCLUDES)
unset(CMAKE_REQUIRED_LIBRARIES)
if(AH_HAVE_VISIT_BASES)
  set_property(TARGET ah::libclang APPEND PROPERTY
    INTERFACE_COMPILE_DEFINITIONS AH_HAVE_VISIT_BASES=1)
endif()
