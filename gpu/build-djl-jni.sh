#!/usr/bin/env bash
# Builds DJL's PyTorch JNI (libdjl_torch.so) against a local libtorch and installs it where DJL looks for it,
# so that `./ssgan` runs on that libtorch with no download (for offline GPU nodes whose only PyTorch is the
# site's). Needs a C++17 compiler; uses DJL's own CMakeLists.txt when cmake finds the Torch package, and
# otherwise (no cmake, or a CUDA torch whose CMake config fails for want of a CUDA toolkit) compiles with g++
# directly, with the flags TorchConfig.cmake would give.
#
#   gpu/build-djl-jni.sh [--src DIR] [--torch PREFIX | --python PY] [--lib DIR --include DIR [--cmake-dir DIR]]
#                        [--ssgan-cache DIR] [--out DIR] [--jobs N] [--cuda-headers]
#
#   --src      DJL's native sources with the generated header (gpu/fetch-djl-native.sh; default target/djl-native)
#   --torch    a libtorch prefix: PREFIX/lib, PREFIX/include, PREFIX/share/cmake/Torch (a libtorch zip, or the
#              directory of a pip install: python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')
#   --python   take the prefix from that Python's torch (default when neither --torch, --lib nor
#              PYTORCH_LIBRARY_PATH is given: python3)
#   --lib/--include/--cmake-dir   split layouts such as Debian's libtorch-dev (/usr/lib/x86_64-linux-gnu,
#              /usr/include, /usr/lib/x86_64-linux-gnu/cmake/Torch); PYTORCH_LIBRARY_PATH=DIR means --torch DIR/..
#   --ssgan-cache  the cache ./ssgan uses (default $SSGAN_CACHE, else ~/.cache/ssgan-repro); the JNI goes into
#              DJL's engine cache inside it (DIR/djl, what ./ssgan passes as ENGINE_CACHE_DIR)
#   --out      build directory (default target/djl-jni)
#   --cuda-headers  compile DJL's USE_CUDA parts (CUDA cache release, inference streams); needs the CUDA
#              toolkit headers. Not needed for training on a GPU: DJL loads libtorch_cuda itself.
#
# Prints, and writes to OUT/djl-torch.env, the variables under which ./ssgan then uses this libtorch:
# SSGAN_CACHE, PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR (DJL looks for the JNI in
# $SSGAN_CACHE/djl/pytorch/<version>-<flavor>-linux-x86_64/<djl version>-libdjl_torch.so).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
src="$root/target/djl-native" out="$root/target/djl-jni" ssgan_cache="${SSGAN_CACHE:-$HOME/.cache/ssgan-repro}"
prefix="" python="" lib="" inc="" cmake_dir="" jobs="$(nproc 2>/dev/null || echo 2)" cuda_headers=0
while [ $# -gt 0 ]; do
  case "$1" in
    --src) src="$2"; shift 2 ;;
    --torch) prefix="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --lib) lib="$2"; shift 2 ;;
    --include) inc="$2"; shift 2 ;;
    --cmake-dir) cmake_dir="$2"; shift 2 ;;
    --ssgan-cache) ssgan_cache="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --cuda-headers) cuda_headers=1; shift ;;
    *) echo "build-djl-jni: unknown argument '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
die() { echo "build-djl-jni: $*" >&2; exit 1; }
log() { echo "build-djl-jni: $*" >&2; }

# ---- where the libtorch is
if [ -z "$prefix$lib" ]; then
  if [ -n "${PYTORCH_LIBRARY_PATH:-}" ] && [ -z "$python" ]; then
    prefix="$(cd "$PYTORCH_LIBRARY_PATH/.." && pwd)"
  else
    py="${python:-python3}"
    command -v "$py" >/dev/null || die "no libtorch given and no $py; pass --torch, --lib/--include or PYTORCH_LIBRARY_PATH"
    prefix="$("$py" -c 'import os, torch; print(os.path.dirname(torch.__file__))')" \
      || die "$py cannot import torch; pass --torch PREFIX"
  fi
fi
[ -n "$prefix" ] && { lib="${lib:-$prefix/lib}"; inc="${inc:-$prefix/include}"; cmake_dir="${cmake_dir:-$prefix/share/cmake/Torch}"; }
[ -f "$lib/libtorch.so" ] || die "no libtorch.so in $lib"
[ -f "$inc/torch/csrc/api/include/torch/torch.h" ] || die "no torch headers in $inc (expected torch/csrc/api/include/torch/torch.h)"
native="$src/engines/pytorch/pytorch-native"
[ -f "$native/CMakeLists.txt" ] && [ -f "$native/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h" ] \
  || die "no DJL native sources with the generated header in $src (make them with gpu/fetch-djl-native.sh)"
