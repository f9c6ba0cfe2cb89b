# Stages the third-party header trees LikeCast uses into one folder of links,
# so that no build (native or Emscripten) ever adds the whole system include
# folder: for emcc that would pull in glibc's headers.
#
# tiny-dnn 1.0.0a3 includes "third_party/stb/*.h" from its own source tree,
# which Debian does not ship, so small forwarding headers point it at <stb/...>.

set(LIKECAST_SYSTEM_INCLUDE "/usr/include" CACHE PATH
    "Folder holding the tiny_dnn, cereal, rapidjson, gemmlowp, stb, nlohmann and doctest headers")

function(likecast_stage_headers out_dir)
  file(MAKE_DIRECTORY "${out_dir}/third_party/stb")
  foreach(tree tiny_dnn cereal rapidjson gemmlowp stb nlohmann doctest)
    set(source "${LIKECAST_SYSTEM_INCLUDE}/${tree}")
    if(NOT EXISTS "${source}")
      message(FATAL_ERROR "Header folder ${source} not found: run scripts/setup, "
                          "or set LIKECAST_SYSTEM_INCLUDE to where ${tree} is installed")
    endif()
    file(CREATE_LINK "${source}" "${out_dir}/${tree}" SYMBOLIC)
  endforeach()
  foreach(header stb_image.h stb_image_resize.h stb_image_write.h)
    file(WRITE "${out_dir}/third_party/stb/${header}"
         "// Forwards tiny-dnn's bundled stb path to the system stb package.\n#include <stb/${header}>\n")
  endforeach()
endfunction()
