package org.txmsuite.recon.bench;

import org.txmsuite.recon.*;

public class Explore {
	public static void main(String[] args) {
		int n = 256;
		int na = Integer.getInteger("na", 135);
		double step = Double.parseDouble(System.getProperty("step", "1"));
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i * step;
		float[] truth = BenchData.truth(n);
		float[] sino = BenchData.sino(n, ang);
		Projector pr = new Projector(n, n, ang, Double.NaN, null);
		for (String spec : args) {
			String[] p = spec.split("/");
			ReconOptions o = new ReconOptions().algorithm(ReconOptions.Algorithm.parse(p[0])).relaxation(Double.parseDouble(p[1]))
				.ordering(ReconOptions.Ordering.parse(p[2])).tvWeight(Double.parseDouble(p[3])).nonnegative(!p[4].equals("neg"))
				.tvSteps(Integer.parseInt(p[5])).tvBlocks(Integer.parseInt(p[6]));
			float[] out = new float[n * n];
			long t0 = System.nanoTime();
			if (o.algorithm() == ReconOptions.Algorithm.FBP) new Fbp(pr, o.filter()).reconstruct(sino, out, 1);
			else {
				SliceSolver s = new SliceSolver(pr, o);
				int its = p.length > 7 ? Integer.parseInt(p[7]) : 5; double[] rec = new double[its];
				s.run(sino, its, rec);
				s.image(out);
			}
			if (System.getProperty("dump") != null) try {
				java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(8 * n * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
				for (float v : out) bb.putFloat(v);
				for (float v : truth) bb.putFloat(v);
				java.nio.file.Files.write(java.nio.file.Paths.get(System.getProperty("dump") + spec.replace('/', '_') + ".raw"), bb.array());
			} catch (java.io.IOException e) { throw new RuntimeException(e); }
			double ms = (System.nanoTime() - t0) / 1e6;
			System.out.printf("%-30s rmse %.4f ssim %.4f  %.1f ms%n", spec, BenchData.rmse(out, truth), BenchData.ssim(out, truth, n), ms);
		}
	}
}
