# CMake toolchain file for the LikeCast web build.
#
# Finds Emscripten's own toolchain file, in this order:
#   1. EMSCRIPTEN_ROOT (cache or environment), the folder holding emcc;
#   2. an emsdk install named by the EMSDK environment variable;
#   3. Debian's package (/usr/share/emscripten).
# Then it includes that file, so everything Emscripten sets up stays in force.
#
#   cmake -S . -B build/web -DCMAKE_TOOLCHAIN_FILE=emsdk-toolchain.cmake [-DIMGUI_DIR=...]

set(_likecast_candidates "")
if(DEFINED EMSCRIPTEN_ROOT)
  list(APPEND _likecast_candidates "${EMSCRIPTEN_ROOT}")
endif()
if(DEFINED ENV{EMSCRIPTEN_ROOT})
  list(APPEND _likecast_candidates "$ENV{EMSCRIPTEN_ROOT}")
endif()
if(DEFINED ENV{EMSDK})
  list(APPEND _likecast_candidates "$ENV{EMSDK}/upstream/emscripten")
endif()
list(APPEND _likecast_candidates "/usr/share/emscripten")

set(_likecast_emscripten_toolchain "")
foreach(root IN LISTS _likecast_candidates)
  if(EXISTS "${root}/cmake/Modules/Platform/Emscripten.cmake")
    set(_likecast_emscripten_toolchain "${root}/cmake/Modules/Platform/Emscripten.cmake")
    set(EMSCRIPTEN_ROOT "${root}" CACHE PATH "Folder holding emcc" FORCE)
    break()
  endif()
endforeach()

if(NOT _likecast_emscripten_toolchain)
  message(FATAL_ERROR "Emscripten not found (looked in: ${_likecast_candidates}). "
                      "Install Debian's emscripten package, or source emsdk_env.sh so that EMSDK is set, "
                      "or pass -DEMSCRIPTEN_ROOT=/path/to/emscripten.")
endif()

# Debian's emcc looks for the acorn module through NODE_PATH.
if(EXISTS "/usr/share/nodejs/acorn" AND NOT DEFINED ENV{NODE_PATH})
  set(ENV{NODE_PATH} "/usr/share/nodejs")
endif()

include("${_likecast_emscripten_toolchain}")
