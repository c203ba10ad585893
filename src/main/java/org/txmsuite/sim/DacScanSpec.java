package org.txmsuite.sim;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * What to simulate for a DAC tomography scan, in the user's terms: core shape and size, Pt shell,
 * detector, angle set (full 180, two-post 135, four-post 152), jitter, photons and drift.
 */
public final class DacScanSpec {
	public DacSample.Shape shape = DacSample.Shape.CUBE;
	public double sizeUm = 3, shellUm = 0.3, pixelNm = 50;
	public int width = 128, height = 128;
	/** {@code full} (180 deg), {@code two-post} (135 deg), {@code four-post} (152 deg in two windows). */
	public String cell = "two-post";
	public double stepDeg = 1;
	public double jitterPx = 0;
	public double photonsPerS = 5000, exposureS = 1, driftPerScan = 0.05;
	public int refsEvery = 10;
	public long seed = 1;

	public static DacSample.Shape parseShape(String s) {
		try {
			return DacSample.Shape.valueOf(s.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new TxmException("shape must be cube, cylinder or sphere, got '" + s + "'");
		}
	}

	/** The angle set of the cell, in degrees. */
	public double[] angles() {
		if (!(stepDeg > 0)) throw new TxmException("angle step must be > 0 degrees, got " + stepDeg);
		switch (cell.toLowerCase(Locale.ROOT)) {
			case "full": return ScanSimulator.angles(0, 180 - stepDeg, (int) Math.round(180 / stepDeg));
			case "two-post": return ScanSimulator.angles(-67.5, 67.5 - stepDeg, (int) Math.round(135 / stepDeg));
			case "four-post": return ScanSimulator.fourPostAngles(152, stepDeg);
			default: throw new TxmException("cell must be full, two-post or four-post, got '" + cell + "'");
		}
	}

	public DacSample sample() {
		if (!(sizeUm > 0) || !(shellUm > 0)) throw new TxmException("size_um and shell_um must be > 0, got " + sizeUm + ", " + shellUm);
		double fov = Math.min(width, height) * pixelNm / 1000;
		if (sizeUm + 2 * shellUm > 0.9 * fov * (shape == DacSample.Shape.CUBE ? 1 / Math.sqrt(2) : 1))
			throw new TxmException(String.format(Locale.ROOT,
				"a %.2f um %s with a %.2f um shell does not fit a %dx%d field of %.0f nm pixels (%.2f um)", sizeUm,
				shape.name().toLowerCase(Locale.ROOT), shellUm, width, height, pixelNm, fov));
		return new DacSample(shape, sizeUm, shellUm);
	}

	public ScanSimulator simulator(DacSample sample) {
		return new ScanSimulator(sample.phantom()).detector(width, height, pixelNm / 1000).jitter(jitterPx, seed)
			.counts(photonsPerS, exposureS, exposureS, 100).drift(driftPerScan, driftPerScan / 2).references(refsEvery, 2);
	}
}
