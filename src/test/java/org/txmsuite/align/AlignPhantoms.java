package org.txmsuite.align;

import org.txmsuite.sim.Box;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.Phantom3D;
import org.txmsuite.sim.ScanSimulator;
import org.txmsuite.sim.Sphere;

/** Test phantoms and error measures for the alignment tests and benchmarks. */
final class AlignPhantoms {
	private AlignPhantoms() {}

	/**
	 * A Pt-coated glass cube in a DAC (sim.DacSample) plus spheres and a box of different attenuations at
	 * different heights, so that registration has structure in x and y. Sized for a detector of
	 * {@code 128 x 64} pixels of 0.05 um (scaled by {@code 128/width} for others): everything stays in the
	 * field of view with 5 px of jitter.
	 */
	static Phantom3D phantom(double scale) {
		Phantom3D p = new DacSample(DacSample.Shape.CUBE, 1.4 * scale, 0.1 * scale).phantom();
		p.add("au bead", new Sphere(1.7 * scale, 0.5 * scale, 0.55 * scale, 0.3 * scale), 0.2);
		p.add("light sphere", new Sphere(-1.5 * scale, -1.1 * scale, -0.5 * scale, 0.4 * scale), 0.05);
		p.add("box", new Box(-0.6 * scale, 1.8 * scale, -0.8 * scale, 0.3 * scale, 0.2 * scale, 0.3 * scale, 10), 0.1);
		p.add("small sphere", new Sphere(0.3 * scale, -2.0 * scale, 0.35 * scale, 0.25 * scale), 0.3);
		return p;
	}

	/**
	 * A simulator over {@link #phantom} for a {@code w x h} detector (pixel size scaled to keep the field of
	 * view), 8 x 8 point samples per pixel. A pixel integrates over its area; s x s point samples make the
	 * value of a pixel crossed by a sharp edge move in steps of 1/s of a pixel, so the sampled edge
	 * position is quantized. The cube's top and bottom faces are horizontal edges at the same height in
	 * every projection, so that quantization is common to all views and shows directly as a vertical
	 * registration error of about (1/s)/sqrt(12): 0.144 px for s = 2 (measured 0.152), 0.036 px for s = 8.
	 */
	static ScanSimulator scan(int w, int h) {
		return scan(w, h, Integer.getInteger("align.supersample", 8));
	}

	/** As {@link #scan(int, int)} with {@code s x s} point samples per detector pixel. */
	static ScanSimulator scan(int w, int h, int s) {
		double pix = 0.05 * 128.0 / w;
		return new ScanSimulator(phantom(h / 64.0 * 128.0 / w >= 1 ? 1 : h * 2.0 / w)).detector(w, h, pix).supersample(s);
	}

	/** RMS of (found - true) after removing the common offset. */
	static double rmsOffset(double[] found, double[] truth) {
		double m = 0;
		for (int i = 0; i < found.length; i++) m += (found[i] - truth[i]) / found.length;
		double s = 0;
		for (int i = 0; i < found.length; i++) s += Math.pow(found[i] - truth[i] - m, 2);
		return Math.sqrt(s / found.length);
	}

	/** RMS of (found - true) after removing the best a + b cos + c sin (the unobservable object translation). */
	static double rmsRigid(double[] found, double[] truth, double[] angles) {
		double[] d = new double[found.length];
		for (int i = 0; i < d.length; i++) d[i] = found[i] - truth[i];
		ProjectionAligner.removeRigid(d, angles);
		double s = 0;
		for (double v : d) s += v * v;
		return Math.sqrt(s / d.length);
	}

	/**
	 * RMS of the b cos + c sin part (after its mean) of the least-squares fit of a + b cos + c sin to the
	 * true x jitter: the object translation hidden in the jitter. No method can see it, so it is the floor
	 * of {@link #rmsOffset} for x (the minimum-norm gauge of the aligner reaches it).
	 */
	static double gaugeFloor(double[] truth, double[] angles) {
		double[] c = truth.clone();
		ProjectionAligner.removeRigid(c, angles);
		for (int i = 0; i < c.length; i++) c[i] = truth[i] - c[i];
		return rmsOffset(c, new double[c.length]);
	}

	static double[] column(double[][] a, int c) {
		double[] o = new double[a.length];
		for (int i = 0; i < a.length; i++) o[i] = a[i][c];
		return o;
	}
}
