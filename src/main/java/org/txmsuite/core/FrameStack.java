package org.txmsuite.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of 2D frames (projections, references, darks or spectral images) with per-frame metadata.
 * Pixels are row-major {@code float[width*height]} arrays, one per frame, shared (not copied) with
 * the ImageJ and ImgLib2 views made by {@link ImageJ1Views}.
 */
public final class FrameStack {
	private final int width;
	private final int height;
	private final List<float[]> frames = new ArrayList<>();
	private final List<FrameInfo> info = new ArrayList<>();
	private double pixelSizeNm = Double.NaN;
	private int binning = 1;
	private String source = "";
	private DataState state = DataState.RAW;

	public FrameStack(int width, int height) {
		if (width < 1 || height < 1)
			throw new TxmException("frame size must be at least 1x1 pixels, got " + width + "x" + height);
		this.width = width;
		this.height = height;
	}

	/** Allocates {@code n} zero frames with default (sample) metadata. */
	public static FrameStack allocate(int width, int height, int n) {
		FrameStack s = new FrameStack(width, height);
		for (int i = 0; i < n; i++) s.add(new float[width * height], new FrameInfo());
		return s;
	}

	/** Appends a frame (the array is kept, not copied). */
	public FrameStack add(float[] pixels, FrameInfo frameInfo) {
		if (pixels.length != width * height)
			throw new TxmException("frame " + frames.size() + " has " + pixels.length + " pixels, expected "
				+ width + "x" + height + " = " + (width * height));
		frames.add(pixels);
		info.add(frameInfo == null ? new FrameInfo() : frameInfo);
		return this;
	}

	public int width() { return width; }
	public int height() { return height; }
	public int size() { return frames.size(); }
	public float[] pixels(int i) { return frames.get(i); }
	public FrameInfo info(int i) { return info.get(i); }
	public List<float[]> frames() { return Collections.unmodifiableList(frames); }
	public List<FrameInfo> infos() { return Collections.unmodifiableList(info); }

	/** Pixel size in nm (after binning); NaN if unknown. */
	public double pixelSizeNm() { return pixelSizeNm; }
	public FrameStack pixelSizeNm(double v) { pixelSizeNm = v; return this; }
	public int binning() { return binning; }
	public FrameStack binning(int v) { binning = v; return this; }
	/** Where the data came from (file path, simulator, ...). */
	public String source() { return source; }
	public FrameStack source(String v) { source = v == null ? "" : v; return this; }
	public DataState state() { return state; }
	public FrameStack state(DataState v) { state = v; return this; }

	/** Rotation angles in degrees, one per frame (NaN where unknown). */
	public double[] anglesDeg() {
		double[] a = new double[size()];
		for (int i = 0; i < a.length; i++) a[i] = info.get(i).angleDeg();
		return a;
	}

	/** Energies in eV, one per frame (NaN where unknown). */
	public double[] energiesEv() {
		double[] e = new double[size()];
		for (int i = 0; i < e.length; i++) e[i] = info.get(i).energyEv();
		return e;
	}

	/** Indices of the frames of one kind, in stack order. */
	public int[] indicesOf(FrameKind kind) {
		return java.util.stream.IntStream.range(0, size()).filter(i -> info.get(i).kind() == kind).toArray();
	}

	/** A new stack of the selected frames; pixel arrays are shared, metadata copied. */
	public FrameStack select(int[] indices) {
		FrameStack s = emptyLike();
		for (int i : indices) s.add(frames.get(i), info.get(i).copy());
		return s;
	}

	public FrameStack ofKind(FrameKind kind) {
		return select(indicesOf(kind));
	}

	/** An empty stack of the same frame size and stack-level metadata. */
	public FrameStack emptyLike() {
		return new FrameStack(width, height).pixelSizeNm(pixelSizeNm).binning(binning).source(source).state(state);
	}
}
