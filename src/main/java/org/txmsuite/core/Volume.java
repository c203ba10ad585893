package org.txmsuite.core;

/**
 * A 3D image: {@code depth} slices of {@code width*height} row-major floats, with voxel sizes in nm
 * (x, y, z may differ: anisotropic voxels).
 */
public final class Volume {
	private final int width, height, depth;
	private final float[][] slices;
	private double voxelXNm = Double.NaN, voxelYNm = Double.NaN, voxelZNm = Double.NaN;
	private double[] thetaDeg;

	public Volume(int width, int height, int depth) {
		this(width, height, allocate(width, height, depth));
	}

	/** Wraps existing slices (not copied). */
	public Volume(int width, int height, float[][] slices) {
		if (width < 1 || height < 1 || slices.length < 1)
			throw new TxmException("volume size must be at least 1x1x1, got " + width + "x" + height + "x" + slices.length);
		for (int z = 0; z < slices.length; z++)
			if (slices[z].length != width * height)
				throw new TxmException("volume slice " + z + " has " + slices[z].length + " voxels, expected " + width * height);
		this.width = width;
		this.height = height;
		this.depth = slices.length;
		this.slices = slices;
	}

	private static float[][] allocate(int w, int h, int d) {
		if (d < 1) throw new TxmException("volume depth must be at least 1, got " + d);
		float[][] s = new float[d][];
		for (int z = 0; z < d; z++) s[z] = new float[w * h];
		return s;
	}

	public int width() { return width; }
	public int height() { return height; }
	public int depth() { return depth; }
	public float[] slice(int z) { return slices[z]; }
	public float[][] slices() { return slices; }
	public float get(int x, int y, int z) { return slices[z][y * width + x]; }
	public void set(int x, int y, int z, float v) { slices[z][y * width + x] = v; }

	public double voxelXNm() { return voxelXNm; }
	public double voxelYNm() { return voxelYNm; }
	public double voxelZNm() { return voxelZNm; }

	/** Sets an isotropic voxel size in nm. */
	public Volume voxelSizeNm(double nm) { return voxelSizeNm(nm, nm, nm); }

	public Volume voxelSizeNm(double x, double y, double z) {
		voxelXNm = x;
		voxelYNm = y;
		voxelZNm = z;
		return this;
	}

	/**
	 * Projection angles (degrees, about the z axis: a projection at theta measures along
	 * {@code x cos(theta) + y sin(theta)}, x = column, y = row) the volume was reconstructed from; null if
	 * unknown. The segmenters use it for the missing-wedge term of their uncertainty.
	 */
	public double[] thetaDeg() { return thetaDeg == null ? null : thetaDeg.clone(); }

	/** Records the projection angles in degrees (null = unknown). */
	public Volume thetaDeg(double[] anglesDeg) {
		thetaDeg = anglesDeg == null ? null : anglesDeg.clone();
		return this;
	}

	/** Voxel volume in um^3 (NaN if the voxel size is unknown). */
	public double voxelVolumeUm3() {
		return voxelXNm * voxelYNm * voxelZNm * 1e-9;
	}
}
