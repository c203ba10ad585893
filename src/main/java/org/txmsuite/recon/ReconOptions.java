package org.txmsuite.recon;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * Reconstruction settings (a mutable builder with fluent setters). Defaults: SART, 5 sweeps,
 * relaxation per algorithm, non-negativity on, cylinder support on, no TV, no momentum, default centre (W-1)/2,
 * ramp filter, all detector rows, all cores.
 */
public final class ReconOptions {
	/** Reconstruction algorithms. */
	public enum Algorithm {
		/** Algebraic reconstruction technique (Kaczmarz), one ray at a time. */
		ART,
		/** Simultaneous ART: one projection at a time (Andersen and Kak 1984). */
		SART,
		/** Simultaneous iterative reconstruction technique: all projections per update. */
		SIRT,
		/** Filtered back-projection (one pass, no iterations). */
		FBP;

		public static Algorithm parse(String s) {
			return parseEnum(Algorithm.class, s, "algorithm");
		}

		/** Relaxation used when none is given (stable and fast on the tests in docs/stages/recon.md). */
		public double defaultRelaxation() {
			switch (this) {
			case ART: return 0.5;
			case SART: return 1.0;
			case SIRT: return 1.9;
			default: return 1.0;
			}
		}
	}

	/** FBP apodization windows applied to the ramp. */
	public enum Filter {
		RAMP, SHEPP_LOGAN, COSINE, HAMMING, HANN;

		public static Filter parse(String s) {
			return parseEnum(Filter.class, s, "filter");
		}
	}

	/** Order in which projections are visited by ART and SART. */
	public enum Ordering {
		/** Stack order. */
		SEQUENTIAL,
		/** A fixed pseudo-random permutation (seeded), the same every sweep. */
		RANDOM,
		/** Start anywhere, then always the unused projection most perpendicular to the previous one. */
		ORTHOGONAL;

		public static Ordering parse(String s) {
			return parseEnum(Ordering.class, s, "ordering");
		}
	}

