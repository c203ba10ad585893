package org.txmsuite.xanes;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.LUT;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * PCA and seeded k-means on the normalized spectra inside the mask. The data are streamed several
 * times (normalizing again each time is cheaper than keeping every spectrum): mask, covariance, PCA
 * scores, then cluster means. Only the scores of the used pixels are kept. k-means starts from
 * k-means++ seeds drawn from a seeded generator (repeatable) and keeps the best of several restarts,
 * so a small but spectrally distinct minority phase gets its own cluster.
 */
public final class ClusterAnalysis {
	public static final int MAX_CLUSTERS = 20;
	private static final Color[] COLORS = { new Color(230, 25, 75), new Color(60, 180, 75), new Color(0, 130, 200),
		new Color(245, 130, 48), new Color(145, 30, 180), new Color(70, 240, 240), new Color(240, 50, 230),
		new Color(210, 245, 60), new Color(128, 128, 0), new Color(0, 128, 128) };

	private ClusterAnalysis() {}

	/** Outputs {@code labels}, {@code cluster_spectra}, {@code cluster_plot}, {@code pca} (and {@code results} for tables). */
	public static XanesResult run(XanesData d, NormalizeOptions o, int clusters, int components, long seed, Progress progress) {
		if (clusters < 2 || clusters > MAX_CLUSTERS)
			throw new TxmException("clusters = " + clusters + "; expected 2 to " + MAX_CLUSTERS);
		int n = d.energyCount();
		if (components < 1 || components > n) throw new TxmException("components = " + components + "; expected 1 to " + n);
		NormalizedPass mask = new NormalizedPass(d, o);
		mask.run(null, null, null, o.maskThreshold, progress);
		long used = mask.used();
		if (used < clusters)
			throw new TxmException("only " + used + " spectra pass the mask (" + mask.summary("cluster analysis")
				+ "); expected at least one per cluster (" + clusters + ")");
		if (used > Integer.MAX_VALUE / components) throw new TxmException(used + " spectra are too many to cluster at once");
		int[][] row = new int[mask.depth][mask.pixels];
		int rows = 0;
		for (int z = 0; z < mask.depth; z++)
			for (int p = 0; p < mask.pixels; p++) row[z][p] = mask.status[z][p] == Normalizer.OK ? rows++ : -1;

		// covariance of the used spectra
		List<double[]> sums = Collections.synchronizedList(new ArrayList<>());
		stream(d, o, mask, progress, () -> {
			double[] s = new double[n + n * n];
			sums.add(s);
			return (z, p, w, norm) -> {
				for (int i = 0; i < n; i++) {
					double v = norm[i];
					s[i] += v;
					int b = n + i * n;
					for (int j = 0; j <= i; j++) s[b + j] += v * norm[j];
				}
			};
		});
		double[] mean = new double[n];
		double[][] cov = new double[n][n];
		for (double[] s : sums) {
			for (int i = 0; i < n; i++) mean[i] += s[i];
			for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) cov[i][j] += s[n + i * n + j];
		}
		for (int i = 0; i < n; i++) mean[i] /= rows;
		for (int i = 0; i < n; i++)
			for (int j = 0; j <= i; j++) cov[j][i] = cov[i][j] = cov[i][j] / rows - mean[i] * mean[j];
		EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
		double[] ev = eig.getRealEigenvalues();
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(ev[b], ev[a]));
		double total = 0;
		for (double v : ev) total += Math.max(0, v);
		ResultsTable pca = new ResultsTable();
		double cum = 0;
		for (int c = 0; c < Math.min(n, 10); c++) {
			double v = Math.max(0, ev[order[c]]);
			cum += v;
			pca.incrementCounter();
			pca.addValue("component", c + 1);
			pca.addValue("eigenvalue", v);
			pca.addValue("explained_variance", total > 0 ? v / total : 0);
			pca.addValue("cumulative", total > 0 ? cum / total : 0);
		}
		double[][] axes = new double[components][];
		for (int c = 0; c < components; c++) axes[c] = eig.getEigenvector(order[c]).toArray();

		// scores
		float[] scores = new float[rows * components];
		stream(d, o, mask, progress, () -> (z, p, w, norm) -> {
			int r = row[z][p];
			for (int c = 0; c < components; c++) {
				double s = 0;
				double[] a = axes[c];
				for (int i = 0; i < n; i++) s += (norm[i] - mean[i]) * a[i];
				scores[r * components + c] = (float) s;
			}
		});
		int[] label = kMeans(scores, rows, components, clusters, seed, progress);

		// cluster means
		double[][] spectra = new double[clusters][n];
		long[] size = new long[clusters];
		List<double[][]> parts = Collections.synchronizedList(new ArrayList<>());
		stream(d, o, mask, progress, () -> {
			double[][] s = new double[clusters][n + 1];
			parts.add(s);
			return (z, p, w, norm) -> {
				double[] t = s[label[row[z][p]]];
				for (int i = 0; i < n; i++) t[i] += norm[i];
				t[n]++;
			};
		});
		for (double[][] s : parts)
			for (int k = 0; k < clusters; k++) {
				for (int i = 0; i < n; i++) spectra[k][i] += s[k][i];
				size[k] += (long) s[k][n];
			}
		for (int k = 0; k < clusters; k++) for (int i = 0; i < n; i++) spectra[k][i] /= Math.max(1, size[k]);

		String[] names = new String[clusters];
		for (int k = 0; k < clusters; k++) names[k] = "cluster_" + (k + 1);
		XanesResult res = new XanesResult();
		StringBuilder sum = new StringBuilder(mask.summary("XANES Cluster Analysis")).append("; cluster sizes:");
		for (int k = 0; k < clusters; k++) sum.append(' ').append(size[k]);
		sum.append(String.format(java.util.Locale.ROOT, "; %d components explain %.2f %% of the variance", components,
			100 * (components <= pca.size() ? pca.getValueAsDouble(3, components - 1) : 1)));
		res.summary(sum.toString());
		res.put("cluster_spectra", Xanes.spectraTable(d.energiesEv(), names, spectra));
		res.put("cluster_plot", plot(d.energiesEv(), spectra, size));
		res.put("pca", pca);
		if (d.isTable()) {
			ResultsTable t = mask.tableRows();
			for (int p = 0; p < mask.pixels; p++) t.setValue("label", p, row[0][p] < 0 ? 0 : label[row[0][p]] + 1);
			mask.addStatus(t);
			res.put("results", t);
		}
		ImageStack st = new ImageStack(d.width(), d.height());
		for (int z = 0; z < mask.depth; z++) {
			byte[] l = new byte[mask.pixels];
			for (int p = 0; p < l.length; p++) l[p] = (byte) (row[z][p] < 0 ? 0 : label[row[z][p]] + 1);
			st.addSlice(mask.depth > 1 ? "z=" + z : "labels", new ByteProcessor(d.width(), d.height(), l));
		}
		ImagePlus labels = new ImagePlus("labels", st);
		labels.getProcessor().setLut(labelLut());
		labels.setDisplayRange(0, 255);
		res.put("mask", Xanes.mask(mask, d));
		return res.put("labels", labels);
	}

	private static void stream(XanesData d, NormalizeOptions o, NormalizedPass mask, Progress progress,
		java.util.function.Supplier<NormalizedPass.Stage> stage) {
		new NormalizedPass(d, o).run(null, () -> {
			NormalizedPass.Stage s = stage.get();
			return (z, p, w, norm) -> {
				if (mask.status[z][p] == Normalizer.OK) s.pixel(z, p, w, norm);
			};
		}, null, 0, progress);
	}

	/**
	 * k-means (Lloyd) from k-means++ seeds, best of 5 seeded restarts; clusters numbered by size,
	 * largest first.
	 */
	static int[] kMeans(float[] x, int rows, int dim, int k, long seed, Progress progress) {
		int[] best = null;
		double bestInertia = Double.POSITIVE_INFINITY;
		for (int restart = 0; restart < 5; restart++) {
			progress.checkCancelled();
			Random rnd = new Random(seed + 7919L * restart);
			double[] c = seeds(x, rows, dim, k, rnd);
			int[] lab = new int[rows];
			double inertia = 0;
			for (int it = 0; it < 100; it++) {
				double[] cc = c;
				double[][] acc = IntStream.range(0, (rows + 65535) / 65536).parallel().mapToObj(ch -> {
					double[] s = new double[k * (dim + 1) + 1];
					for (int r = ch * 65536, end = Math.min(rows, r + 65536); r < end; r++) {
						int bk = 0;
						double bd = Double.POSITIVE_INFINITY;
						for (int j = 0; j < k; j++) {
							double dd = dist(x, r, dim, cc, j);
							if (dd < bd) { bd = dd; bk = j; }
						}
						lab[r] = bk;
						s[k * (dim + 1)] += bd;
						for (int q = 0; q < dim; q++) s[bk * (dim + 1) + q] += x[r * dim + q];
						s[bk * (dim + 1) + dim]++;
					}
					return s;
				}).toArray(double[][]::new);
				double[] tot = new double[k * (dim + 1) + 1];
				for (double[] s : acc) for (int i = 0; i < tot.length; i++) tot[i] += s[i];
				inertia = tot[k * (dim + 1)];
				double[] next = new double[k * dim];
				double moved = 0;
				for (int j = 0; j < k; j++) {
					double cnt = tot[j * (dim + 1) + dim];
					for (int q = 0; q < dim; q++) {
						next[j * dim + q] = cnt > 0 ? tot[j * (dim + 1) + q] / cnt : c[j * dim + q];
						moved += Math.abs(next[j * dim + q] - c[j * dim + q]);
					}
				}
				c = next;
				if (moved == 0) break;
			}
			if (inertia < bestInertia) { bestInertia = inertia; best = lab; }
		}
		long[] count = new long[k];
		for (int l : best) count[l]++;
		Integer[] ord = new Integer[k];
		for (int j = 0; j < k; j++) ord[j] = j;
		Arrays.sort(ord, (a, b) -> count[b] != count[a] ? Long.compare(count[b], count[a]) : Integer.compare(a, b));
		int[] rank = new int[k];
		for (int j = 0; j < k; j++) rank[ord[j]] = j;
		for (int r = 0; r < rows; r++) best[r] = rank[best[r]];
		return best;
	}

	private static double[] seeds(float[] x, int rows, int dim, int k, Random rnd) {
		double[] c = new double[k * dim];
		int first = rnd.nextInt(rows);
		for (int q = 0; q < dim; q++) c[q] = x[first * dim + q];
		double[] d2 = new double[rows];
		Arrays.fill(d2, Double.POSITIVE_INFINITY);
		for (int j = 1; j < k; j++) {
			double total = 0;
			for (int r = 0; r < rows; r++) {
				d2[r] = Math.min(d2[r], dist(x, r, dim, c, j - 1));
				total += d2[r];
			}
			double pick = rnd.nextDouble() * total;
			int chosen = rows - 1;
			for (int r = 0; r < rows; r++) { pick -= d2[r]; if (pick <= 0) { chosen = r; break; } }
			for (int q = 0; q < dim; q++) c[j * dim + q] = x[chosen * dim + q];
		}
		return c;
	}

	private static double dist(float[] x, int r, int dim, double[] c, int j) {
		double s = 0;
		for (int q = 0; q < dim; q++) { double d = x[r * dim + q] - c[j * dim + q]; s += d * d; }
		return s;
	}

	private static LUT labelLut() {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			Color c = COLORS[(i - 1) % COLORS.length];
			r[i] = (byte) c.getRed();
			g[i] = (byte) c.getGreen();
			b[i] = (byte) c.getBlue();
		}
		return new LUT(r, g, b);
	}

	/** The cluster mean spectra as an RGB plot. */
	static ImagePlus plot(double[] e, double[][] spectra, long[] size) {
		Plot plot = new Plot("cluster_plot", "Energy (eV)", "Normalized absorption");
		plot.setSize(640, 400);
		StringBuilder legend = new StringBuilder();
		for (int k = 0; k < spectra.length; k++) {
			plot.setColor(COLORS[k % COLORS.length]);
			plot.setLineWidth(2);
			plot.addPoints(e, spectra[k], Plot.LINE);
			legend.append("cluster ").append(k + 1).append(" (").append(size[k]).append(")\n");
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString());
		plot.setLimitsToFit(false);
		ImagePlus imp = plot.getImagePlus();
		return new ImagePlus("cluster_plot", imp.getProcessor().convertToRGB());
	}
}
