#!/usr/bin/env bash
# Proves a libca client (pyepics) can caget/caput/monitor the TXM Suite simulator's motors and read a
# camera frame, all on loopback. Exit 0: passed; 77: pyepics not installed (skip); other: failed.
#   scripts/check-ca-pyepics.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! /usr/bin/python3 -c 'import epics' 2>/dev/null; then
	echo "check-ca-pyepics: pyepics not installed (apt-get install python3-pyepics); skipped" >&2
	exit 77
fi
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
prefix="PYCHK:"
log=$(mktemp)
"$root/scripts/txm" run "Start Instrument Simulator" "prefix=\"$prefix\",port=$port,detector_px=64,speed=20,run_seconds=120" >"$log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null || true; wait $sim 2>/dev/null || true; rm -f "$log"' EXIT
# Loopback only, no automatic address list, no repeater beacons needed
export EPICS_CA_ADDR_LIST=127.0.0.1 EPICS_CA_AUTO_ADDR_LIST=NO EPICS_CA_SERVER_PORT=$port EPICS_CA_MAX_ARRAY_BYTES=20000000
/usr/bin/python3 - "$prefix" <<'PY'
import os, socket, sys, time
p = sys.argv[1]
deadline = time.time() + 120
while True:  # wait until the simulator listens (the launcher may build the project first)
    try:
        socket.create_connection(("127.0.0.1", int(os.environ["EPICS_CA_SERVER_PORT"])), 1).close()
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("simulator did not come up")
        time.sleep(0.5)
import epics
velo = epics.caget(p + "X.VELO")
assert abs(velo - 500) < 1e-9, velo
assert epics.caget(p + "X.EGU") == "um"
seen = []
mon = epics.PV(p + "X.RBV", auto_monitor=True, callback=lambda value=None, **kw: seen.append(value))
mon.wait_for_connection(5)
t0 = time.time()
assert epics.caput(p + "X.VAL", 100.0, wait=True, timeout=30) == 1
dt = time.time() - t0
assert epics.caget(p + "X.DMOV") == 1
rbv = epics.caget(p + "X.RBV")
assert abs(rbv - 100) < 0.01, rbv
time.sleep(0.3)
assert len(seen) >= 2 and abs(seen[-1] - 100) < 0.01, seen
epics.caput(p + "cam1:AcquireTime", 0.2, wait=True)
n0 = epics.caget(p + "cam1:ArrayCounter_RBV")
assert epics.caput(p + "cam1:Acquire", 1, wait=True, timeout=30) == 1
assert epics.caget(p + "cam1:ArrayCounter_RBV") == n0 + 1
w, h = epics.caget(p + "image1:ArraySize0_RBV"), epics.caget(p + "image1:ArraySize1_RBV")
img = epics.caget(p + "image1:ArrayData", count=w * h)
full = epics.caget(p + "image1:ArrayData")  # count 0: "whatever the server has"
assert len(img) == w * h == 64 * 64 and len(full) >= w * h, (len(img), w, h)
counts = [int(v) & 0xFFFF for v in img]
assert 1000 < max(counts) < 10000, max(counts)
print("pyepics OK: caget/caput(wait) %.3f s move, %d monitor updates, frame %dx%d max %d counts" % (dt, len(seen), w, h, max(counts)))
PY
