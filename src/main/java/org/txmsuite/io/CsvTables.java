package org.txmsuite.io;

import ij.measure.ResultsTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.txmsuite.core.MetadataCodec;
import org.txmsuite.core.TxmException;

/**
 * CSV in and out for ImageJ {@link ResultsTable}s, the table type commands hand around (macros read
 * them as Results tables). Numbers are written in round-trip form; text cells are quoted when needed.
 */
public final class CsvTables {
	private CsvTables() {}

	public static void write(ResultsTable t, Path path) throws IOException {
		AtomicFiles.write(path, tmp -> {
			try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				String[] headings = t.getHeadings();
				List<String> cols = new ArrayList<>();
				for (String h : headings) if (!h.equals(" ") && !h.equals("Label")) cols.add(h);
				boolean label = t.getColumnIndex("Label") != ResultsTable.COLUMN_NOT_FOUND && hasLabels(t);
				if (label) cols.add(0, "Label");
				w.write(String.join(",", cols));
				w.write('\n');
				for (int r = 0; r < t.size(); r++) {
					for (int c = 0; c < cols.size(); c++) {
						if (c > 0) w.write(',');
						w.write(cell(t, cols.get(c), r));
					}
					w.write('\n');
				}
			}
		});
	}

	private static boolean hasLabels(ResultsTable t) {
		for (int r = 0; r < t.size(); r++) if (t.getLabel(r) != null) return true;
		return false;
	}

	private static String cell(ResultsTable t, String col, int r) {
		if (col.equals("Label")) return quote(t.getLabel(r));
		double v = t.getValue(col, r);
		if (Double.isNaN(v)) {
			String s = t.getStringValue(col, r);
			if (s != null && !s.isEmpty() && !s.equalsIgnoreCase("NaN")) return quote(s);
			return "NaN";
		}
		return MetadataCodec.num(v);
	}

	private static String quote(String s) {
		if (s == null) return "";
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/**
	 * Reads a CSV with a header row. Cells that parse as numbers become numeric values, others text.
	 * Errors name the file and line.
	 */
	public static ResultsTable read(Path path) {
		if (!Files.isRegularFile(path)) throw new TxmException("table file not found: " + path);
		List<String> lines;
		try {
			lines = Files.readAllLines(path, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new TxmException("cannot read table " + path + ": " + e.getMessage(), e);
		}
		int first = 0;
		while (first < lines.size() && (lines.get(first).isBlank() || lines.get(first).startsWith("#"))) first++;
		if (first >= lines.size()) throw new TxmException("table " + path + " is empty: expected a header row");
		List<String> header = split(lines.get(first));
		ResultsTable t = new ResultsTable();
		for (int i = first + 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) continue;
			List<String> cells = split(line);
			if (cells.size() != header.size())
				throw new TxmException("table " + path + " line " + (i + 1) + ": " + cells.size() + " cells, expected "
					+ header.size() + " (" + String.join(",", header) + ")");
			t.incrementCounter();
			for (int c = 0; c < cells.size(); c++) {
				String h = header.get(c).trim(), s = cells.get(c).trim();
				try {
					t.addValue(h, MetadataCodec.parse(s));
				}
				catch (NumberFormatException e) {
					t.addValue(h, s);
				}
			}
		}
		return t;
	}

	static List<String> split(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean q = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (q) {
				if (ch == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
					else q = false;
				}
				else cur.append(ch);
			}
			else if (ch == '"') q = true;
			else if (ch == ',') { out.add(cur.toString()); cur.setLength(0); }
			else cur.append(ch);
		}
		out.add(cur.toString());
		return out;
	}
}
