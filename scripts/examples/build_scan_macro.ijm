// TXM Suite example: build a four-post DAC tomography macro and check it before beam time.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
run("Build Scan Macro", "scan_type=tomography sample_name=DAC1 dac=four-post angle_step=2 energies=11564 exposure_s=2 ref_exposure_s=1 refs_every=10 ref_x_um=1500 save_to=[" + dir + "]");
run("Check Scan Macro", "macro=[" + dir + "/DAC1_macro.txt]");
print("TXM example OK: " + getResult("collects", 0) + " collects, " + getResult("angles", 0) + " angles, " + getResult("estimated_seconds", 0) + " s");
