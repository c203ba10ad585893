package org.txmsuite.xanes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * Reads spectrum tables: CSV or whitespace-separated text (first column energy in eV or keV, one
 * column per spectrum, an optional header row or '#' comment header), and XDI files (the
 * {@code mutrans}/{@code mu} column, or {@code ln(i0/itrans)}).
 */
public final class SpectrumFiles {
	private SpectrumFiles() {}

	public static SpectrumTable read(Path path) {
		if (!Files.isRegularFile(path)) throw new TxmException("spectrum file not found: " + path);
		List<String> lines;
		try {
			lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new TxmException("cannot read spectrum file " + path + ": " + e.getMessage(), e);
		}
		String base = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		boolean xdi = !lines.isEmpty() && lines.get(0).trim().toUpperCase(Locale.ROOT).startsWith("# XDI");
		List<String> xdiColumns = new ArrayList<>();
		String lastComment = null, header = null;
		List<double[]> rows = new ArrayList<>();
		int ncol = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) continue;
			if (line.startsWith("#")) {
				String c = line.substring(1).trim();
				if (xdi && c.toLowerCase(Locale.ROOT).startsWith("column.")) {
					int colon = c.indexOf(':');
					if (colon > 0) xdiColumns.add(c.substring(colon + 1).trim().split("\\s+")[0]);
				}
				if (rows.isEmpty()) lastComment = c;
				continue;
			}
			String[] cells = split(line);
			double[] row = new double[cells.length];
			boolean numeric = true;
			for (int c = 0; c < cells.length && numeric; c++) {
				try {
					row[c] = Double.parseDouble(cells[c].trim());
				}
				catch (NumberFormatException e) {
					numeric = false;
				}
			}
			if (!numeric) {
				if (rows.isEmpty() && header == null) { header = line; continue; }
				throw new TxmException("spectrum file " + path + " line " + (i + 1) + ": '" + line
					+ "' is not numeric; expected energy and spectrum values");
			}
			if (ncol < 0) ncol = row.length;
			else if (row.length != ncol)
				throw new TxmException("spectrum file " + path + " line " + (i + 1) + ": " + row.length + " columns, expected " + ncol);
			rows.add(row);
		}
		if (rows.isEmpty()) throw new TxmException("spectrum file " + path + " holds no numbers; expected energy and spectrum columns");
		if (ncol < 2) throw new TxmException("spectrum file " + path + " has one column; expected energy and at least one spectrum");
		List<String> names = null;
		if (header != null) names = List.of(split(header));
		else if (xdi && xdiColumns.size() == ncol) names = xdiColumns;
		else if (lastComment != null && lastComment.split("\\s+").length == ncol) names = List.of(lastComment.split("\\s+"));
		double[] energy = new double[rows.size()];
		for (int r = 0; r < energy.length; r++) energy[r] = rows.get(r)[0];
		EnergyGrid.toEv(energy);
		EnergyGrid.check(energy, "spectrum file " + path);
		if (xdi) return xdiSpectrum(path, base, names, rows, energy);
		String[] n = new String[ncol - 1];
		double[][] v = new double[ncol - 1][energy.length];
		for (int c = 1; c < ncol; c++) {
			n[c - 1] = ncol == 2 ? base : names != null ? names.get(c).trim() : base + "_" + c;
			for (int r = 0; r < energy.length; r++) v[c - 1][r] = rows.get(r)[c];
		}
		return new SpectrumTable(path.toString(), energy, n, v);
	}

	private static SpectrumTable xdiSpectrum(Path path, String base, List<String> names, List<double[]> rows, double[] energy) {
		if (names == null) throw new TxmException("XDI file " + path + " does not name its columns ('# Column.N: name' lines)");
		int mu = -1, i0 = -1, it = -1;
		for (int c = 1; c < names.size(); c++) {
			String n = names.get(c).toLowerCase(Locale.ROOT);
			if (mu < 0 && (n.equals("mutrans") || n.equals("mu") || n.equals("mutrans_0"))) mu = c;
			if (n.equals("i0")) i0 = c;
			if (n.equals("itrans") || n.equals("it") || n.equals("i1")) it = c;
		}
		double[] v = new double[energy.length];
		if (mu >= 0) for (int r = 0; r < v.length; r++) v[r] = rows.get(r)[mu];
		else if (i0 >= 0 && it >= 0) for (int r = 0; r < v.length; r++) v[r] = Math.log(rows.get(r)[i0] / rows.get(r)[it]);
		else throw new TxmException("XDI file " + path + " has columns " + names + "; expected 'mutrans' or 'i0' and 'itrans'");
		return new SpectrumTable(path.toString(), energy, new String[] { base }, new double[][] { v });
	}

	private static String[] split(String line) {
		String[] cells = line.indexOf(',') >= 0 ? line.split(",", -1) : line.split("\\s+");
		for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim().replaceAll("^\"|\"$", "");
		return cells;
	}
}
