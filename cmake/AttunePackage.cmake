# Installs like a Debian tool: man pages made from --help, bash completion, and
# `cpack -G DEB` (from the build folder) builds attune_VERSION_ARCH.deb with the binary,
# the profiles, checklists and report templates, the man pages and the completion.
# Its Depends are worked out from the binary's shared libraries by dpkg-shlibdeps.

# Man pages: packaging/manpages.sh runs help2man on every command's --help.
find_program(ATTUNE_HELP2MAN help2man)
if(ATTUNE_HELP2MAN)
  set(ATTUNE_MAN_DIR ${PROJECT_BINARY_DIR}/man)
  add_custom_command(
    OUTPUT ${ATTUNE_MAN_DIR}/attune.1.gz
    COMMAND bash ${PROJECT_SOURCE_DIR}/packaging/manpages.sh $<TARGET_FILE:attune> ${ATTUNE_MAN_DIR}
    DEPENDS attune ${PROJECT_SOURCE_DIR}/packaging/manpages.sh ${PROJECT_SOURCE_DIR}/packaging/attune.h2m
    COMMENT "Man pages from attune's --help"
    VERBATIM)
  add_custom_target(attune_man_pages ALL DEPENDS ${ATTUNE_MAN_DIR}/attune.1.gz)
  install(DIRECTORY ${ATTUNE_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man pages (./dev deps installs it)")
endif()

install(FILES ${PROJECT_SOURCE_DIR}/packaging/attune.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME attune)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The user guide (docs/*.md, the pages README and init's "Next:" line point to).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

set(CPACK_PACKAGE_NAME attune)
set(CPACK_PACKAGE_VENDOR "attune")
set(CPACK_PACKAGE_CONTACT "attune maintainers <attune@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Checks early-years settings' rotas against the statutory rules (staff:child ratios, qualifications, paediatric first aid) and continuity of care (each baby's key person), proposes key-person allocations, and writes reports. Nothing leaves the machine.")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_GENERATOR DEB)
include(CPack)