djl_version="$(sed -n 's/^DJL \([^ ]*\) .*/\1/p' "$src/SOURCE.txt")"

# ---- what it is: version, CUDA or not, C++ ABI
vh="$inc/torch/csrc/api/include/torch/version.h"
torch_version="$(awk '/define TORCH_VERSION_(MAJOR|MINOR|PATCH)/ {v = v (v == "" ? "" : ".") $3} END {print v}' "$vh")"
[[ "$torch_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "cannot read the torch version from $vh"
cuda=""
if ls "$lib"/libtorch_cuda*.so >/dev/null 2>&1; then
  # e.g. 13.0 -> cu130; from the pip install's version.py or a libtorch zip's build-version (2.7.1+cu128)
  # (version.py: "cuda: Optional[str] = '13.0'")
  cuda="$(sed -n "s/^cuda[^=]*= *'\([0-9]*\)\.\([0-9]\).*/cu\1\2/p" "$(dirname "$lib")/version.py" 2>/dev/null || true)"
  [ -n "$cuda" ] || cuda="$(sed -n 's/.*+\(cu[0-9]*\).*/\1/p' "$(dirname "$lib")/build-version" 2>/dev/null || true)"
  cuda="${cuda:-cuda}"
fi
flavor="${cuda:-cpu}-local"   # "-local" keeps it apart from DJL's own downloads; DJL only checks for "cu"
abi="$(sed -n 's/.*_GLIBCXX_USE_CXX11_ABI=\([01]\).*/\1/p' "$cmake_dir/TorchConfig.cmake" 2>/dev/null | head -1 || true)"
if [ -z "$abi" ] && command -v nm >/dev/null; then
  # grep -c, not -q: an early exit of grep would fail the pipeline under pipefail
  abi=0; [ "$(nm -D "$lib/libc10.so" | grep -c '__cxx11')" -gt 0 ] && abi=1
fi
abi="${abi:-1}"
pt_version=""
case "$torch_version" in 1.13.*|2.0.*|2.1.*) pt_version=V1_13_X ;; esac  # as DJL's build.sh
use_cuda=""
[ "$cuda_headers" = 1 ] && use_cuda=1
log "libtorch $torch_version (${cuda:-cpu}, C++11 ABI $abi) lib=$lib include=$inc"

# ---- JNI headers: a JDK's, or the bundle runtime's (jlink keeps include/ unless --no-header-files)
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] && command -v java >/dev/null; then
  java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
[ -f "$java_home/include/jni.h" ] || die "no jni.h under JAVA_HOME=$java_home/include (set JAVA_HOME to a JDK or the bundle's runtime)"

mkdir -p "$out"
so=""
# ---- 1: DJL's CMakeLists.txt (as DJL's build.sh does it)
if command -v cmake >/dev/null && [ -f "$cmake_dir/TorchConfig.cmake" ]; then
  log "building with cmake (log: $out/cmake.log)"
  mkdir -p "$out/cmake"   # kept between calls: a rerun only rebuilds what changed (-D options override the cache)
  if (cd "$out/cmake" && cmake -DCMAKE_BUILD_TYPE=Release -DTorch_DIR="$cmake_dir" -DJAVA_HOME="$java_home" \
        -DJAVA_INCLUDE_PATH="$java_home/include" -DJAVA_INCLUDE_PATH2="$java_home/include/linux" \
        -DJAVA_JVM_LIBRARY="$java_home/lib/server/libjvm.so" \
        -DPT_VERSION="$pt_version" -DUSE_CUDA="$use_cuda" "$native" \
      && make -j "$jobs") > "$out/cmake.log" 2>&1; then
    so="$out/cmake/libdjl_torch.so"
  else
    log "cmake build failed (last lines below); falling back to g++"; tail -n 15 "$out/cmake.log" >&2
  fi
else
  log "no cmake or no $cmake_dir/TorchConfig.cmake: building with g++ directly"
