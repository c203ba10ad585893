package org.txmsuite.stage;

import java.util.stream.IntStream;

import org.txmsuite.core.TxmException;
import org.txmsuite.sim.ModelSpectra;
import org.txmsuite.sim.Phantom3D;
import org.txmsuite.sim.Solid;
import org.txmsuite.sim.XanesParticle;

/**
 * A spectral sample for the {@link InstrumentSimulator}: a 2D battery particle ({@link XanesParticle}:
 * relative thickness, phase-B fraction and minority-phase maps on its own pixel grid) whose optical
 * density at energy E is {@code t (pre(E) + step (sum_k f_k mu_k(E)))}, the phase spectra
 * {@code mu_k} tabulated on a fine energy grid and interpolated linearly at E, pre(E) a sloping
 * pre-edge. Between the particle's pixel centres the maps are interpolated bilinearly (the detector
 * samples them at its own, supersampled, magnified and displaced positions).
 */
public final class XanesSample {
	/** Phases: A, B, and the minority phase C. */
	public static final int PHASES = 3;
	private final int size;
	private final double pixelUm, edgeStep;
	private final float[] thickness;
	/** Per phase: thickness x fraction of the phase, on the particle grid. */
	private final float[][] weighted;
	private final double[] gridEv;
	private final double[][] mu;
	private final String[] names;

	/**
	 * @param particle the particle's maps (its own spectra are not used)
	 * @param pixelUm the particle's pixel size in um
	 * @param gridEv increasing energies (eV) the phase spectra are tabulated on
	 * @param mu normalized spectra of phase A, B and C on {@code gridEv} (C may be null)
	 * @param names phase names, e.g. {@code Ni2+}
	 * @param edgeStep optical density of the edge step at full thickness
	 */
	public XanesSample(XanesParticle particle, int size, double pixelUm, double[] gridEv, double[][] mu, String[] names, double edgeStep) {
		if (!(pixelUm > 0) || !(edgeStep > 0)) throw new TxmException("XANES sample pixel size and edge step must be > 0, got " + pixelUm + ", " + edgeStep);
		if (gridEv.length < 2) throw new TxmException("XANES sample spectra need at least 2 energies, got " + gridEv.length);
		this.size = size;
		this.pixelUm = pixelUm;
		this.edgeStep = edgeStep;
		this.gridEv = gridEv.clone();
		this.mu = new double[PHASES][];
		for (int k = 0; k < PHASES; k++) this.mu[k] = mu[k] == null ? new double[gridEv.length] : mu[k].clone();
		this.names = names.clone();
		thickness = particle.thickness().clone();
		float[] fb = particle.fractionB(), c = particle.minorityMask();
		weighted = new float[PHASES][size * size];
		for (int i = 0; i < thickness.length; i++) {
			double t = thickness[i], cc = mu[2] == null ? 0 : c[i];
			weighted[0][i] = (float) (t * (1 - cc) * (1 - fb[i]));
			weighted[1][i] = (float) (t * (1 - cc) * fb[i]);
			weighted[2][i] = (float) (t * cc);
		}
	}

	/**
	 * A Ni K-edge cathode particle: Ni2+ (NiO-like) and Ni3+ (LiNiO2-like) domains and a Ni metal-like
	 * minority phase covering {@code minority} of its area, spectra from {@link ModelSpectra} on a
	 * 0.05 eV grid over 8000..9000 eV. The particle's pixels are {@code pixelUm}; it is a sphere of
	 * diameter 0.84 {@code size} pixels.
	 */
	public static XanesSample nickel(int size, double pixelUm, double minority, double edgeStep, long seed) {
		int n = 20001;
		double[] e = new double[n];
		for (int i = 0; i < n; i++) e[i] = 8000 + 0.05 * i;
		double[] a = ModelSpectra.nickel2plus().mu(e), b = ModelSpectra.nickel3plus().mu(e);
		double[] c = minority > 0 ? ModelSpectra.nickelMetal().mu(e) : null;
		XanesParticle p = new XanesParticle(size, new double[] { e[0], e[n - 1] }, new double[2], new double[2], c == null ? null : new double[2],
			minority, seed);
		return new XanesSample(p, size, pixelUm, e, new double[][] { a, b, c }, new String[] { "Ni2+", "Ni3+", "Ni-metal" }, edgeStep);
	}

	public String[] phaseNames() { return names.clone(); }
	public double pixelUm() { return pixelUm; }
	public double edgeStep() { return edgeStep; }
	public int size() { return size; }

	/** The particle's radius in um (the half-width of its grid). */
	public double radiusUm() {
		return size * pixelUm / 2;
	}

	/** Normalized spectrum of phase k at an energy (linear interpolation of the table; clamped at its ends). */
	public double mu(int phase, double energyEv) {
		double[] g = gridEv;
		int n = g.length;
		if (energyEv <= g[0]) return mu[phase][0];
		if (energyEv >= g[n - 1]) return mu[phase][n - 1];
		int lo = 0, hi = n - 1;
		while (hi - lo > 1) {
			int m = (lo + hi) >>> 1;
			if (g[m] <= energyEv) lo = m;
			else hi = m;
		}
		double w = (energyEv - g[lo]) / (g[hi] - g[lo]);
		return (1 - w) * mu[phase][lo] + w * mu[phase][hi];
	}

	/** Pre-edge optical density per unit thickness: 0.3 edge steps at 8000 eV, falling by 0.04 % per eV. */
	double preEdge(double energyEv) {
		return 0.3 * edgeStep * (1 - 0.0004 * (energyEv - 8000));
	}

