// TXM Suite example: simulate a DAC scan of a Pt-coated glass sphere, normalize it, reconstruct it
// with missing-wedge SART (non-negative) and measure the volume inside the Pt shell.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
close("*");
run("Simulate DAC Scan", "shape=sphere size_um=1.2 shell_um=0.2 pixel_nm=40 width=64 height=56 cell=two-post step_deg=3 jitter_px=0 photons=20000 drift=0.05 refs_every=10 seed=2");
rename("scan");
run("Normalize by References", "input=scan interpolation=linear");
rename("absorbance");
run("Reconstruct Tomogram", "input=absorbance algorithm=SART iterations=8 nonnegative=true");
rename("volume");
run("Measure Pt Shell Volume", "input=volume");
v = getResult("volume_um3", 0);
print("TXM example OK: interior " + d2s(v, 4) + " um^3 (true " + d2s(4 / 3 * PI * 0.6 * 0.6 * 0.6, 4) + ")");