fi
# ---- 2: the same compile with g++ directly (what TorchConfig.cmake would give: include dirs, ABI, C++17)
if [ -z "$so" ]; then
  cxx="${CXX:-g++}"
  command -v "$cxx" >/dev/null || die "neither a working cmake build nor a C++ compiler ($cxx); install g++ or set CXX"
  rm -rf "$out/obj"; mkdir -p "$out/obj"
  # the C++ standard torch builds its extensions with (C++17 up to 2.7 at least; later ones may move to C++20)
  std=c++17
  grep -qs -- '-std=c++20' "$(dirname "$lib")/utils/cpp_extension.py" && std=c++20
  flags=(-std="$std" -O2 -fPIC -DNDEBUG -D_GLIBCXX_USE_CXX11_ABI="$abi" ${pt_version:+-D$pt_version} ${use_cuda:+-DUSE_CUDA}
         -I"$native/build/include" -I"$src/api/src/main/native" -I"$java_home/include" -I"$java_home/include/linux")
  # the compiler's own directories must not be named again (-isystem /usr/include breaks #include_next)
  case "$inc" in /usr/include|/usr/local/include) ;; *) flags+=(-isystem "$inc") ;; esac
  flags+=(-isystem "$inc/torch/csrc/api/include")
  log "building with $cxx -std=$std, $jobs jobs (log: $out/gxx.log)"
  if ! (ls "$native"/src/main/native/*.cc | xargs -P "$jobs" -I{} sh -c \
          'f="$1"; shift; exec "$@" -c "$f" -o "'"$out"'/obj/$(basename "$f" .cc).o"' _ {} "$cxx" "${flags[@]}" \
        && "$cxx" -shared -o "$out/obj/libdjl_torch.so" "$out"/obj/*.o -L"$lib" -Wl,-rpath,"$lib" \
             -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 \
             ${use_cuda:+-ltorch_cuda -lc10_cuda}) > "$out/gxx.log" 2>&1; then
    grep -m 20 -E 'error|Error' "$out/gxx.log" >&2 || tail -n 20 "$out/gxx.log" >&2
    die "g++ build failed against libtorch $torch_version (full log: $out/gxx.log)"
  fi
  so="$out/obj/libdjl_torch.so"
fi

# ---- the directory DJL loads every library of (PYTORCH_LIBRARY_PATH): the torch libs only
libdir="$lib"
if [ "$(ls "$lib" | grep -c '\.so')" -gt 60 ]; then
  # a system directory (Debian): DJL would System.load every library in it, so link just torch's
  libdir="$out/libtorch-lib"; rm -rf "$libdir"; mkdir -p "$libdir"
  for f in "$lib"/libtorch.so "$lib"/libtorch_cpu.so "$lib"/libc10.so "$lib"/libtorch_cuda*.so "$lib"/libc10_cuda.so; do
    [ -e "$f" ] && ln -s "$f" "$libdir/"
  done
fi
# DJL picks its default device with CudaUtils, which dlopens "libcudart.so" through JNA; pip's CUDA runtime has
# only versioned names (nvidia/*/lib/libcudart.so.13), so without this link DJL would see no GPU and train on
# the CPU. The link goes on LD_LIBRARY_PATH in the env file.
cudart_dir=""
if [ -n "$cuda" ]; then
  cudart="$(find "$lib" "$(dirname "$lib")/../nvidia" /usr/local/cuda/lib64 -maxdepth 4 -name 'libcudart*.so*' \
    2>/dev/null | sort | head -1)"
  if [ -n "$cudart" ]; then
    cudart_dir="$out/cudart"; rm -rf "$cudart_dir"; mkdir -p "$cudart_dir"
    ln -s "$(readlink -f "$cudart")" "$cudart_dir/libcudart.so"
  else
    log "WARNING: no libcudart found near $lib: DJL may not see the GPU"
  fi
fi
mkdir -p "$ssgan_cache"; ssgan_cache="$(cd "$ssgan_cache" && pwd)"
jni_dir="$ssgan_cache/djl/pytorch/$torch_version-$flavor-linux-x86_64"
mkdir -p "$jni_dir"
cp "$so" "$jni_dir/$djl_version-libdjl_torch.so"
cat > "$out/djl-torch.env" <<EOF
export SSGAN_CACHE='$ssgan_cache'
export PYTORCH_LIBRARY_PATH='$libdir'
export PYTORCH_VERSION='$torch_version'
export PYTORCH_FLAVOR='$flavor'
EOF
[ -n "$cudart_dir" ] && echo "export LD_LIBRARY_PATH='$cudart_dir'\"\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}\"" >> "$out/djl-torch.env"
log "installed $jni_dir/$djl_version-libdjl_torch.so"
log "run ./ssgan with these variables (or: . $out/djl-torch.env):"
cat "$out/djl-torch.env" >&2
