package org.txmsuite.segment;

/** Settings of {@link PtShellSegmenter}; defaults suit Pt shells of a few to tens of voxels. */
public final class ShellOptions {
	/** Grey level separating Pt from the rest, in the volume's units; NaN = automatic (Otsu, then the midpoint of the two class medians). */
	public double threshold = Double.NaN;
	/** Gaussian smoothing before segmentation, sigma in voxels along the finest axis (0 = none). */
	public double smoothVoxels = 0.7;
	/** Largest gap-closing radius tried (voxels of the coarsest axis); gaps up to about twice this close. */
	public int maxClosingVoxels = 4;
	/** Partial-volume band on each side of the interior boundary (voxels). */
	public int bandVoxels = 3;
	/** Smallest separate object (bead, ruby) listed, in voxels. */
	public int minObjectVoxels = 20;
	/** Also look for objects of intermediate contrast (ruby) in the medium outside the shell. */
	public boolean findRuby = true;
	/** Voxel size in nm overriding the volume's (NaN or 0 = use the volume's). */
	public double voxelSizeNm = Double.NaN;
	/**
	 * Projection angles (degrees) the volume was reconstructed from, for the missing-wedge term of the
	 * uncertainty; null = the volume's own record ({@link org.txmsuite.core.Volume#thetaDeg()}); no angles at
	 * all = no wedge term.
	 */
	public double[] thetaDeg;
}
