package org.txmsuite.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.txmsuite.core.TxmException;

/**
 * The {@code angles=} syntax: {@code start:stop:step} (stop included when on the grid), a comma list, or
 * a text file with one angle per line (the first number on each line; lines without one are skipped);
 * blank means the stack's own metadata.
 */
public final class AngleList {
	private AngleList() {}

	/** Parses {@code spec} for a stack of {@code count} frames whose metadata angles are {@code metadata}. */
	public static double[] parse(String spec, int count, double[] metadata) {
		double[] a;
		String s = spec == null ? "" : spec.trim();
		if (s.isEmpty()) {
			a = metadata == null ? new double[0] : metadata.clone();
			for (int i = 0; i < a.length; i++)
				if (!Double.isFinite(a[i]))
					throw new TxmException("angles: the stack has no angle for frame " + i + "; give angles=\"start:stop:step\", a comma list or a file");
		} else if (Files.isRegularFile(path(s))) a = file(path(s));
		else if (s.contains(":")) a = range(s);
		else a = list(s);
		if (a.length != count)
			throw new TxmException("angles: " + a.length + " values from '" + s + "' for " + count + " frames; expected one angle per frame");
		return a;
	}

	private static Path path(String s) {
		try {
			return Paths.get(s);
		} catch (RuntimeException e) {
			return Paths.get("");
		}
	}

	private static double[] range(String s) {
		String[] p = s.split(":");
		if (p.length != 3) throw new TxmException("angles: '" + s + "' is not start:stop:step");
		double a = number(p[0], s), b = number(p[1], s), st = number(p[2], s);
		if (st == 0 || (b - a) / st < 0) throw new TxmException("angles: step " + st + " does not lead from " + a + " to " + b);
		int n = (int) Math.floor((b - a) / st + 1e-9) + 1;
		double[] o = new double[n];
		for (int i = 0; i < n; i++) o[i] = a + i * st;
		return o;
	}

	private static double[] list(String s) {
		String[] p = s.split("[,;\\s]+");
		double[] o = new double[p.length];
		for (int i = 0; i < p.length; i++) o[i] = number(p[i], s);
		return o;
	}

	private static double[] file(Path f) {
		List<Double> v = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(f)) {
				for (String t : line.trim().split("[,;\\s]+")) {
					try {
						v.add(Double.parseDouble(t));
						break;
					} catch (NumberFormatException e) {
						// not a number: try the next token
					}
				}
			}
		} catch (IOException e) {
			throw new TxmException("angles: cannot read " + f + ": " + e.getMessage(), e);
		}
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static double number(String t, String all) {
		try {
			return Double.parseDouble(t.trim());
		} catch (NumberFormatException e) {
			throw new TxmException("angles: '" + t.trim() + "' in '" + all + "' is not a number");
		}
	}
}
