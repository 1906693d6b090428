#!/usr/bin/env bash
# The GPU check, run from the repository root on a GPU node with no Java, Maven or network, beside the bundle
# from gpu/make-bundle.sh:
#
#   gpu/check.sh [--budget-s 540] [--bundle FILE] [--python python3] [--bench-iterations 300] [-- BUILD_ARGS]
#
# BUILD_ARGS replace `--python python3` in the call of gpu/build-djl-jni.sh (e.g. --torch PREFIX, or --lib and
# --include for a rehearsal against another libtorch).
# 1. records the node (nvidia-smi, torch, compilers) and unpacks the bundle (runtime, -Pcuda jar, DJL sources);
# 2. builds DJL's JNI against the Python torch's libtorch (gpu/build-djl-jni.sh: cmake, else g++);
# 3. `ssgan bench` on MNIST; 4. a short MNIST run, its epochs sized to the budget left;
# 5. `ssgan bench` of the CIFAR-10 model (random data of CIFAR's shape when the files are absent).
# Everything goes to $OUT (default target/gpu-check): check.log, one log per step, nvidia-smi.txt,
# gpu-memory.csv (sampled every second), results/. A step that fails is reported and the next still runs;
# the exit status is the number of failed steps.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
budget=540 bundle="$root/target/gpu-bundle/gpu-bundle.tar.xz" python=python3 iterations=300 build_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --budget-s) budget="$2"; shift 2 ;;
    --bundle) bundle="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --bench-iterations) iterations="$2"; shift 2 ;;
    --) shift; build_args=("$@"); break ;;
    *) echo "check: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
start=$(date +%s)
out="${OUT:-$root/target/gpu-check}"
mkdir -p "$out/results"
exec > >(tee -a "$out/check.log") 2>&1
left() { echo $((budget - ($(date +%s) - start))); }
say() { echo "check [$(($(date +%s) - start)) s]: $*"; }
failed=0
# step NAME TIMEOUT_S CMD...: runs CMD with its output in $out/NAME.log, shown and timed here
step() {
  local name="$1" limit="$2"; shift 2
  say "$name (limit ${limit} s): $*"
  local t0=$(date +%s) rc=0
  timeout "$limit" "$@" > "$out/$name.log" 2>&1 || rc=$?
  cat "$out/$name.log"
  say "$name: exit $rc after $(($(date +%s) - t0)) s"
  [ "$rc" = 0 ] || failed=$((failed + 1))
  return "$rc"
}

# ---- 1. the node
say "node $(hostname), $(nproc) cores, budget $budget s"
{ nvidia-smi; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; } > "$out/nvidia-smi.txt" 2>&1 \
  || say "nvidia-smi failed"
cat "$out/nvidia-smi.txt"
"$python" -c 'import torch, os; print("torch", torch.__version__, "cuda", torch.version.cuda, "gpu", torch.cuda.is_available(), "cxx11abi", torch._C._GLIBCXX_USE_CXX11_ABI, os.path.dirname(torch.__file__))' \
  2>&1 | tee "$out/torch.txt"
for tool in cmake make g++ c++ nm objcopy xz; do
  printf '%-8s %s\n' "$tool" "$(command -v "$tool" >/dev/null && "$tool" --version 2>/dev/null | head -1 || echo MISSING)"
done | tee "$out/tools.txt"

work="${TMPDIR:-/tmp}/ssgan-gpu-bundle"
rm -rf "$work"; mkdir -p "$work"
[ -f "$bundle" ] || { say "no bundle at $bundle (build it with gpu/make-bundle.sh)"; exit 1; }
tar -xJf "$bundle" -C "$work" || { say "cannot unpack $bundle"; exit 1; }
cat "$work/MANIFEST.txt"
export JAVA_HOME="$work/jre" SSGAN_JAR="$work/ssgan-repro.jar" SSGAN_CACHE="$work/cache"

# ---- 2. DJL's JNI against this torch
[ ${#build_args[@]} -gt 0 ] || build_args=(--python "$python")
if ! step jni-build $(( $(left) / 2 )) "$root/gpu/build-djl-jni.sh" --src "$work/djl-native" "${build_args[@]}" \
      --ssgan-cache "$SSGAN_CACHE" --out "$work/jni" --jobs "$(nproc)"; then
  cp "$work"/jni/*.log "$out/" 2>/dev/null
  say "no JNI, so nothing else can run"; exit "$failed"
fi
cp "$work"/jni/*.log "$out/" 2>/dev/null
# shellcheck disable=SC1091
. "$work/jni/djl-torch.env"

nvidia-smi --query-gpu=timestamp,memory.used,utilization.gpu --format=csv -l 1 > "$out/gpu-memory.csv" 2>/dev/null &
sampler=$!
trap 'kill "$sampler" 2>/dev/null' EXIT


# ---- 3. MNIST bench
step bench-mnist $(( $(left) / 3 > 150 ? $(left) / 3 : 150 )) "$root/ssgan" bench --iterations "$iterations" --threads 4
ms="$(sed -n 's/^iteration (batch [0-9]*) *median \([0-9.]*\) ms.*/\1/p' "$out/bench-mnist.log")"
if ! grep -q '^engine .* on gpu' "$out/bench-mnist.log"; then
  say "FAILED: bench did not run on the GPU ($(grep '^engine' "$out/bench-mnist.log"))"; failed=$((failed + 1))
fi

# ---- 4. a short MNIST run: 600 iterations an epoch plus about 10 s of evaluation, within what is left less
# 150 s kept for the CIFAR-10 bench
epochs=0
if [ -n "$ms" ]; then
  epochs=$(awk -v ms="$ms" -v t="$(( $(left) - 150 ))" 'BEGIN {e = int(t / (1.5 * (600 * ms / 1000 + 10))); print (e > 20 ? 20 : e)}')
fi
if [ "$epochs" -ge 1 ]; then
  step mnist-run $(( $(left) - 120 )) "$root/ssgan" sweep experiments/quickstart.yaml "epochs=$epochs" seed=1 \
    --results "$out/results" --threads 4
else
  say "mnist-run skipped: not one epoch fits in the $(left) s left at ${ms:-?} ms per iteration"
fi

# ---- 5. CIFAR-10 bench
step bench-cifar10 $(( $(left) > 60 ? $(left) : 60 )) env SSGAN_JAVA_OPTS=-Xmx4g \
  "$root/ssgan" bench --config experiments/cifar10-smoke.yaml --iterations 20 --warmup 5 --threads 4

kill "$sampler" 2>/dev/null
peak="$(awk -F', ' 'NR > 1 {gsub(/ MiB/, "", $2); if ($2 > m) m = $2} END {print m + 0}' "$out/gpu-memory.csv")"
say "peak GPU memory used (nvidia-smi, whole GPU): $peak MiB; MNIST ${ms:-?} ms/iteration; $failed step(s) failed"
exit "$failed"
