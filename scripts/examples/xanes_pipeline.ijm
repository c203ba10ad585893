// TXM Suite example: the XANES demo pipeline - a 2D XANES scan of a Ni cathode particle is generated
// as a scan macro, acquired from the instrument simulator over Channel Access, normalized, aligned,
// mapped (edge50, whiteline, reference fractions, clusters) and compared with the truth.
// Argument: a working folder (default: the temp folder). Small size here; the demo uses 96 px.
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
run("XANES Series Demo", "output_folder=[" + dir + "/xanes] size=32 energies=[8250:8320:14,8326:8360:2,8370:8550:30] minority=0.03 scale=linear");
recall = getResult("minority_recall", 0);
rms = getResult("rms_Ni3", 0);
print("TXM example OK: Ni3+ fraction RMS error " + d2s(rms, 3) + ", minority recall " + d2s(recall, 2) + "; report in " + dir + "/xanes/xanes_report.md");
