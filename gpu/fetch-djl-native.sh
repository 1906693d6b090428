#!/usr/bin/env bash
# Puts the C++ sources of DJL's PyTorch JNI (engines/pytorch/pytorch-native of the DJL version pinned in pom.xml)
# and the JNI header generated from DJL's PyTorchLibrary.java into OUT_DIR, laid out as in DJL's repository, so
# that gpu/build-djl-jni.sh can build libdjl_torch.so from them with no network and no Java compiler.
#
#   gpu/fetch-djl-native.sh OUT_DIR
#
# Source of the files, in this order:
#   DJL_GIT=<a clone of github.com/deepjavalibrary/djl>   `git archive` of the tag v<djl.version> (offline);
#   otherwise the tag's source archive is downloaded from GitHub (needs the internet and curl).
# The header needs `javac` (any JDK >= 11). The files are Apache-2.0 (DJL's LICENSE and NOTICE are copied along).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: gpu/fetch-djl-native.sh OUT_DIR}"
djl_version="$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$here/../pom.xml")"
tag="v$djl_version"
native=engines/pytorch/pytorch-native
paths=(LICENSE NOTICE api/src/main/native "$native/CMakeLists.txt" "$native/src/main/native"
       engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -n "${DJL_GIT:-}" ]; then
  commit="$(git -C "$DJL_GIT" rev-parse "$tag^{commit}")"
  git -C "$DJL_GIT" archive --format=tar "$tag" "${paths[@]}" | tar -x -C "$tmp"
  origin="git archive of $tag ($commit) from $DJL_GIT"
else
  url="https://github.com/deepjavalibrary/djl/archive/refs/tags/$tag.tar.gz"
  command -v curl >/dev/null || { echo "fetch-djl-native: need curl (or DJL_GIT=<clone of djl>)" >&2; exit 1; }
  curl -fsSL "$url" | tar -xz -C "$tmp" --strip-components=1 "${paths[@]/#/djl-$djl_version/}"
  origin="$url"
fi

# The header DJL's build.sh makes with `javac -h`: one declaration per native method of PyTorchLibrary.
command -v javac >/dev/null || { echo "fetch-djl-native: need javac to generate the JNI header" >&2; exit 1; }
javac -h "$tmp/$native/build/include" -d "$tmp/classes" \
  "$tmp/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
rm -rf "$tmp/classes" "$tmp/engines/pytorch/pytorch-engine"

rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$tmp" "$out"
trap - EXIT
chmod 755 "$out"
printf 'DJL %s pytorch-native sources\nfrom: %s\nheader: javac -h (%s)\n' \
  "$djl_version" "$origin" "$(javac -version 2>&1)" > "$out/SOURCE.txt"
echo "fetch-djl-native: $out ($(du -sh "$out" | cut -f1)) from $origin"
