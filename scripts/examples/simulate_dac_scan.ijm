// TXM Suite example: simulate a raw DAC tomography scan (two-post cell, 135 degrees) of a
// Pt-coated glass cube, then list its frames.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
close("*");
run("Simulate DAC Scan", "shape=cube size_um=1.2 shell_um=0.15 pixel_nm=50 width=64 height=64 cell=two-post step_deg=3 jitter_px=0 photons=5000 drift=0.05 refs_every=10 seed=1");
scan = getTitle();
saveAs("Tiff", dir + "/dac_scan.tif");
run("Frame Table", "input=[" + getTitle() + "]");
flats = 0;
for (i = 0; i < nResults; i++) if (getResultString("kind", i) == "flat") flats++;
print("TXM example OK: " + nSlices + " frames, " + flats + " flats, first angle " + getResult("angle_deg", 3));
