package org.txmsuite.acquire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * Rotation angles for tomography, limited to the angular windows a sample cell leaves open. A
 * diamond-anvil cell blocks the beam outside its openings: a two-post (symmetric) DAC leaves about
 * 135 deg (here -67.5 to +67.5 deg), a four-post cross DAC about 152 deg in two 76 deg windows whose
 * centres are 90 deg apart (here -83 to -7 and 7 to 83 deg, so both windows lie in the default -90..90 range
 * and the two 14 deg gaps, at 0 and at +-90 deg, are 90 deg apart). Any other set of windows can be
 * given as {@code a:b,c:d} (degrees, ends included).
 */
public final class AngleSets {
	/** Half opening of the two-post DAC window, deg. */
	public static final double TWO_POST_HALF = 67.5;
	/** Half opening of each four-post cross-DAC window, deg; the windows are centred 90 deg apart. */
	public static final double FOUR_POST_HALF = 38;

	private static final double EPS = 1e-6;

	private AngleSets() {}

	/** Allowed windows for a cell: {@code none} (empty list: all angles), {@code two-post}, {@code four-post}, {@code custom windows}. */
	public static List<double[]> windows(String dac, String custom) {
		String d = dac == null ? "none" : dac.strip().toLowerCase(Locale.ROOT);
		List<double[]> w = new ArrayList<>();
		switch (d) {
		case "none":
		case "":
			return w;
		case "two-post":
			w.add(new double[] { -TWO_POST_HALF, TWO_POST_HALF });
			return w;
		case "four-post":
			w.add(new double[] { -45 - FOUR_POST_HALF, -45 + FOUR_POST_HALF });
			w.add(new double[] { 45 - FOUR_POST_HALF, 45 + FOUR_POST_HALF });
			return w;
		case "custom windows":
		case "custom":
			return parseWindows(custom);
		default:
			throw new TxmException("dac '" + dac + "' must be one of none, two-post, four-post, custom windows");
		}
	}

	/** Windows {@code a:b,c:d} in degrees. */
	public static List<double[]> parseWindows(String spec) {
		if (spec == null || spec.isBlank())
			throw new TxmException("dac_windows: no windows given for dac=custom windows; expected e.g. -60:60,120:150");
		List<double[]> w = new ArrayList<>();
		for (String part : spec.split("[,;\\s]+")) {
			if (part.isEmpty()) continue;
			String[] f = part.split(":");
			double a, b;
			try {
				if (f.length != 2) throw new NumberFormatException();
				a = Double.parseDouble(f[0]);
				b = Double.parseDouble(f[1]);
			}
			catch (NumberFormatException e) {
				throw new TxmException("dac_windows: '" + part + "' is not a window start:end in degrees");
			}
			if (!(b > a)) throw new TxmException("dac_windows: window '" + part + "' ends before it starts");
			w.add(new double[] { a, b });
		}
		return w;
	}

	/**
	 * Angles from {@code start} to {@code end}: {@code count} evenly spaced ones (ends included) when
	 * count > 0, else every {@code step} degrees from start (end included when on the grid); then only
	 * those inside a window (all when {@code windows} is empty). Rounded to 0.001 deg.
	 */
	public static double[] angles(double start, double end, double step, int count, List<double[]> windows) {
		if (!Double.isFinite(start) || !Double.isFinite(end) || !(end > start))
			throw new TxmException("angle_end (" + MacroCommand.number(end) + " deg) must be greater than angle_start ("
				+ MacroCommand.number(start) + " deg)");
		List<Double> all = new ArrayList<>();
		if (count > 0) {
			for (int i = 0; i < count; i++) all.add(count == 1 ? start : start + (end - start) * i / (count - 1));
		}
		else {
			if (!(step > 0) || !Double.isFinite(step))
				throw new TxmException("angle_step is " + MacroCommand.number(step) + " deg; expected a step > 0 (or angle_count > 0)");
			long n = (long) Math.floor((end - start) / step + 1e-9);
			if (n > 10_000_000) throw new TxmException("angle_step " + step + " deg gives " + n + " angles; expected fewer than ten million");
			for (long i = 0; i <= n; i++) all.add(start + i * step);
		}
		List<Double> kept = new ArrayList<>();
		for (double a : all) if (inside(a, windows)) kept.add(Math.round(a * 1000) / 1000.0);
		if (kept.isEmpty())
			throw new TxmException("no angle between " + MacroCommand.number(start) + " and " + MacroCommand.number(end)
				+ " deg falls in the open windows " + describe(windows));
		double[] out = new double[kept.size()];
		for (int i = 0; i < out.length; i++) out[i] = kept.get(i);
		return out;
	}

	/** True when {@code angle} lies in one of the windows (ends included), or there are no windows. */
	public static boolean inside(double angle, List<double[]> windows) {
		if (windows.isEmpty()) return true;
		for (double[] w : windows) if (angle >= w[0] - EPS && angle <= w[1] + EPS) return true;
		return false;
	}

	/** Windows as text, e.g. {@code [-38:38, 52:128]}. */
	public static String describe(List<double[]> windows) {
		if (windows.isEmpty()) return "[all]";
		List<String> s = new ArrayList<>();
		for (double[] w : windows) s.add(MacroCommand.number(w[0]) + ":" + MacroCommand.number(w[1]));
		return s.toString();
	}
}
