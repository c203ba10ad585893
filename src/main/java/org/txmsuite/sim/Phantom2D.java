package org.txmsuite.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.DataState;

/**
 * A 2D phantom of ellipses in normalized coordinates [-1, 1] (the field of view of an N x N slice),
 * with analytic sinograms. Geometry (the suite's convention): slice pixel (i, j) has centre
 * x = i - (N-1)/2, y = j - (N-1)/2 pixels; at angle theta a point projects to detector coordinate
 * u = x cos(theta) + y sin(theta) + center. Values are attenuation per pixel length, so sinograms are
 * absorbances and reconstructions in pixel units return the rasterized values.
 */
public final class Phantom2D {
	private static final class Ellipse {
		final double value, a, b, x0, y0, cphi, sphi;

		Ellipse(double value, double a, double b, double x0, double y0, double phiDeg) {
			this.value = value;
			this.a = a;
			this.b = b;
			this.x0 = x0;
			this.y0 = y0;
			this.cphi = Math.cos(Math.toRadians(phiDeg));
			this.sphi = Math.sin(Math.toRadians(phiDeg));
		}
	}

	private final List<Ellipse> ellipses = new ArrayList<>();

	/** Adds an ellipse: value added inside, semi-axes a, b, centre (x0, y0), rotation phi (deg). */
	public Phantom2D ellipse(double value, double a, double b, double x0, double y0, double phiDeg) {
		ellipses.add(new Ellipse(value, a, b, x0, y0, phiDeg));
		return this;
	}

	/** The modified (higher-contrast) Shepp-Logan head phantom, values 0..1. */
	public static Phantom2D sheppLogan() {
		return new Phantom2D().ellipse(1.0, .69, .92, 0, 0, 0).ellipse(-.8, .6624, .8740, 0, -.0184, 0)
			.ellipse(-.2, .1100, .3100, .22, 0, -18).ellipse(-.2, .1600, .4100, -.22, 0, 18)
			.ellipse(.1, .2100, .2500, 0, .35, 0).ellipse(.1, .0460, .0460, 0, .1, 0)
			.ellipse(.1, .0460, .0460, 0, -.1, 0).ellipse(.1, .0460, .0230, -.08, -.605, 0)
			.ellipse(.1, .0230, .0230, 0, -.606, 0).ellipse(.1, .0230, .0460, .06, -.605, 0);
	}

	/** Line integral (normalized units) at signed distance t from the origin along normal angle theta. */
	public double lineIntegral(double t, double cos, double sin) {
		double sum = 0;
		for (Ellipse e : ellipses) {
			double tt = t - (e.x0 * cos + e.y0 * sin);
			double c = cos * e.cphi + sin * e.sphi, s = sin * e.cphi - cos * e.sphi; // angle theta - phi
			double s2 = e.a * e.a * c * c + e.b * e.b * s * s;
			double d = s2 - tt * tt;
			if (d > 0) sum += e.value * 2 * e.a * e.b * Math.sqrt(d) / s2;
		}
		return sum;
	}

	/** Value at a point (normalized coordinates). */
	public double value(double x, double y) {
		double sum = 0;
		for (Ellipse e : ellipses) {
			double dx = x - e.x0, dy = y - e.y0;
			double u = dx * e.cphi + dy * e.sphi, v = -dx * e.sphi + dy * e.cphi;
			if ((u * u) / (e.a * e.a) + (v * v) / (e.b * e.b) <= 1) sum += e.value;
		}
		return sum;
	}

	/** The phantom on an N x N grid, each pixel the mean of s x s point samples. */
	public float[] rasterize(int n, int s) {
		float[] img = new float[n * n];
		double half = n / 2.0, c = (n - 1) / 2.0;
		IntStream.range(0, n).parallel().forEach(j -> {
			for (int i = 0; i < n; i++) {
				double sum = 0;
				for (int a = 0; a < s; a++)
					for (int b = 0; b < s; b++)
						sum += value((i - c + (a + 0.5) / s - 0.5) / half, (j - c + (b + 0.5) / s - 0.5) / half);
				img[j * n + i] = (float) (sum / (s * s));
			}
		});
		return img;
	}

	/**
	 * Analytic sinogram for an N x N slice: one row of {@code detectorWidth} values per angle, each
	 * detector pixel the mean of {@code s} line integrals across its width (in pixel-length units).
	 */
	public float[][] sinogram(int n, double[] anglesDeg, int detectorWidth, double center, int s) {
		float[][] sino = new float[anglesDeg.length][detectorWidth];
		double half = n / 2.0;
		IntStream.range(0, anglesDeg.length).parallel().forEach(a -> {
			double th = Math.toRadians(anglesDeg[a]), cos = Math.cos(th), sin = Math.sin(th);
			for (int k = 0; k < detectorWidth; k++) {
				double sum = 0;
				for (int m = 0; m < s; m++) sum += lineIntegral((k - center + (m + 0.5) / s - 0.5) / half, cos, sin);
				sino[a][k] = (float) (sum / s * half);
			}
		});
		return sino;
	}

	/** The sinogram as an absorbance projection stack of height 1 (one frame per angle). */
	public FrameStack projections(int n, double[] anglesDeg, int detectorWidth, double center, int s) {
		float[][] sino = sinogram(n, anglesDeg, detectorWidth, center, s);
		FrameStack st = new FrameStack(detectorWidth, 1).state(DataState.ABSORBANCE).source("sim:Phantom2D");
		for (int a = 0; a < anglesDeg.length; a++) st.add(sino[a], new FrameInfo().angleDeg(anglesDeg[a]));
		return st;
	}
}