	/** Case-insensitive enum lookup ('-' and ' ' read as '_') with an error naming the choices. */
	static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String what) {
		String key = s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (E e : type.getEnumConstants())
			if (e.name().equals(key)) return e;
		StringBuilder b = new StringBuilder();
		for (E e : type.getEnumConstants()) b.append(b.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		throw new TxmException(what + ": '" + s + "' is not one of " + b);
	}

	private Algorithm algorithm = Algorithm.SART;
	private int iterations = 5;
	private double relaxation = Double.NaN;
	private boolean nonnegative = true;
	private double upperBound = Double.NaN;
	private boolean support = true;
	private double tvWeight = 0;
	private int tvSteps = 10;
	private int tvBlocks = 5;
	private boolean momentum = false;
	private double center = Double.NaN;
	private Filter filter = Filter.RAMP;
	private boolean fbpStart = false;
	private Ordering ordering = Ordering.RANDOM;
	private long seed = 1;
	private int rowStart = 0, rowEnd = -1;
	private int threads = 0;
	private int sliceSize = 0;
	private double[] dx, dy;
	private double[] discreteLevels;
	private int discreteRounds = 0;

	public Algorithm algorithm() { return algorithm; }
	public ReconOptions algorithm(Algorithm a) { algorithm = a; return this; }
	/** Sweeps over all projections (ignored by FBP). */
	public int iterations() { return iterations; }
	public ReconOptions iterations(int v) { iterations = v; return this; }
	/** Relaxation factor lambda as set, or the algorithm's default (SIRT with momentum: 1, the accelerated step limit). */
	public double relaxation() {
		if (!Double.isNaN(relaxation)) return relaxation;
		return momentum && algorithm == Algorithm.SIRT ? 1 : algorithm.defaultRelaxation();
	}
	public ReconOptions relaxation(double v) { relaxation = v; return this; }
	public boolean nonnegative() { return nonnegative; }
	public ReconOptions nonnegative(boolean v) { nonnegative = v; return this; }
	/** Upper bound on voxel values (NaN: none). */
	public double upperBound() { return upperBound; }
	public ReconOptions upperBound(double v) { upperBound = v; return this; }
	/** Zero outside the cylinder every projection sees (radius from the centre to the nearer detector edge). */
	public boolean support() { return support; }
	public ReconOptions support(boolean v) { support = v; return this; }
	/**
	 * ASD-POCS TV step as a fraction of the last data-update size (0: no TV; 0.2 recommended: never worse
	 * than none on the limited-angle study in docs/stages/recon.md, 0.5 only for thick plateaus).
	 */
	public double tvWeight() { return tvWeight; }
	public ReconOptions tvWeight(double v) { tvWeight = v; return this; }
	/** TV gradient steps after each block of projections (ART, SART) or each update (SIRT). */
	public int tvSteps() { return tvSteps; }
	public ReconOptions tvSteps(int v) { tvSteps = v; return this; }
	/** ART/SART: TV descent after each of this many blocks of projections per sweep. */
	public int tvBlocks() { return tvBlocks; }
	public ReconOptions tvBlocks(int v) { tvBlocks = v; return this; }
	/**
	 * Nesterov momentum between blocks of projections (the TV blocks; one block per sweep without TV;
	 * every SIRT update): with TV, 5 SART sweeps reach what 20 plain SART-TV sweeps do (docs/stages/recon.md).
	 * Without TV it amplifies streaks: use it with a TV weight. SIRT's default relaxation becomes 1.
	 */
	public boolean momentum() { return momentum; }
	public ReconOptions momentum(boolean v) { momentum = v; return this; }
	/** Rotation centre on the detector in pixels; NaN for (W-1)/2. */
	public double center() { return center; }
	public ReconOptions center(double v) { center = v; return this; }
	public Filter filter() { return filter; }
	public ReconOptions filter(Filter f) { filter = f; return this; }
	/** Start iterative algorithms from the FBP image instead of zero. */
	public boolean fbpStart() { return fbpStart; }
	public ReconOptions fbpStart(boolean v) { fbpStart = v; return this; }
	public Ordering ordering() { return ordering; }
	public ReconOptions ordering(Ordering o) { ordering = o; return this; }
	public long seed() { return seed; }
	public ReconOptions seed(long v) { seed = v; return this; }
	/** First detector row to reconstruct (inclusive). */
	public int rowStart() { return rowStart; }
	/** Last detector row to reconstruct (inclusive); -1 for the last row. */
	public int rowEnd() { return rowEnd; }
	public ReconOptions rows(int start, int endInclusive) { rowStart = start; rowEnd = endInclusive; return this; }
	/** Worker threads; 0 for all cores. */
	public int threads() { return threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads; }
	public ReconOptions threads(int v) { threads = v; return this; }
	/** Reconstructed slice size n (n x n); 0 for the detector width. */
	public int sliceSize() { return sliceSize; }
	public ReconOptions sliceSize(int v) { sliceSize = v; return this; }
	/** Per-projection horizontal shifts in detector pixels (added to u), or null. */
	public double[] dx() { return dx; }
	public ReconOptions dx(double[] v) { dx = v; return this; }
	/** Per-projection vertical shifts in detector pixels (a projection's row r+dy holds slice r), or null. */
	public double[] dy() { return dy; }
	public ReconOptions dy(double[] v) { dy = v; return this; }

	/**
	 * Rounds of the discrete refinement (DART, Batenburg and Sijbers 2011; see
	 * {@link SliceSolver#refineDiscrete}) run after the sweeps, each one sweep that changes only the pixels
	 * on class boundaries; 0 = none.
	 */
	public int discreteRounds() { return discreteRounds; }
	public ReconOptions discreteRounds(int v) { discreteRounds = v; return this; }
	/**
	 * The materials' grey levels (ascending) for the discrete refinement, or null: two levels found in the
	 * reconstruction after the sweeps (the medians of Otsu's two classes, see {@link Reconstructor}).
	 */
	public double[] discreteLevels() { return discreteLevels == null ? null : discreteLevels.clone(); }
	public ReconOptions discreteLevels(double... v) { discreteLevels = v == null || v.length == 0 ? null : v.clone(); return this; }

	/** Grey levels from text ("0.0002, 0.0129"; commas or spaces); empty or null: none (automatic). */
	public static double[] parseLevels(String text) {
		if (text == null || text.trim().isEmpty()) return null;
		String[] parts = text.trim().split("[,;\\s]+");
		double[] v = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				v[i] = Double.parseDouble(parts[i]);
			} catch (NumberFormatException e) {
				throw new TxmException("discrete_levels: '" + parts[i] + "' in '" + text + "' is not a number; expected grey levels separated by commas");
			}
		}
		return v;
	}

	/** Checks the settings that do not depend on the data; throws {@link TxmException} naming the bad one. */
	public void validate() {
		if (iterations < 1) throw new TxmException("iterations: " + iterations + "; expected at least 1");
		double r = relaxation();
		if (!(r > 0 && r < 2))
			throw new TxmException("relaxation: " + r + "; expected a value in (0, 2)");
		if (momentum && algorithm == Algorithm.SIRT && r > 1)
			throw new TxmException("relaxation: " + r + " for SIRT with momentum; expected at most 1 (larger steps diverge when accelerated)");
		if (!(tvWeight >= 0) || tvWeight > 10) throw new TxmException("tv_weight: " + tvWeight + "; expected a value in [0, 10]");
		if (tvSteps < 0) throw new TxmException("tv steps: " + tvSteps + "; expected at least 0");
		if (!Double.isNaN(upperBound) && nonnegative && upperBound < 0)
			throw new TxmException("upper bound: " + upperBound + " is below the non-negativity bound 0");
		if (discreteLevels != null) {
			if (discreteLevels.length < 2 || discreteLevels.length > 100)
				throw new TxmException("discrete levels: " + discreteLevels.length + " levels; expected 2 to 100 grey levels");
			for (int i = 0; i < discreteLevels.length; i++) {
				if (!Double.isFinite(discreteLevels[i])) throw new TxmException("discrete levels: " + discreteLevels[i] + " is not a number");
				if (i > 0 && !(discreteLevels[i] > discreteLevels[i - 1]))
					throw new TxmException("discrete levels: " + discreteLevels[i] + " follows " + discreteLevels[i - 1] + "; expected ascending distinct levels");
			}
		}
		if (discreteRounds < 0) throw new TxmException("discrete rounds: " + discreteRounds + "; expected 0 (none) or more");
		if (discreteRounds > 0 && algorithm == Algorithm.FBP)
			throw new TxmException("discrete rounds: the refinement needs an iterative algorithm (ART, SART or SIRT), not FBP");
		if (sliceSize < 0) throw new TxmException("slice size: " + sliceSize + "; expected 0 (detector width) or more");
	}
}
