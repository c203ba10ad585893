#!/usr/bin/env bash
# Compares TXM Suite's "XANES Normalize" with Larch 0.9.58 pre_edge (Debian python3-xraylarch) on real spectra.
#   scripts/check-larch.sh [FILE...]        default: the spectra in test-images/xanes
#   scripts/check-larch.sh --golden DIR     also writes Larch's results as larch0958_<name>.csv into DIR
# Tolerances (issue 9): e0 within 0.1 eV, edge_step within 0.5 %, normalized curve within 1e-3.
# Installs Larch with apt-get when it is missing and we are root; otherwise prints SKIP and exits 0.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
py=/usr/bin/python3
golden=""
if [ "${1:-}" = "--golden" ]; then golden=$2; shift 2; fi
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/test-images/xanes/ni_metal_rt.xdi "$root"/test-images/xanes/mn_cpmnco3.dat \
	"$root"/test-images/xanes/pyxas_ref_NiO.txt "$root"/test-images/xanes/pyxas_ref_LiNiO2.txt)
if ! $py -c "import larch.xafs" 2>/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "check-larch: installing python3-xraylarch..." >&2
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-xraylarch) >/dev/null 2>&1 || true
	fi
	if ! $py -c "import larch.xafs" 2>/dev/null; then echo "SKIP: Larch (python3-xraylarch) is not available"; exit 0; fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for f in "${files[@]}"; do
	name=$(basename "$f"); name=${name%.*}
	out="$work/$name"
	if ! "$root"/scripts/txm run "XANES Normalize" "spectra=\"$f\"" --out "$out" >/dev/null 2>"$work/log"; then
		echo "FAIL $name: TXM Suite failed:"; cat "$work/log"; fail=1; continue
	fi
	$py - "$f" "$out" "${golden:+$golden/larch0958_$name.csv}" <<'PY' || fail=1
import sys, csv, numpy as np
from larch import Group
from larch.xafs import pre_edge
path, out, golden = sys.argv[1], sys.argv[2], sys.argv[3]
rows, names = [], None
for line in open(path, encoding='latin-1'):
    s = line.strip()
    if not s: continue
    if s.startswith('#'):
        if s.lower().startswith('# column.'): pass
        continue
    try: rows.append([float(v) for v in s.replace(',', ' ').split()])
    except ValueError: continue
a = np.array(rows)
energy = a[:, 0] * (1000.0 if a[:, 0].max() < 100 else 1.0)
mu = a[:, 1]
g = Group(energy=energy, mu=mu)
pre_edge(g)
res = list(csv.DictReader(open(out + '/results.csv')))[0]
norm = np.array([float(r[list(r)[1]]) for r in csv.DictReader(open(out + '/normalized.csv'))])
de0 = abs(float(res['e0']) - g.e0)
dstep = abs(float(res['edge_step']) - g.edge_step) / g.edge_step
dnorm = np.max(np.abs(norm - g.norm))
ok = de0 <= 0.1 and dstep <= 0.005 and dnorm <= 1e-3
print("%-4s %-22s Larch e0 %.2f step %.5f | TXM e0 %s step %s | |de0| %.3g eV, step %.3g %%, max|dnorm| %.2g"
      % ("OK" if ok else "FAIL", path.split('/')[-1], g.e0, g.edge_step, res['e0'], res['edge_step'], de0, 100 * dstep, dnorm))
if golden:
    with open(golden, 'w') as fh:
        fh.write("# larch 0.9.58 pre_edge defaults on %s; e0=%r edge_step=%r pre1=%r pre2=%r norm1=%r norm2=%r nnorm=%r\n"
                 % (path.split('/')[-1], g.e0, g.edge_step, g.pre_edge_details.pre1, g.pre_edge_details.pre2,
                    g.pre_edge_details.norm1, g.pre_edge_details.norm2, g.pre_edge_details.nnorm))
        fh.write("energy,norm\n")
        for e, n in zip(energy, g.norm): fh.write("%r,%r\n" % (e, n))
sys.exit(0 if ok else 1)
PY
done
[ $fail = 0 ] && echo "check-larch: all spectra agree with Larch 0.9.58" || { echo "check-larch: disagreement" >&2; exit 1; }
