package org.txmsuite.acquire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.txmsuite.core.TxmException;

/**
 * Zone-plate (and optionally detector) positions as a function of energy, from measured focus points,
 * interpolated linearly between them. The zone plate's focal length grows in proportion to the energy
 * (f = D dr / lambda), so a piecewise-linear curve through a few measured foci is accurate across an
 * edge. Energies outside the measured range are refused: extrapolated focus is not trusted.
 */
public final class ZonePlateCalibration {
	/** Column order assumed for a calibration file without a header row. */
	public static final List<String> DEFAULT_AXES = List.of("zpz", "zpx", "zpy", "detz");

	private final double[] energies;
	private final Map<String, double[]> axes;

	private ZonePlateCalibration(double[] energies, Map<String, double[]> axes) {
		this.energies = energies;
		this.axes = axes;
	}

	/**
	 * A calibration from text: an existing file (columns energy_ev then axes, comma/space separated,
	 * optional header naming the axes, {@code #} comments), or a list {@code E:zpz,E:zpz,...}
	 * (also {@code E:zpz:zpx:zpy:detz}).
	 */
	public static ZonePlateCalibration parse(String spec) {
		if (spec == null || spec.isBlank()) return null;
		String s = spec.strip();
		Path file = null;
		try {
			if (!s.matches("[-+0-9.eE:,;\\s]+")) file = Path.of(s);
		}
		catch (InvalidPathException e) {
			file = null;
		}
		if (file != null) {
			if (!Files.isRegularFile(file))
				throw new TxmException("zp_calibration: '" + spec + "' is neither a file nor a list like 8300:-1234.5,8400:-1240.2");
			try {
				return fromRows(Files.readAllLines(file, StandardCharsets.UTF_8), "zp_calibration file " + file, "[,;\\s]+");
			}
			catch (IOException e) {
				throw new TxmException("zp_calibration: cannot read " + file + ": " + e.getMessage(), e);
			}
		}
		return fromRows(Arrays.asList(s.split("[,;\\s]+")), "zp_calibration", ":");
	}

	private static ZonePlateCalibration fromRows(List<String> rows, String what, String sep) {
		List<String> names = new ArrayList<>(DEFAULT_AXES);
		List<double[]> points = new ArrayList<>();
		int columns = -1;
		for (int i = 0; i < rows.size(); i++) {
			String r = rows.get(i).strip();
			if (r.isEmpty() || r.startsWith("#") || r.startsWith(";")) continue;
			String[] f = r.split(sep);
			if (points.isEmpty() && columns < 0 && !f[0].matches("[-+0-9.eE]+")) { // header row
				names = new ArrayList<>();
				for (int c = 1; c < f.length; c++) names.add(f[c].strip().toLowerCase(Locale.ROOT));
				columns = f.length;
				continue;
			}
			if (f.length < 2) throw new TxmException(what + ": entry '" + r + "' needs an energy and a zpz position");
			if (columns < 0) columns = f.length;
			if (f.length != columns || columns - 1 > names.size())
				throw new TxmException(what + ": entry '" + r + "' has " + f.length + " values; expected " + Math.min(columns, names.size() + 1));
			double[] p = new double[f.length];
			for (int c = 0; c < f.length; c++) {
				try {
					p[c] = Double.parseDouble(f[c].strip());
				}
				catch (NumberFormatException e) {
					throw new TxmException(what + ": '" + f[c] + "' in '" + r + "' is not a number");
				}
			}
			points.add(p);
		}
		if (points.size() < 2) throw new TxmException(what + ": needs at least two energies, found " + points.size());
		points.sort(Comparator.comparingDouble(p -> p[0]));
		double[] e = new double[points.size()];
		for (int i = 0; i < e.length; i++) {
			e[i] = points.get(i)[0];
			if (!(e[i] > 0)) throw new TxmException(what + ": energy " + e[i] + " eV must be positive");
			if (i > 0 && e[i] == e[i - 1]) throw new TxmException(what + ": energy " + MacroCommand.number(e[i]) + " eV appears twice");
		}
		Map<String, double[]> axes = new LinkedHashMap<>();
		for (int c = 1; c < columns; c++) {
			double[] v = new double[e.length];
			for (int i = 0; i < e.length; i++) v[i] = points.get(i)[c];
			axes.put(names.get(c - 1), v);
		}
		return new ZonePlateCalibration(e, axes);
	}

	/** The calibrated axes in order (zpz first unless a header said otherwise). */
	public List<String> axes() {
		return new ArrayList<>(axes.keySet());
	}

	public double minEnergy() {
		return energies[0];
	}

	public double maxEnergy() {
		return energies[energies.length - 1];
	}

	public boolean covers(double ev) {
		return ev >= energies[0] - 1e-6 && ev <= energies[energies.length - 1] + 1e-6;
	}

	/** Position of {@code axis} at {@code ev}, linearly interpolated, rounded to 1 nm (0.001 units). */
	public double position(String axis, double ev) {
		double[] v = axes.get(axis);
		if (v == null) throw new TxmException("zp_calibration has no axis '" + axis + "'; it has " + axes.keySet());
		if (!covers(ev))
			throw new TxmException("energy " + MacroCommand.number(ev) + " eV is outside the zone-plate calibration ("
				+ MacroCommand.number(minEnergy()) + " to " + MacroCommand.number(maxEnergy()) + " eV)");
		int hi = 1;
		while (hi < energies.length - 1 && energies[hi] < ev) hi++;
		int lo = hi - 1;
		double w = (ev - energies[lo]) / (energies[hi] - energies[lo]);
		return Math.round((v[lo] + w * (v[hi] - v[lo])) * 1000) / 1000.0;
	}
}
