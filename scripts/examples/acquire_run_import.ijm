// TXM Suite example: build a small two-post DAC tomography macro, run it on the instrument
// simulator over Channel Access (loopback only), and import the collected .xrm frames.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
close("*");
run("Build Scan Macro", "scan_type=tomography sample_name=demo dac=two-post angle_step=15 energies=11000 exposure_s=1 ref_exposure_s=1 refs_every=5 ref_x_um=200 darks=1 save_to=[" + dir + "]");
run("Run Scan Macro", "macro=[" + dir + "/demo_macro.txt] instrument=simulator output_folder=[" + dir + "/frames] detector_px=48 speed=100");
run("Import TXM Data", "path=[" + dir + "/frames]");
samples = 0;
for (i = 0; i < nResults; i++) if (getResultString("kind", i) == "sample") samples++;
print("TXM example OK: " + nSlices + " frames imported, " + samples + " projections");
