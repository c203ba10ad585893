package org.txmsuite.segment;

/** Settings of {@link SampleSegmenter}. */
public final class SampleOptions {
	/** Lower grey level of the sample; NaN = automatic (Otsu, then the midpoint of the class medians). */
	public double threshold = Double.NaN;
	/** Upper grey level: brighter voxels (gasket, Au beads) are excluded; NaN = none. */
	public double maxThreshold = Double.NaN;
	/** Measure every component separately (labels 2, 3, ...) instead of the largest only. */
	public boolean allComponents = false;
	/** Gaussian smoothing before segmentation, sigma in voxels along the finest axis (0 = none). */
	public double smoothVoxels = 0.7;
	/** Partial-volume band on each side of the boundary (voxels). */
	public int bandVoxels = 3;
	/** Smallest component kept, in voxels. */
	public int minObjectVoxels = 20;
	/** Voxel size in nm overriding the volume's (NaN or 0 = use the volume's). */
	public double voxelSizeNm = Double.NaN;
	/**
	 * Projection angles (degrees) the volume was reconstructed from, for the missing-wedge term of the
	 * uncertainty; null = the volume's own record ({@link org.txmsuite.core.Volume#thetaDeg()}); no angles at
	 * all = no wedge term.
	 */
	public double[] thetaDeg;
}
