package org.txmsuite.eos;

import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * Pressure-volume data with uncertainties: P (GPa), sigP, V and sigV, one entry per measurement.
 * A missing sigma is 0 (EosFit's rule). Volumes are absolute (A^3, nm^3, um^3, ...) or relative (V/V0).
 */
public final class EosData {
	/** Accepted column names (compared lower-case, ignoring spaces, underscores, hyphens and brackets). */
	static final String[] P_NAMES = { "p", "pressure", "pgpa", "pressuregpa" };
	static final String[] SIGP_NAMES = { "sigp", "sigmap", "esdp", "pesd", "dp", "sigpgpa", "sigmapgpa", "pressureesd",
		"pressureesdgpa", "pressuresigma", "pressuresigmagpa", "sigmapressuregpa", "pressureuncertaintygpa",
		"pressureuncertainty" };
	static final String[] V_NAMES = { "v", "volume", "vol", "volumeum3", "volumenm3", "volumea3", "vum3", "vnm3", "va3",
		"v/v0", "vv0", "relativevolume" };
	static final String[] SIGV_NAMES = { "sigv", "sigmav", "esdv", "vesd", "dv", "sigvum3", "sigvnm3", "sigva3",
		"uncertaintyum3", "uncertaintynm3", "uncertaintya3", "volumeuncertaintyum3", "volumeesd", "volumesigma",
		"volumeuncertainty", "sigmavolume", "sig(v/v0)", "sigv/v0" };

	private final double[] p, sigP, v, sigV;
	private final int[] rows;
	private final boolean relative;
	private final String volumeUnit;

	/**
	 * Data from arrays (sigmas may be null: all missing). {@code rows} numbers the entries for messages
	 * (null: 1..n). Checks every value: P and V finite, V &gt; 0, sigmas finite and &ge; 0 (NaN means missing).
	 */
	public EosData(double[] p, double[] sigP, double[] v, double[] sigV, boolean relative, String volumeUnit, int[] rows) {
		int n = p.length;
		if (v.length != n) throw new TxmException("EOS data: " + n + " pressures but " + v.length + " volumes");
		this.p = p.clone();
		this.v = v.clone();
		this.sigP = sigP == null ? new double[n] : sigP.clone();
		this.sigV = sigV == null ? new double[n] : sigV.clone();
		this.rows = rows == null ? defaultRows(n) : rows.clone();
		this.relative = relative;
		this.volumeUnit = volumeUnit == null ? (relative ? "V/V0" : "A^3") : volumeUnit;
		if (n == 0) throw new TxmException("EOS data: no rows; expected pressure-volume measurements");
		for (int i = 0; i < n; i++) {
			int r = this.rows[i];
			if (!Double.isFinite(p[i])) throw new TxmException("EOS data row " + r + ": pressure is " + p[i] + ", expected a finite number");
			if (!Double.isFinite(v[i])) throw new TxmException("EOS data row " + r + ": volume is " + v[i] + ", expected a finite number");
			if (v[i] <= 0) throw new TxmException("EOS data row " + r + ": volume is " + v[i] + ", expected a positive volume");
			this.sigP[i] = sigma(this.sigP[i], "sigP", r);
			this.sigV[i] = sigma(this.sigV[i], "sigV", r);
		}
	}

	private static double sigma(double s, String name, int row) {
		if (Double.isNaN(s)) return 0;
		if (!(s >= 0) || Double.isInfinite(s))
			throw new TxmException("EOS data row " + row + ": " + name + " is " + s + ", expected a non-negative uncertainty (or empty)");
		return s;
	}

	private static int[] defaultRows(int n) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++) r[i] = i + 1;
		return r;
	}

	/**
	 * Data from a table. Columns are found by name, case-insensitive, ignoring spaces, underscores, hyphens
	 * and brackets: pressure {@code P}, {@code pressure}, {@code pressure_gpa}; volume {@code V}, {@code volume},
	 * {@code volume_um3}, {@code volume_nm3}, {@code volume_A3}, or relative {@code V/V0}; their uncertainties
	 * {@code sigP}, {@code sigma_P}, {@code esd_P}, {@code pressure_esd_gpa}, {@code pressure_uncertainty_gpa} and
	 * {@code sigV}, {@code sigma_V}, {@code esd_V}, {@code uncertainty_um3}, {@code volume_uncertainty}. The
	 * segmentation stage's volumes table (with {@code pressure_gpa} added) thus feeds the fitter directly.
	 * Uncertainty columns are optional; empty or NaN cells in them mean "not known" (0).
	 *
	 * @param volumeUnit "auto" (from the column name: um3, nm3, V/V0, otherwise A^3), "A^3", "nm^3", "um^3",
	 *        "cm^3/mol" or "V/V0" (relative volumes)
	 */
	public static EosData fromTable(ResultsTable t, String volumeUnit) {
		if (t == null) throw new TxmException("EOS table: no table given; expected columns P, sigP, V, sigV");
		String[] headings = t.getHeadings();
		String pc = find(headings, P_NAMES), vc = find(headings, V_NAMES);
		if (pc == null || vc == null)
			throw new TxmException("EOS table: no " + (pc == null ? "pressure" : "volume") + " column among ["
				+ String.join(", ", realHeadings(headings)) + "]; expected " + (pc == null
					? "P, pressure or pressure_gpa" : "V, volume, volume_um3 or V/V0") + " (plus optional sigP and sigV)");
		String spc = find(headings, SIGP_NAMES), svc = find(headings, SIGV_NAMES);
		int n = t.size();
		double[] p = new double[n], v = new double[n], sp = new double[n], sv = new double[n];
		for (int i = 0; i < n; i++) {
			p[i] = t.getValue(pc, i);
			v[i] = t.getValue(vc, i);
			sp[i] = spc == null ? 0 : t.getValue(spc, i);
			sv[i] = svc == null ? 0 : t.getValue(svc, i);
		}
		String unit = unit(volumeUnit, vc);
		return new EosData(p, sp, v, sv, unit.equals("V/V0"), unit, null);
	}

	private static String unit(String requested, String column) {
		String r = requested == null ? "auto" : requested.trim();
		if (!r.isEmpty() && !r.equalsIgnoreCase("auto")) {
			for (String u : new String[] { "A^3", "nm^3", "um^3", "cm^3/mol", "V/V0" }) if (u.equalsIgnoreCase(r)) return u;
			throw new TxmException("volume unit '" + requested + "' is not known; expected auto, A^3, nm^3, um^3, cm^3/mol or V/V0");
		}
		String c = norm(column);
		if (c.contains("um3")) return "um^3";
		if (c.contains("nm3")) return "nm^3";
		if (c.equals("v/v0") || c.equals("vv0") || c.startsWith("relative")) return "V/V0";
		return "A^3";
	}

	private static List<String> realHeadings(String[] headings) {
		List<String> out = new ArrayList<>();
		for (String h : headings) if (h != null && !h.isBlank()) out.add(h);
		return out;
	}

	static String norm(String s) {
		return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\\[\\]()'\"]", "").replace("å", "a").replace("µ", "u");
	}

	/** The first heading (in the order of the accepted names) that matches one of the names. */
	private static String find(String[] headings, String[] names) {
		for (String name : names)
			for (String h : headings) if (h != null && norm(h).equals(norm(name))) return h;
		return null;
	}

	public int size() {
		return p.length;
	}

	public double pressure(int i) {
		return p[i];
	}

	public double sigmaP(int i) {
		return sigP[i];
	}

	public double volume(int i) {
		return v[i];
	}

	public double sigmaV(int i) {
		return sigV[i];
	}

	/** The entry's number in the input (1-based table row). */
	public int row(int i) {
		return rows[i];
	}

	/** True when volumes are V/V0. */
	public boolean relative() {
		return relative;
	}

	/** Volume unit label: A^3, nm^3, um^3, cm^3/mol or V/V0. */
	public String volumeUnit() {
		return volumeUnit;
	}

	/** The entries with pMin &le; P &le; pMax. */
	public EosData range(double pMin, double pMax) {
		List<Integer> keep = new ArrayList<>();
		for (int i = 0; i < p.length; i++) if (p[i] >= pMin && p[i] <= pMax) keep.add(i);
		if (keep.isEmpty())
			throw new TxmException("pressure range " + pMin + " to " + pMax + " GPa holds no data; the data span "
				+ Arrays.stream(p).min().getAsDouble() + " to " + Arrays.stream(p).max().getAsDouble() + " GPa");
		int n = keep.size();
		double[] a = new double[n], b = new double[n], c = new double[n], d = new double[n];
		int[] r = new int[n];
		for (int k = 0; k < n; k++) {
			int i = keep.get(k);
			a[k] = p[i];
			b[k] = sigP[i];
			c[k] = v[i];
			d[k] = sigV[i];
			r[k] = rows[i];
		}
		return new EosData(a, b, c, d, relative, volumeUnit, r);
	}
}
