// TXM Suite example: simulate a jittery two-post DAC scan, normalize it by time-interpolated
// references, and align the projections by tomographic consistency.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
close("*");
run("Simulate DAC Scan", "shape=sphere size_um=1.0 shell_um=0.12 pixel_nm=50 width=48 height=32 cell=two-post step_deg=3 jitter_px=2 photons=20000 drift=0.05 refs_every=10 seed=3");
rename("scan");
run("Normalize by References", "input=scan interpolation=linear");
rename("absorbance");
run("Align Projections", "input=absorbance method=tomographic-consistency max_loops=10");
dxs = Table.getColumn("dx");
Array.getStatistics(dxs, min, max, mean, std);
print("TXM example OK: " + nResults + " projections aligned, dx spread " + d2s(std, 2) + " px");
