# Install rules for the library (included from the top-level CMakeLists.txt):
#   <prefix>/include/budgetdoc/*.hpp              public headers
#   <prefix>/<libdir>/libbudgetdoc.{a,so}
#   <prefix>/<libdir>/cmake/budgetdoc/             find_package(budgetdoc) → budgetdoc::budgetdoc
#   <prefix>/<libdir>/pkgconfig/budgetdoc.pc       pkg-config budgetdoc
# The CLI's install rule lives in tools/CMakeLists.txt.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BUDGETDOC_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/budgetdoc")

install(TARGETS budgetdoc EXPORT budgetdocTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/budgetdoc
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(EXPORT budgetdocTargets NAMESPACE budgetdoc:: DESTINATION ${BUDGETDOC_CMAKE_DIR})

get_target_property(BUDGETDOC_TYPE budgetdoc TYPE)
if(BUDGETDOC_TYPE STREQUAL "SHARED_LIBRARY")
  set(BUDGETDOC_SHARED ON)
  set(BUDGETDOC_PC_CFLAGS "-DBUDGETDOC_SHARED")
else()
  set(BUDGETDOC_SHARED OFF)
  set(BUDGETDOC_PC_CFLAGS "")
endif()

# re2 came either from re2Config.cmake (target re2::re2) or from pkg-config
# (PkgConfig::RE2 behind the alias re2::re2; the export names the real target).
get_target_property(BUDGETDOC_RE2_ALIASED re2::re2 ALIASED_TARGET)
if(BUDGETDOC_RE2_ALIASED)
  set(BUDGETDOC_RE2_TARGET ${BUDGETDOC_RE2_ALIASED})
else()
  set(BUDGETDOC_RE2_TARGET re2::re2)
endif()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/budgetdocConfig.cmake.in
  ${PROJECT_BINARY_DIR}/budgetdocConfig.cmake
  INSTALL_DESTINATION ${BUDGETDOC_CMAKE_DIR})
# 0.x: a consumer asking for 0.1 must get 0.1.*, not 0.2.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/budgetdocConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/budgetdocConfig.cmake ${PROJECT_BINARY_DIR}/budgetdocConfigVersion.cmake
  DESTINATION ${BUDGETDOC_CMAKE_DIR})

# pkg-config: prefix relative to the .pc file, so `cmake --install --prefix X`
# and moved install trees stay correct.
file(RELATIVE_PATH BUDGETDOC_PC_TO_PREFIX
  "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" BUDGETDOC_PC_TO_PREFIX "${BUDGETDOC_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/budgetdoc.pc.in ${PROJECT_BINARY_DIR}/budgetdoc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/budgetdoc.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
