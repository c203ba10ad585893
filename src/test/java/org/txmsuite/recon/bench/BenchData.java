package org.txmsuite.recon.bench;

/** Gives benchmarks access to the package-private test phantoms. */
public final class BenchData {
	private BenchData() {}
	public static float[] truth(int n) { return org.txmsuite.recon.TestAccess.truth(n); }
	public static float[] sino(int n, double[] ang) { return org.txmsuite.recon.TestAccess.sino(n, ang); }
	public static double rmse(float[] a, float[] b) { return org.txmsuite.recon.TestAccess.rmse(a, b); }
	public static double ssim(float[] a, float[] b, int n) { return org.txmsuite.recon.TestAccess.ssim(a, b, n); }
}
