# Install in the GNU places, the CMake package, and the Debian package:
#
#   bin/await-holding
#   include/await_holding.h
#   share/man/man1/await-holding.1
#   share/doc/await-holding/   README.md, docs, examples/await-holding.toml
#   share/await-holding/       await-holding-matcher.json (GitHub problem matcher)
#   lib/cmake/await_holding/   await_holdingConfig.cmake (+ version)
#
# "cpack -G DEB" in the build directory makes the .deb (dependencies from
# dpkg-shlibdeps when it is installed, else the libclang and cJSON
# packages named below).

include(CMakePackageConfigHelpers)

install(TARGETS await-holding RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/await_holding.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/await-holding.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        FILES_MATCHING PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/await-holding.toml
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/docs/await-holding-matcher.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/await-holding)

set(AH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/await_holding)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/await_holdingConfig.cmake.in
  ${PROJECT_BINARY_DIR}/await_holdingConfig.cmake
  INSTALL_DESTINATION ${AH_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/await_holdingConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/await_holdingConfig.cmake
              ${PROJECT_BINARY_DIR}/await_holdingConfigVersion.cmake
        DESTINATION ${AH_CMAKE_DIR})

set(CPACK_PACKAGE_NAME await-holding)
set(CPACK_PACKAGE_VENDOR "await-holding")
set(CPACK_PACKAGE_CONTACT "await-holding developers <dev@await-holding.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "report guards (locks, scope guards) held across suspension points")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_PACKAGE_DESCRIPTION
    "A static checker for C and C++ built on libclang: it reports a lock guard, scope guard or C lock that may still be held at a co_await, a co_yield or a call that suspends.")
find_program(AH_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(AH_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  get_filename_component(_ah_llvm_major "${AH_LLVM_ROOT}" NAME)
  string(REPLACE "llvm-" "" _ah_llvm_major "${_ah_llvm_major}")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang1-${_ah_llvm_major}, libcjson1, libc6")
endif()
# the package installs where the build says it is (paths such as SARIF's
# helpUri are baked in): configure with -DCMAKE_INSTALL_PREFIX=/usr for a .deb
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_GENERATOR DEB)
include(CPack)
