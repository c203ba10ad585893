#!/usr/bin/env bash
# Reconstruction benchmark: TXM Suite (Java) and scikit-image (Debian python3-skimage) on the same
# analytic Shepp-Logan sinograms, in one run. Usage: scripts/bench-recon.sh [--quick]  (--quick: no volume)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=target/bench-recon
mkdir -p "$out"
mvn -B -q -o -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
/usr/bin/python3 -c "import skimage" 2>/dev/null || { echo "needs python3-skimage: apt-get install -y python3-skimage" >&2; exit 3; }
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
echo "before: $(uptime)"
# peak memory of the whole JVM (resident set) beside the heap peaks the benchmark prints
/usr/bin/time -v -o "$out/time.txt" java -Xmx4g -cp "$cp" org.txmsuite.recon.bench.ReconBench "$out" ${1:+skipVolume}
grep -E "Maximum resident|Elapsed" "$out/time.txt"
echo
echo "== SART with one projection split over 2 threads (3 spin barriers per projection) =="
java -cp "$cp" org.txmsuite.recon.bench.SartSplitStudy 512 180 2
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench-recon-skimage.py "$out"
echo "after: $(uptime)"
