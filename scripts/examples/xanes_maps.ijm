// TXM Suite example: simulate a 2D Ni K-edge XANES scan of a cathode particle, normalize it,
// map the edge position and cluster the spectra to find the minority phase.
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
setBatchMode(true);
close("*");
run("Simulate XANES Particle", "size=48 energies=[8250:8320:10,8322:8370:1,8380:8550:15] edge_step=1 snr=100 minority=0.03 pixel_nm=30 seed=5");
selectImage("xanes");
saveAs("Tiff", dir + "/xanes.tif");
run("XANES Normalize", "input=[xanes.tif]");
run("XANES Edge and Whiteline Maps", "input=[xanes.tif]");
selectImage("edge50_map");
getStatistics(area, mean, min, max);
run("XANES Cluster Analysis", "input=[xanes.tif] clusters=3");
print("TXM example OK: mean edge50 " + d2s(mean, 2) + " eV");
