package org.txmsuite.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.txmsuite.acquire.FrameNames;
import org.txmsuite.acquire.MacroCommand;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * Runs an acquisition macro against an {@link Instrument}: moves (put-completion, then {@code DMOV}),
 * energy, exposure and binning, waits, and collections saved under the names the macro gives, with
 * {@code run_log.csv} beside them.
 * <p>
 * Before anything moves, every move is checked against the axis soft limits and every collect name
 * for a known format and uniqueness. A run in a folder that already holds part of the same scan
 * resumes: collections whose files exist are kept (a file written just before an interruption but
 * not yet logged is logged from its own metadata), the rest are taken; stale temporary files are
 * removed. The instrument is brought to the state the macro prescribes for the first missing
 * collection (last commanded position of every axis, energy, exposure, binning) without repeating
 * the moves of collections already done. So every collect ends up as exactly one file and one log row.
 */
public final class ScanRunner {
	/** Result of a run. */
	public static final class Result {
		public final int collections, collected, resumed;
		public final List<RunLog.Row> log;

		Result(int collections, int collected, int resumed, List<RunLog.Row> log) {
			this.collections = collections;
			this.collected = collected;
			this.resumed = resumed;
			this.log = log;
		}
	}

	private final Instrument inst;
	private final FrameFiles files;
	private double pixelSizeNm = Double.NaN;
	private double waitScale = 1;
	private ScanControl control = new ScanControl();
	private IntConsumer afterCollect = i -> {};

	public ScanRunner(Instrument instrument, FrameFiles files) {
		this.inst = instrument;
		this.files = files;
	}

	/** Pixel size written into frame files (nm); NaN if unknown. */
	public ScanRunner pixelSizeNm(double nm) {
		pixelSizeNm = nm;
		return this;
	}

	/** Real seconds per macro {@code wait} second (1/speed for a fast simulator). */
	public ScanRunner waitScale(double s) {
		waitScale = s;
		return this;
	}

	public ScanRunner control(ScanControl c) {
		control = c;
		return this;
	}

	/** Called with the collection index after each frame is saved and logged. */
	public ScanRunner afterCollect(IntConsumer c) {
		afterCollect = c;
		return this;
	}

