package org.txmsuite.align;

/** Settings of {@link ProjectionAligner}; defaults suit 1 % noise absorbance projections. */
public final class AlignOptions {
	/** Alignment methods. */
	public enum Method {
		/** Neighbouring projections registered to each other (coarse drift; object translations removed). */
		CROSS_CORRELATION,
		/** Iterative reprojection: reconstruct, reproject, register each projection to its reprojection. */
		TOMOGRAPHIC_CONSISTENCY
	}

	public Method method = Method.TOMOGRAPHIC_CONSISTENCY;
	/** Most loops per resolution level. */
	public int maxLoops = 40;
	/** Stop a level when the RMS shift update of a loop falls below this (full-resolution pixels). */
	public double tolerance = 0.005;
	/** Work on 2x-binned data first (and 4x for frames of 256 pixels and more). */
	public boolean coarseToFine = true;
	/** Rotation centre in pixels; NaN means (W-1)/2. */
	public double center = Double.NaN;
	/** Refine the rotation centre in the loop (it then carries the mean horizontal shift). */
	public boolean refineCenter = false;
	/** Also align vertically. */
	public boolean vertical = true;
	/** Sub-pixel grid factor of the upsampled-DFT registration. */
	public int upsample = 10;
	/** Edge fading of the registration window, fraction of width and height. */
	public double fade = 0.08;
	/** Phase correlation instead of plain cross-correlation. */
	public boolean phaseCorrelation = false;
	/** SART sweeps per loop, and at the start of each level (including the first loop's). */
	public int sweepsPerLoop = 1, startSweeps = 3;
	/**
	 * SART relaxation, in (0, 2). Below 1 the volume after a sweep is less biased to the projections
	 * visited last, which otherwise can split the stack into groups offset against each other.
	 */
	public double relax = 0.5;
	/**
	 * When successive updates point the same way and shrink by a steady ratio (the slow creep of the
	 * constant x shift, i.e. the centre, on limited-angle data), add the rest of the geometric series.
	 */
	public boolean extrapolate = true;
	/** Clamp the reconstruction at zero (absorbance is non-negative). */
	public boolean positivity = true;

	public AlignOptions method(Method m) { method = m; return this; }
	public AlignOptions maxLoops(int v) { maxLoops = v; return this; }
	public AlignOptions tolerance(double v) { tolerance = v; return this; }
	public AlignOptions coarseToFine(boolean v) { coarseToFine = v; return this; }
	public AlignOptions center(double v) { center = v; return this; }
	public AlignOptions refineCenter(boolean v) { refineCenter = v; return this; }
	public AlignOptions vertical(boolean v) { vertical = v; return this; }
	public AlignOptions upsample(int v) { upsample = v; return this; }
	public AlignOptions phaseCorrelation(boolean v) { phaseCorrelation = v; return this; }
	public AlignOptions extrapolate(boolean v) { extrapolate = v; return this; }
}
