package org.txmsuite.normalize;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/** Settings of a reference normalization; fluent setters, sensible defaults. */
public final class NormalizeOptions {

	/** What the output pixels hold. */
	public enum Output {
		/** -ln T, the projected attenuation line integral. */
		ABSORBANCE,
		/** T = (I - D) / (F - D). */
		TRANSMISSION;

		public static Output parse(String s) {
			return NormalizeOptions.parse(Output.class, "output", s);
		}
	}

	/** How the reference for a sample frame is chosen among the reference frames. */
	public enum ReferenceMode {
		/** Linear interpolation in time between the reference blocks taken before and after the frame. */
		LINEAR,
		/** The reference block nearest in time. */
		NEAREST,
		/** The mean of all references (at the frame's energy). */
		MEAN,
		/** The pixel-wise median of all references (at the frame's energy). */
		MEDIAN;

		public static ReferenceMode parse(String s) {
			return NormalizeOptions.parse(ReferenceMode.class, "interpolation", s);
		}
	}

	/** Transmission floor: T at or below it (sample no brighter than the dark) is clamped to it (absorbance 9.21). */
	public static final float MIN_TRANSMISSION = 1e-4f;
	/** Frames whose energies differ by at most this many eV count as the same energy. */
	public static final double ENERGY_TOLERANCE_EV = 0.05;

	private Output output = Output.ABSORBANCE;
	private ReferenceMode mode = ReferenceMode.LINEAR;
	private boolean exposureCorrection = true;
	private double zingerThreshold = 0;
	private int[] backgroundRoi;
	private int bin = 1;

	public Output output() { return output; }
	public NormalizeOptions output(Output v) { output = v; return this; }
	public ReferenceMode mode() { return mode; }
	public NormalizeOptions mode(ReferenceMode v) { mode = v; return this; }
	public boolean exposureCorrection() { return exposureCorrection; }
	public NormalizeOptions exposureCorrection(boolean v) { exposureCorrection = v; return this; }

	/**
	 * Zinger removal: a pixel brighter than (1 + threshold) times the median of its 3x3 neighbourhood is
	 * replaced by that median, in every sample, reference and dark frame. 0 turns it off.
	 */
	public double zingerThreshold() { return zingerThreshold; }
	public NormalizeOptions zingerThreshold(double v) {
		if (!(v >= 0)) throw new TxmException("zinger_threshold must be 0 (off) or positive, got " + v);
		zingerThreshold = v;
		return this;
	}

	/** Beam-only region {x, y, w, h} in input pixels whose mean transmission is scaled to 1; null for none. */
	public int[] backgroundRoi() { return backgroundRoi == null ? null : backgroundRoi.clone(); }
	public NormalizeOptions backgroundRoi(int[] v) {
		if (v != null && (v.length != 4 || v[2] < 1 || v[3] < 1 || v[0] < 0 || v[1] < 0))
			throw new TxmException("background_roi must be x,y,w,h with x,y >= 0 and w,h >= 1, got "
				+ java.util.Arrays.toString(v));
		backgroundRoi = v == null ? null : v.clone();
		return this;
	}

	/** Parses {@code "x,y,w,h"}; empty text means no region. */
	public NormalizeOptions backgroundRoi(String text) {
		if (text == null || text.isBlank()) return backgroundRoi((int[]) null);
		String[] p = text.trim().split("\\s*,\\s*");
		if (p.length != 4) throw new TxmException("background_roi must be 'x,y,w,h' (four integers), got '" + text + "'");
		int[] r = new int[4];
		try {
			for (int i = 0; i < 4; i++) r[i] = Integer.parseInt(p[i]);
		}
		catch (NumberFormatException e) {
			throw new TxmException("background_roi must be 'x,y,w,h' (four integers), got '" + text + "'");
		}
		return backgroundRoi(r);
	}

	/** Binning factor: b x b blocks of pixels are averaged before normalization. */
	public int bin() { return bin; }
	public NormalizeOptions bin(int v) {
		if (v < 1) throw new TxmException("bin must be at least 1, got " + v);
		bin = v;
		return this;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String what, String s) {
		for (E e : type.getEnumConstants())
			if (e.name().equalsIgnoreCase(s == null ? "" : s.trim())) return e;
		StringBuilder b = new StringBuilder();
		for (E e : type.getEnumConstants()) b.append(b.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
		throw new TxmException(what + " must be one of " + b + ", got '" + s + "'");
	}
}
