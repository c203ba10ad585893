// TXM Suite example: the whole pipeline. A pressure series of simulated DAC scans (macro -> simulator
// over Channel Access -> import -> normalize -> align -> SART -> Pt shell) fitted to a BM3 EOS.
// Tiny sizes so it runs in about a minute; the defaults make the full demo.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
close("*");
run("Pressure Series to EOS", "data=simulate output_folder=[" + dir + "/series] pressures=[0,3,6,9] size_um=1.2 shell_um=0.2 pixel_nm=40 width=64 height=52 step_deg=4 recon_iterations=8");
for (i = 0; i < nResults; i++) if (getResultString("name", i) == "V0") v0 = getResult("value", i);
print("TXM example OK: V0 = " + d2s(v0, 4) + " um^3 (true " + d2s(1.2 * 1.2 * 1.2, 4) + "), report in " + dir + "/series/report.md");
