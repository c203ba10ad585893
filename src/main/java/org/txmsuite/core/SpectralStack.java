package org.txmsuite.core;

/**
 * Images over energy: for each of {@code nE} energies a 2D image ({@code depth == 1}) or a volume of
 * {@code depth} slices. Planes are stored energy-major, plane index {@code e*depth + z}, each
 * {@code width*height} row-major floats (the order of an ImageJ hyperstack with z slices and energy
 * as frames).
 */
public final class SpectralStack {
	private final int width, height, depth;
	private final double[] energiesEv;
	private final float[][] planes;
	private double pixelSizeNm = Double.NaN;
	private DataState state = DataState.RAW;

	public SpectralStack(int width, int height, int depth, double[] energiesEv, float[][] planes) {
		if (planes.length != energiesEv.length * depth)
			throw new TxmException("spectral stack has " + planes.length + " planes, expected " + energiesEv.length
				+ " energies x " + depth + " slices = " + energiesEv.length * depth);
		for (int i = 0; i < planes.length; i++)
			if (planes[i].length != width * height)
				throw new TxmException("spectral plane " + i + " has " + planes[i].length + " pixels, expected " + width * height);
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.energiesEv = energiesEv.clone();
		this.planes = planes;
	}

	/** A 2D spectral stack over a frame stack's frames (shared pixels), energies from its metadata. */
	public static SpectralStack of(FrameStack frames) {
		double[] e = frames.energiesEv();
		for (int i = 0; i < e.length; i++)
			if (!Double.isFinite(e[i])) throw new TxmException("frame " + i + " has no energy; a spectral stack needs one per frame");
		SpectralStack s = new SpectralStack(frames.width(), frames.height(), 1, e, frames.frames().toArray(new float[0][]));
		s.pixelSizeNm = frames.pixelSizeNm();
		s.state = frames.state();
		return s;
	}

	public int width() { return width; }
	public int height() { return height; }
	public int depth() { return depth; }
	public int energyCount() { return energiesEv.length; }
	public double[] energiesEv() { return energiesEv.clone(); }
	public double energyEv(int e) { return energiesEv[e]; }
	public float[] plane(int e, int z) { return planes[e * depth + z]; }
	public float[][] planes() { return planes; }
	public double pixelSizeNm() { return pixelSizeNm; }
	public SpectralStack pixelSizeNm(double v) { pixelSizeNm = v; return this; }
	public DataState state() { return state; }
	public SpectralStack state(DataState v) { state = v; return this; }
}
