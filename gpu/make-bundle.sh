#!/usr/bin/env bash
# Builds the GPU check bundle, target/gpu-bundle/gpu-bundle.tar.xz, for a GPU node with no Java, no Maven and
# no network, and prints its size beside the work tree's (what the device tool carries: 64 MiB in all).
# gpu/check.sh unpacks and uses it there. Contents:
#   jre/               a jlinked runtime with the modules the jar needs (jdeps), with JNI headers (for the JNI build)
#   ssgan-repro.jar    built with -Pcuda: no libtorch inside; entries stored, so that xz compresses the classes
#   djl-native/        DJL's pytorch-native sources and the generated JNI header (gpu/fetch-djl-native.sh)
#   MANIFEST.txt       what was built from what
# Needs a JDK 17 (jlink, jdeps, javac), Maven, zip, xz; DJL's sources from DJL_GIT=<clone> or the internet.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
dest="$root/target/gpu-bundle"
stage="$dest/stage"
rm -rf "$dest"; mkdir -p "$stage"

# ---- the jar without the CPU native library (-Pcuda); the CPU jar that ./ssgan uses is put back afterwards
jar="$root/target/ssgan-repro.jar"
[ -f "$jar" ] && mv "$jar" "$dest/cpu.jar.saved"
(cd "$root" && { nice -n 10 mvn -q -B -o -Pcuda -DskipTests package || nice -n 10 mvn -q -B -Pcuda -DskipTests package; })
mv "$jar" "$stage/ssgan-repro.jar"
rm -f "$root/target/original-ssgan-repro.jar"
[ -f "$dest/cpu.jar.saved" ] && mv "$dest/cpu.jar.saved" "$jar"
if unzip -l "$stage/ssgan-repro.jar" | grep -qE 'pytorch/(cpu|cu[0-9]+)/.*libtorch'; then
  echo "make-bundle: the -Pcuda jar contains a libtorch; expected none" >&2; exit 1
fi
# Natives for other platforms are dead weight on a linux-x86_64 node (DJL's prebuilt JNIs stay for x86_64:
# cpu for the CPU proof here, cu128 for a CUDA libtorch 2.7.1).
zip -q -d "$stage/ssgan-repro.jar" 'jnilib/linux-aarch64/*' 'jnilib/osx-*' 'jnilib/win-*' \
  'com/sun/jna/win32-*' 'com/sun/jna/sunos-*' 'com/sun/jna/*bsd-*' 'com/sun/jna/darwin-*' 'com/sun/jna/aix-*' \
  'com/sun/jna/linux-[!x]*' 'com/sun/jna/linux-x86/*' 'org/jline/nativ/FreeBSD/*' 'org/jline/nativ/Windows/*' \
  'org/jline/nativ/Mac/*' 'org/jline/nativ/Linux/[!x]*' 'org/jline/nativ/Linux/x86/*' >/dev/null
unpacked="$dest/jar-unpacked"
mkdir -p "$unpacked" && (cd "$unpacked" && unzip -q "$stage/ssgan-repro.jar" && rm "$stage/ssgan-repro.jar" \
  && zip -q -0 -r -X "$stage/ssgan-repro.jar" META-INF/MANIFEST.MF . ) && rm -rf "$unpacked"

# ---- the runtime: the modules jdeps finds, plus jdk.unsupported (sun.misc.Unsafe, reached by reflection)
modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$stage/ssgan-repro.jar" | tail -1)"
modules="$modules,jdk.unsupported"
strip_native=()
command -v objcopy >/dev/null && strip_native=(--strip-native-debug-symbols "objcopy=$(command -v objcopy)")
# --compress=0: xz packs the plain class files of the whole image far better than jlink's per-resource zip.
nice -n 10 jlink --add-modules "$modules" --strip-debug --no-man-pages --compress=0 "${strip_native[@]}" \
  --output "$stage/jre"
command -v strip >/dev/null && find "$stage/jre" -name '*.so' -exec strip --strip-unneeded {} +

# ---- DJL's native sources and header
"$here/fetch-djl-native.sh" "$stage/djl-native"

{
  echo "ssgan-repro GPU check bundle, built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$root" rev-parse HEAD)$(git -C "$root" diff --quiet HEAD || echo ' (with uncommitted changes)')"
  echo "jar: mvn -Pcuda, $(du -k "$stage/ssgan-repro.jar" | cut -f1) KiB stored"
  echo "jre: $("$stage/jre/bin/java" -version 2>&1 | head -1), modules $modules"
  sed 's/^/djl-native: /' "$stage/djl-native/SOURCE.txt"
} > "$stage/MANIFEST.txt"
tar -C "$stage" -cf - . | nice -n 10 xz -9 -T1 > "$dest/gpu-bundle.tar.xz"
rm -rf "$stage"

bundle=$(stat -c %s "$dest/gpu-bundle.tar.xz")
tree=$(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 stat -c %s 2>/dev/null \
  | awk '{s += $1} END {print s}')
mib() { awk -v b="$1" 'BEGIN {printf "%.1f MiB", b / 1048576}'; }
echo "make-bundle: $dest/gpu-bundle.tar.xz $(mib "$bundle"); work tree $(mib "$tree"); together $(mib $((bundle + tree))) of 64 MiB"
[ $((bundle + tree)) -lt $((64 * 1048576)) ] || { echo "make-bundle: over 64 MiB" >&2; exit 1; }
