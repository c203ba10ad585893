// TXM Suite example: fit a third-order Birch-Murnaghan EOS with effective-variance weights.
// The P-V data (GPa, A^3) are the first rows of the alpha-quartz example of Angel et al. (1997).
// Argument: a working folder (default: the temp folder).
dir = getArgument();
if (dir == "") dir = getDirectory("temp");
data = "P,sigP,V,sigV\n0.0001,0,112.981,0.002\n0.429,0.009,111.725,0.004\n0.794,0.009,110.732,0.003\n1.22,0.009,109.618,0.003\n1.587,0.009,108.734,0.003\n2.011,0.009,107.758,0.003\n2.418,0.009,106.871,0.004\n2.808,0.009,106.073,0.004\n3.232,0.01,105.227,0.004\n3.768,0.01,104.223,0.004\n4.354,0.01,103.17,0.003\n4.741,0.011,102.509,0.004\n5.245,0.011,101.671,0.004\n";
File.saveString(data, dir + "/quartz_pv.csv");
setBatchMode(true);
close("*");
run("Fit Equation of State", "table=[" + dir + "/quartz_pv.csv] model=BM3 weighting=effective-variance");
for (i = 0; i < nResults; i++) if (getResultString("name", i) == "K0") k0 = getResult("value", i);
print("TXM example OK: K0 = " + d2s(k0, 2) + " GPa");
