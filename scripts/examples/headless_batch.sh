#!/usr/bin/env bash
# TXM Suite example: a headless batch run, one command after another, as on a beamline computer.
# Simulates a two-post DAC scan, normalizes it, aligns it, reconstructs it and measures the Pt shell.
# Usage: scripts/examples/headless_batch.sh [WORK_DIR]   (TXM may name another launcher)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
txm=${TXM:-$here/../txm}
work=${1:-$(mktemp -d)}
mkdir -p "$work"
$txm run "Simulate DAC Scan" 'shape="cube",size_um=1.2,shell_um=0.2,pixel_nm=40,width=64,height=64,cell="two-post",step_deg=3,jitter_px=1.5,seed=4' --out "$work/1"
$txm run "Normalize by References" "input=\"$work/1/scan.tif\",interpolation=\"linear\"" --out "$work/2"
$txm run "Align Projections" "input=\"$work/2/normalized.tif\",method=\"tomographic-consistency\"" --out "$work/3"
$txm run "Reconstruct Tomogram" "input=\"$work/3/aligned.tif\",algorithm=\"SART\",iterations=8,nonnegative=true" --out "$work/4"
$txm run "Measure Pt Shell Volume" "input=\"$work/4/volume.tif\"" --out "$work/5"
echo "TXM example OK: $(sed -n 2p "$work/5/volumes.csv" | cut -d, -f3) um^3 inside the shell (true $(cat "$work/1/true_volume_um3.txt"))"