	/** Runs (or resumes) the macro, writing into {@code dir}. */
	public Result run(List<MacroCommand> commands, Path dir, Progress progress) {
		Progress p = progress == null ? Progress.NONE : progress;
		List<Integer> collectAt = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < commands.size(); i++) {
			MacroCommand c = commands.get(i);
			if (c.kind() != MacroCommand.Kind.COLLECT) continue;
			String name = files.fileName(c.file(), c.line());
			Integer before = seen.put(name.toLowerCase(java.util.Locale.ROOT), c.line());
			if (before != null)
				throw new TxmException("line " + c.line() + ": collect '" + c.file() + "' repeats the file name of line " + before
					+ "; every collection needs its own file");
			collectAt.add(i);
			names.add(name);
		}
		checkLimits(commands);
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new TxmException("cannot create output folder " + dir + ": " + e.getMessage(), e);
		}
		removeStaleTemporaries(dir);
		RunLog log = new RunLog(dir);
		Map<Integer, RunLog.Row> done = reconcile(log, dir, names);
		int total = names.size(), resumed = done.size();

		// Does instruction i lead up to a collection that is already done (skip its moves)?
		boolean[] skip = new boolean[commands.size()];
		boolean next = true;
		for (int i = commands.size() - 1, k = total - 1; i >= 0; i--) {
			if (commands.get(i).kind() == MacroCommand.Kind.COLLECT) next = done.containsKey(k--);
			skip[i] = next;
		}
		State s = new State();
		s.angle = safePosition("t");
		s.energy = safePosition("energy");
		int collected = 0, index = 0;
		long t0 = System.nanoTime();
		p.report(resumed, total, resumed > 0 ? "resuming: " + resumed + " of " + total + " frames already there" : "starting");
		for (int i = 0; i < commands.size(); i++) {
			control.checkpoint();
			p.checkCancelled();
			MacroCommand c = commands.get(i);
			switch (c.kind()) {
				case MOVE:
				case SET_ENERGY: {
					String axis = c.kind() == MacroCommand.Kind.SET_ENERGY ? "energy" : c.axis();
					s.pending.remove(axis);
					s.pending.put(axis, c.value());
					if (axis.equals("t")) s.angle = c.value();
					if (axis.equals("energy")) s.energy = c.value();
					if (!skip[i]) s.flush(c);
					break;
				}
				case SET_EXPOSURE:
					s.exposure = c.value();
					break;
				case SET_BINNING:
					s.binning = (int) Math.round(c.value());
					break;
				case WAIT:
					if (!skip[i]) {
						s.flush(c);
						sleep(c.value() * waitScale);
					}
					break;
				case COLLECT: {
					int k = index++;
					if (done.containsKey(k)) break;
					s.flush(c);
					String name = names.get(k);
					RunLog.Row row = collect(c, k, name, dir, s);
					log.append(row);
					done.put(k, row);
					collected++;
					double per = (System.nanoTime() - t0) * 1e-9 / collected;
					int left = total - done.size();
					p.report(done.size(), total, "frame " + done.size() + "/" + total + " " + name + ", about " + Math.round(per * left) + " s left");
					afterCollect.accept(k);
					break;
				}
				default:
					throw new TxmException("line " + c.line() + ": instruction " + c.kind() + " is not supported");
			}
		}
		p.report(total, total, "done: " + collected + " frames taken, " + resumed + " already there");
		return new Result(total, collected, resumed, log.rows());
	}

	/** The instrument state the macro has commanded, applied lazily. */
	private final class State {
		final Map<String, Double> pending = new LinkedHashMap<>();
		double angle, energy, exposure = Double.NaN, appliedExposure = Double.NaN;
		int binning = 0, appliedBinning = 0;
		Boolean shutterOpen;

		void flush(MacroCommand at) {
			for (Map.Entry<String, Double> m : pending.entrySet()) {
				try {
					inst.move(m.getKey(), m.getValue());
				}
				catch (TxmException e) {
					throw new TxmException("line " + at.line() + " (" + at.toMacroLine() + "): moving " + m.getKey() + " to "
						+ m.getValue() + " failed: " + e.getMessage() + "; frames taken so far are kept, run again to resume", e);
				}
			}
			pending.clear();
		}
	}

	private RunLog.Row collect(MacroCommand c, int k, String name, Path dir, State s) {
		FrameKind kind = FrameNames.decode(c.file()).kind();
		try {
			if (!Double.isNaN(s.exposure) && s.exposure != s.appliedExposure) {
				inst.setExposure(s.exposure);
				s.appliedExposure = s.exposure;
			}
			if (s.binning > 0 && s.binning != s.appliedBinning) {
				inst.setBinning(s.binning);
				s.appliedBinning = s.binning;
			}
			boolean open = kind != FrameKind.DARK;
			if (s.shutterOpen == null || s.shutterOpen != open) {
				inst.setShutter(open);
				s.shutterOpen = open;
			}
			Instrument.Frame f = inst.acquire();
			String time = Instant.now().toString();
			FrameInfo info = new FrameInfo(kind, s.angle, s.energy, s.exposure).name(name);
			for (String axis : new String[] { "x", "y", "z", "t" }) {
				double v = safePosition(axis);
				if (!Double.isNaN(v)) info.position(axis, v);
			}
			files.write(dir.resolve(name), f, info, pixelSizeNm);
			return new RunLog.Row(k, name, kind, s.angle, s.energy, s.exposure, time);
		}
		catch (TxmException e) {
			throw new TxmException("line " + c.line() + " (collect " + c.file() + ", frame " + (k + 1) + "): " + e.getMessage()
				+ "; frames taken so far are kept, run again to resume", e);
		}
	}

	private double safePosition(String axis) {
		try {
			return inst.position(axis);
		}
		catch (TxmException e) {
			return Double.NaN;
		}
	}

	/** Every move and energy inside the soft limits, every axis answering: checked before anything moves. */
	private void checkLimits(List<MacroCommand> commands) {
		Map<String, double[]> limits = new HashMap<>();
		for (MacroCommand c : commands) {
			String axis;
			if (c.kind() == MacroCommand.Kind.MOVE) axis = c.axis();
			else if (c.kind() == MacroCommand.Kind.SET_ENERGY) axis = "energy";
			else {
				if ((c.kind() == MacroCommand.Kind.SET_EXPOSURE && !(c.value() > 0)) || (c.kind() == MacroCommand.Kind.SET_BINNING && c.value() < 1))
					throw new TxmException("line " + c.line() + ": " + c.toMacroLine() + " needs a positive value; nothing was moved");
				continue;
			}
			double[] lim = limits.computeIfAbsent(axis, a -> {
				try {
					return inst.limits(a);
				}
				catch (TxmException e) {
					throw new TxmException("line " + c.line() + ": axis '" + a + "' is not available (" + e.getMessage() + "); nothing was moved", e);
				}
			});
			if (lim[1] > lim[0] && (c.value() < lim[0] || c.value() > lim[1]))
				throw new TxmException("line " + c.line() + ": " + c.toMacroLine() + " is beyond the soft limits of axis " + axis + " ("
					+ lim[0] + " .. " + lim[1] + "); nothing was moved");
		}
	}

	private static void removeStaleTemporaries(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			for (Path f : (Iterable<Path>) s::iterator) {
				String n = f.getFileName().toString();
				if (n.startsWith(".") && n.contains(".part-")) Files.deleteIfExists(f);
			}
		}
		catch (IOException e) {
			throw new TxmException("cannot clean temporary files in " + dir + ": " + e.getMessage(), e);
		}
	}

	/** The collections already done: logged with their file present, or present and not logged (recovered). */
	private Map<Integer, RunLog.Row> reconcile(RunLog log, Path dir, List<String> names) {
		Map<Integer, RunLog.Row> logged = log.read();
		Map<Integer, RunLog.Row> done = new java.util.TreeMap<>();
		for (int k = 0; k < names.size(); k++) {
			Path f = dir.resolve(names.get(k));
			if (!Files.isRegularFile(f)) continue;
			RunLog.Row r = logged.get(k);
			if (r != null && r.file.equals(names.get(k))) {
				done.put(k, r);
				continue;
			}
			FrameStack st = FrameFiles.read(f);
			FrameInfo info = st.info(0);
			String time;
			try {
				time = Files.getLastModifiedTime(f).toInstant().toString();
			}
			catch (IOException e) {
				time = Instant.now().toString();
			}
			done.put(k, new RunLog.Row(k, names.get(k), info.kind(), info.angleDeg(), info.energyEv(), info.exposureS(), time));
		}
		log.rewrite(done.values());
		return done;
	}

	private static void sleep(double seconds) {
		if (!(seconds > 0)) return;
		try {
			Thread.sleep(Math.round(seconds * 1000));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new org.txmsuite.core.CancelledException();
		}
	}
}
