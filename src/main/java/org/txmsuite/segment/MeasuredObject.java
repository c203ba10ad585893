package org.txmsuite.segment;

/** One measured object: a row of the {@code volumes} table. Volumes in um^3, areas in um^2. */
public final class MeasuredObject {
	/** Label value in the labels image (2 = interior or sample, 3+ = other objects). */
	public final int label;
	/** What it is: "interior", "sample", "bead", "ruby"... */
	public final String name;
	/** Voxels in the object's mask (the 0.5 iso-level segmentation). */
	public final long voxels;
	/** Partial-volume estimate of the volume (the reported volume). */
	public final double volumeUm3;
	/** Voxel count times voxel volume. */
	public final double countVolumeUm3;
	/** Marching-tetrahedra area of the fraction field's 0.5 iso-surface, divided by {@link #surfaceRoughness}. */
	public final double surfaceUm2;
	/** Factor (>= 1) by which noise roughened the iso-surface, divided out of {@link #surfaceUm2} (see {@link PartialVolume}). */
	public final double surfaceRoughness;
	/** Reported uncertainty of {@link #volumeUm3} (see {@link PartialVolume}). */
	public final double uncertaintyUm3;
	/** Levels the fractions were computed between (object, surroundings), in the volume's units. */
	public final double objectLevel, surroundLevel;
	/**
	 * Parts of the uncertainty (um^3, each times the coverage factor): levels, band width, boundary
	 * displacement (combined in quadrature) and gap closing (added).
	 */
	public final double levelTermUm3, bandTermUm3, boundaryTermUm3, closingTermUm3;
	/**
	 * Wedge-facing share of the surface: the iso-surface's area-weighted {@code |n_xy|} over the triangles whose
	 * normal lies in the scan's missing wedge, over the whole area ({@link Surface#areas}); NaN if the scan's
	 * angles are unknown. At 135 degrees: 30/180 x the side wall's share for a cylinder, 30/180 x pi/4 for a sphere.
	 */
	public final double wedgeSurfaceFraction;
	/** Missing-wedge part of the uncertainty (um^3, times the coverage factor; in quadrature with the first three). */
	public final double wedgeTermUm3;

	MeasuredObject(int label, String name, long voxels, double volumeUm3, double countVolumeUm3, double surfaceUm2, double surfaceRoughness,
		double uncertaintyUm3, double objectLevel, double surroundLevel, double levelTermUm3, double bandTermUm3, double boundaryTermUm3, double closingTermUm3,
		double wedgeSurfaceFraction, double wedgeTermUm3) {
		this.label = label;
		this.name = name;
		this.voxels = voxels;
		this.volumeUm3 = volumeUm3;
		this.countVolumeUm3 = countVolumeUm3;
		this.surfaceUm2 = surfaceUm2;
		this.surfaceRoughness = surfaceRoughness;
		this.uncertaintyUm3 = uncertaintyUm3;
		this.objectLevel = objectLevel;
		this.surroundLevel = surroundLevel;
		this.levelTermUm3 = levelTermUm3;
		this.bandTermUm3 = bandTermUm3;
		this.boundaryTermUm3 = boundaryTermUm3;
		this.closingTermUm3 = closingTermUm3;
		this.wedgeSurfaceFraction = wedgeSurfaceFraction;
		this.wedgeTermUm3 = wedgeTermUm3;
	}

	MeasuredObject relabel(int newLabel, String newName) {
		return new MeasuredObject(newLabel, newName, voxels, volumeUm3, countVolumeUm3, surfaceUm2, surfaceRoughness, uncertaintyUm3, objectLevel, surroundLevel,
			levelTermUm3, bandTermUm3, boundaryTermUm3, closingTermUm3, wedgeSurfaceFraction, wedgeTermUm3);
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "%s (label %d): %d voxels, %.5g um^3 +- %.3g, surface %.5g um^2", name, label, voxels, volumeUm3,
			uncertaintyUm3, surfaceUm2);
	}
}
