package org.txmsuite.stage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.txmsuite.core.FrameKind;
import org.txmsuite.core.MetadataCodec;
import org.txmsuite.core.TxmException;
import org.txmsuite.io.AtomicFiles;

/**
 * {@code run_log.csv}: one row per completed collection ({@code index,file,kind,angle_deg,energy_ev,
 * exposure_s,time}), appended as a whole line and forced to disk after the frame file is in place, so
 * an interrupted run leaves a log that lists exactly the frames that exist (a torn last line is
 * dropped when the log is read back).
 */
public final class RunLog {
	public static final String FILE = "run_log.csv";
	public static final String HEADER = "index,file,kind,angle_deg,energy_ev,exposure_s,time";

	/** One collection. */
	public static final class Row {
		public final int index;
		public final String file;
		public final FrameKind kind;
		public final double angleDeg, energyEv, exposureS;
		public final String time;

		public Row(int index, String file, FrameKind kind, double angleDeg, double energyEv, double exposureS, String time) {
			this.index = index;
			this.file = file;
			this.kind = kind;
			this.angleDeg = angleDeg;
			this.energyEv = energyEv;
			this.exposureS = exposureS;
			this.time = time;
		}

		String line() {
			return index + "," + file + "," + kind.label() + "," + MetadataCodec.num(angleDeg) + "," + MetadataCodec.num(energyEv) + ","
				+ MetadataCodec.num(exposureS) + "," + time;
		}

		static Row parse(String line) {
			String[] c = line.split(",", -1);
			if (c.length != 7 || c[6].isEmpty()) return null;
			try {
				return new Row(Integer.parseInt(c[0]), c[1], FrameKind.fromLabel(c[2]), MetadataCodec.parse(c[3]), MetadataCodec.parse(c[4]),
					MetadataCodec.parse(c[5]), c[6]);
			}
			catch (RuntimeException e) {
				return null;
			}
		}
	}

	private final Path path;

	public RunLog(Path dir) {
		this.path = dir.resolve(FILE);
	}

	public Path path() {
		return path;
	}

	/** Complete rows of an existing log by collection index (later rows win); empty if there is none. */
	public Map<Integer, Row> read() {
		Map<Integer, Row> rows = new TreeMap<>();
		if (!Files.isRegularFile(path)) return rows;
		try {
			String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
			String[] lines = text.split("\n", -1);
			// the last element is what follows the last newline: a torn line if not empty
			for (int i = 1; i < lines.length - 1; i++) {
				Row r = Row.parse(lines[i].trim());
				if (r != null) rows.put(r.index, r);
			}
		}
		catch (IOException e) {
			throw new TxmException("cannot read run log " + path + ": " + e.getMessage(), e);
		}
		return rows;
	}

	/** Replaces the log (atomically) by these rows. */
	public void rewrite(Iterable<Row> rows) {
		StringBuilder b = new StringBuilder(HEADER).append('\n');
		for (Row r : rows) b.append(r.line()).append('\n');
		try {
			AtomicFiles.write(path, tmp -> Files.write(tmp, b.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new TxmException("cannot write run log " + path + ": " + e.getMessage(), e);
		}
	}

	/** Appends one complete line and forces it to disk. */
	public void append(Row r) {
		byte[] line = (r.line() + "\n").getBytes(StandardCharsets.UTF_8);
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			ByteBuffer buf = ByteBuffer.wrap(line);
			while (buf.hasRemaining()) ch.write(buf);
			ch.force(true);
		}
		catch (IOException e) {
			throw new TxmException("cannot append to run log " + path + ": " + e.getMessage(), e);
		}
	}

	/** All rows in index order. */
	public List<Row> rows() {
		return new ArrayList<>(read().values());
	}
}