	/** The optical density map on the particle grid at an energy. */
	public float[] opticalDensity(double energyEv) {
		double pre = preEdge(energyEv);
		double[] m = new double[PHASES];
		for (int k = 0; k < PHASES; k++) m[k] = edgeStep * mu(k, energyEv);
		float[] od = new float[size * size];
		for (int i = 0; i < od.length; i++)
			od[i] = (float) (thickness[i] * pre + weighted[0][i] * m[0] + weighted[1][i] * m[1] + weighted[2][i] * m[2]);
		return od;
	}

	/**
	 * The sample at an energy as a phantom for {@link org.txmsuite.sim.ScanSimulator}: the line integral at
	 * detector coordinates (u, z) um is the optical density at (u, z) / magnification (any rotation is
	 * ignored: a 2D sample seen face on).
	 */
	public Phantom3D phantom(double energyEv, double magnification) {
		return new Phantom3D().add("xanes particle", new MapSolid(opticalDensity(energyEv), size, pixelUm * magnification), 1);
	}

	/**
	 * The truth as a detector sees it: {@code W x H} pixels of {@code detectorPixelUm}, the particle
	 * centred, displaced by (dx, dy) pixels and magnified as in {@link #phantom}, each pixel the mean of
	 * {@code s x s} point samples. Returns, per pixel, the thickness-weighted fraction of each phase
	 * (NaN where there is no particle), then the mean relative thickness.
	 */
	public float[][] trueMaps(int width, int height, double detectorPixelUm, double dx, double dy, double magnification, int s) {
		float[][] out = new float[PHASES + 1][width * height];
		MapSolid[] maps = new MapSolid[PHASES + 1];
		for (int k = 0; k < PHASES; k++) maps[k] = new MapSolid(weighted[k], size, pixelUm * magnification);
		maps[PHASES] = new MapSolid(thickness, size, pixelUm * magnification);
		double c = (width - 1) / 2.0, rc = (height - 1) / 2.0;
		IntStream.range(0, height).parallel().forEach(r -> {
			double[] sum = new double[PHASES + 1];
			for (int k = 0; k < width; k++) {
				java.util.Arrays.fill(sum, 0);
				for (int b = 0; b < s; b++) {
					double z = (r - dy - rc + (b + 0.5) / s - 0.5) * detectorPixelUm;
					for (int a = 0; a < s; a++) {
						double u = (k - dx - c + (a + 0.5) / s - 0.5) * detectorPixelUm;
						for (int q = 0; q <= PHASES; q++) sum[q] += maps[q].value(u, z);
					}
				}
				int i = r * width + k;
				double t = sum[PHASES];
				for (int q = 0; q < PHASES; q++) out[q][i] = t > 0 ? (float) (sum[q] / t) : Float.NaN;
				out[PHASES][i] = (float) (t / (s * s));
			}
		});
		return out;
	}

	/**
	 * Per pixel, the energy (eV) where the normalized mixture {@code sum_k f_k mu_k} of the given phase
	 * fractions first reaches 0.5, searched upward from 8300 eV on a 0.01 eV grid and interpolated
	 * linearly between the bracketing points; NaN where a fraction is NaN or there is no crossing below 8400 eV.
	 */
	public float[] edge50(float[][] fractions) {
		int n = 10001;
		double[][] tab = new double[PHASES][n];
		for (int k = 0; k < PHASES; k++) for (int i = 0; i < n; i++) tab[k][i] = mu(k, 8300 + 0.01 * i);
		float[] out = new float[fractions[0].length];
		IntStream.range(0, out.length).parallel().forEach(p -> {
			double f0 = fractions[0][p], f1 = fractions[1][p], f2 = fractions[2][p];
			out[p] = Float.NaN;
			if (!Double.isFinite(f0 + f1 + f2)) return;
			double prev = 0;
			for (int i = 0; i < n; i++) {
				double v = f0 * tab[0][i] + f1 * tab[1][i] + f2 * tab[2][i];
				if (v >= 0.5) {
					out[p] = (float) (i == 0 ? 8300 : 8300 + 0.01 * (i - 1 + (0.5 - prev) / (v - prev)));
					return;
				}
				prev = v;
			}
		});
		return out;
	}

	/** A map on a square grid as a thin "solid" whose chord is the bilinearly interpolated map value. */
	private static final class MapSolid implements Solid {
		private final float[] map;
		private final int n;
		private final double pixelUm, half;

		MapSolid(float[] map, int n, double pixelUm) {
			this.map = map;
			this.n = n;
			this.pixelUm = pixelUm;
			this.half = (n - 1) / 2.0;
		}

		double value(double u, double z) {
			double x = u / pixelUm + half, y = z / pixelUm + half;
			if (!(x > -1 && y > -1 && x < n && y < n)) return 0;
			int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
			double fx = x - x0, fy = y - y0;
			return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
		}

		private double at(int x, int y) {
			return x < 0 || y < 0 || x >= n || y >= n ? 0 : map[y * n + x];
		}

		@Override
		public double chord(double u, double z, double cos, double sin) {
			return value(u, z);
		}

		@Override
		public boolean contains(double x, double y, double z) {
			return value(x, z) > 0 && Math.abs(y) < 1e-9;
		}

		@Override
		public double volume() {
			return 0;
		}

		@Override
		public double surface() {
			return 0;
		}

		@Override
		public double[] extent() {
			double r = (half + 1) * pixelUm;
			return new double[] { r, r, r };
		}
	}
}
