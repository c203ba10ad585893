package org.txmsuite.stage;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.acquire.MacroCommand;
import org.txmsuite.acquire.MacroParser;
import org.txmsuite.core.CancelledException;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;
import org.txmsuite.sim.ScanSimulator;

/** Macros run through Channel Access against the simulator: content, limits, faults, resume. */
@Timeout(120)
class ScanRunnerTest {
	static final double[] ANGLES = { -60, 0, 60 };

	@TempDir
	Path dir;

	final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
	}

	InstrumentSimulator sim() {
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.width = 64;
		c.height = 64;
		c.speed = 100;
		c.runoutPx = 2;
		c.supersample = 4;
		InstrumentSimulator s = InstrumentSimulator.start(c);
		open.add(s);
		return s;
	}

	CaInstrument client(InstrumentSimulator s) {
		CaInstrument ca = new CaInstrument(s.prefix(), s.port(), 5);
		open.add(ca);
		return ca;
	}

	/** A small tomography: dark, reference (sample moved out), three angles, reference. */
	static List<MacroCommand> tomo(String ext) {
		StringBuilder m = new StringBuilder(";; test tomography\nsete 8500\nsetexp 0.2\nsetbinning 1\n");
		m.append("collect rep01_dark_00000_S_08500.00_eV_001of001").append(ext).append('\n');
		m.append("moveto x 3000\ncollect rep01_ref_00001_S_08500.00_eV_001of001").append(ext).append("\nmoveto x 0\n");
		int i = 2;
		for (double a : ANGLES)
			m.append(String.format(java.util.Locale.ROOT, "moveto t %.1f\nwait 0.5\ncollect rep01_%05d_S_%07.2f_Degree_08500.00_eV_001of001%s\n", a, i++, a, ext));
		m.append("moveto x 3000\ncollect rep01_ref_").append(String.format("%05d", i)).append("_S_08500.00_eV_001of001").append(ext).append('\n');
		return MacroParser.parse(m.toString()).commands();
	}

	static long files(Path d, String suffix) throws Exception {
		try (Stream<Path> s = Files.list(d)) {
			return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
		}
	}

	@Test
	void tomographyThroughCaMatchesThePhantomWithinNoise() throws Exception {
		InstrumentSimulator s = sim();
		ScanRunner.Result r = new ScanRunner(client(s), new FrameFiles(false)).pixelSizeNm(s.pixelUm() * 1000).waitScale(0.01)
			.run(tomo(".xrm"), dir, null);
		assertEquals(6, r.collections);
		assertEquals(6, r.collected);
		assertEquals(6, files(dir, ".xrm"));
		List<String> log = Files.readAllLines(dir.resolve(RunLog.FILE));
		assertEquals(RunLog.HEADER, log.get(0));
		assertEquals(7, log.size());

		FrameStack dark = FrameFiles.read(dir.resolve(r.log.get(0).file));
		FrameStack ref = FrameFiles.read(dir.resolve(r.log.get(1).file));
		assertEquals(FrameKind.DARK, r.log.get(0).kind);
		assertEquals(FrameKind.FLAT, r.log.get(1).kind);
		List<InstrumentSimulator.Runout> runout = s.runout();
		assertEquals(ANGLES.length, runout.size(), "one run-out per rotation move");
		// an independent forward model: finer supersampling than the simulator's
		ScanSimulator truth = new ScanSimulator(InstrumentSimulator.phantom("dac-cube")).detector(64, 64, s.pixelUm()).supersample(8);
		for (int k = 0; k < ANGLES.length; k++) {
			RunLog.Row row = r.log.get(2 + k);
			assertEquals(FrameKind.SAMPLE, row.kind);
			assertEquals(ANGLES[k], row.angleDeg, 1e-9);
			assertEquals(8500, row.energyEv, 1e-9);
			assertEquals(0.2, row.exposureS, 1e-12);
			FrameStack f = FrameFiles.read(dir.resolve(row.file));
			FrameInfo info = f.info(0);
			assertEquals(ANGLES[k], info.angleDeg(), 1e-4, "angle in the .xrm");
			assertEquals(8500, info.energyEv(), 1e-2, "energy in the .xrm");
			InstrumentSimulator.Runout ro = runout.get(k);
			assertEquals(ANGLES[k], ro.angleDeg, 1e-9);
			float[] expected = truth.absorbance(ANGLES[k], ro.dxPx, ro.dyPx);
			float[] unshifted = truth.absorbance(ANGLES[k], 0, 0);
			double chi2 = 0, chi2Unshifted = 0, signal = 0;
			int n = 0;
			float[] px = f.pixels(0), fl = ref.pixels(0), dk = dark.pixels(0);
			for (int i = 0; i < px.length; i++) {
				double sig = px[i] - dk[i], open = fl[i] - dk[i], t = sig / open;
				if (!(t > 0.05)) continue; // photon-starved pixels (the Pt shell edge-on) carry little information
				double a = -Math.log(t);
				// Poisson variance of each frame (counts plus the dark frame's own variance)
				double var = (px[i] + dk[i]) / (sig * sig) + (fl[i] + dk[i]) / (open * open);
				chi2 += (a - expected[i]) * (a - expected[i]) / var;
				chi2Unshifted += (a - unshifted[i]) * (a - unshifted[i]) / var;
				signal += expected[i] * expected[i];
				n++;
			}
			double chi = Math.sqrt(chi2 / n), rmsSignal = Math.sqrt(signal / n);
			// residuals in units of the photon noise: 1.0 against the simulator's own discretization (checked),
			// 1.1-1.6 against this finer one: the rest is partial volume at the Pt shell edges
			assertTrue(chi < 2.0, "angle " + ANGLES[k] + ": residual " + chi + " x photon noise over " + n + " pixels");
			assertTrue(n > 64 * 64 * 0.8, "most pixels usable: " + n);
			assertTrue(rmsSignal > 0.1, "the phantom is in view: " + rmsSignal);
			System.out.printf("angle %.0f: residual %.3f x noise, without run-out %.3f, run-out %.2f,%.2f px%n", ANGLES[k], chi,
				Math.sqrt(chi2Unshifted / n), ro.dxPx, ro.dyPx);
			if (Math.hypot(ro.dxPx, ro.dyPx) > 0.7)
				assertTrue(chi2Unshifted > 4 * chi2, "the image shows the run-out " + ro.dxPx + "," + ro.dyPx);
		}
	}

	@Test
	void macroFileAgainstACaPrefixAndBacklashTakeUp() throws Exception {
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.prefix = "BL6:";
		c.width = c.height = 32;
		c.speed = 20;
		c.backlash = 100;
		InstrumentSimulator s = InstrumentSimulator.start(c);
		open.add(s);
		Path macro = dir.resolve("m.txt");
		Files.writeString(macro, "setexp 0.05\nmoveto x 400\nmoveto x 0\ncollect a_ref_.tif\n");
		ScanRunner.Result r = Scans.run(macro, "BL6:", s.port(), dir.resolve("o"), false, null, new ScanControl(), null);
		assertEquals(1, r.collected);
		assertEquals(FrameKind.FLAT, r.log.get(0).kind);
		assertTrue(Files.isRegularFile(dir.resolve("o").resolve("a_ref_.tif")));
		// backlash take-up: a negative move overshoots by the backlash and comes back
		CaInstrument ca = client(s);
		ca.move("x", 400);
		Thread mover = new Thread(() -> ca.move("x", 0));
		mover.start();
		double min = Double.MAX_VALUE;
		while (mover.isAlive()) min = Math.min(min, ca.position("x"));
		mover.join();
		assertTrue(min < -50 && min >= -100.01, "lowest readback " + min + " (backlash 100)");
		assertEquals(0, ca.position("x"), 0.01, "ends on target");
	}

	@Test
	void moveBeyondLimitStopsBeforeAnythingMoves() throws Exception {
		InstrumentSimulator s = sim();
		CaInstrument ca = client(s);
		List<MacroCommand> m = MacroParser.parse("moveto x 100\ncollect a.tif\nmoveto t 400\ncollect b.tif\n").commands();
		TxmException e = assertThrows(TxmException.class, () -> new ScanRunner(ca, new FrameFiles(true)).run(m, dir, null));
		assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("soft limits") && e.getMessage().contains("nothing was moved"),
			e.getMessage());
		assertEquals(0, ca.position("x"), 0.01);
		assertEquals(0, files(dir, ".tif"));
	}

	@Test
	void killedSimulatorStopsCleanlyAndRerunResumesWithoutLossOrDuplicates() throws Exception {
		InstrumentSimulator first = sim();
		List<MacroCommand> macro = tomo(".tif");
		ScanRunner runner = new ScanRunner(client(first), new FrameFiles(true)).waitScale(0.01).afterCollect(k -> {
			if (k == 2) first.close();
		});
		TxmException e = assertThrows(TxmException.class, () -> runner.run(macro, dir, null));
		assertTrue(e.getMessage().contains("resume"), e.getMessage());
		assertEquals(3, files(dir, ".tif"), "three frames were complete when the simulator died");
		assertEquals(4, Files.readAllLines(dir.resolve(RunLog.FILE)).size());
		try (Stream<Path> st = Files.list(dir)) {
			assertEquals(0, st.filter(p -> p.getFileName().toString().contains(".part-")).count(), "no partial file");
		}
		// a crash between moving a frame into place and logging it, plus a torn temp file
		List<String> lines = Files.readAllLines(dir.resolve(RunLog.FILE));
		Files.write(dir.resolve(RunLog.FILE), (String.join("\n", lines.subList(0, 3)) + "\n3,torn").getBytes());
		Files.write(dir.resolve(".rep01_00003_S.tif.part-99.tif"), new byte[10]);

		InstrumentSimulator second = sim();
		ScanRunner.Result r = new ScanRunner(client(second), new FrameFiles(true)).waitScale(0.01).run(macro, dir, null);
		assertEquals(3, r.resumed);
		assertEquals(3, r.collected);
		assertEquals(6, files(dir, ".tif"));
		try (Stream<Path> st = Files.list(dir)) {
			assertEquals(0, st.filter(p -> p.getFileName().toString().startsWith(".")).count(), "stale temporaries removed");
		}
		List<RunLog.Row> rows = new RunLog(dir).rows();
		assertEquals(6, rows.size());
		assertEquals(List.of(0, 1, 2, 3, 4, 5), rows.stream().map(x -> x.index).collect(Collectors.toList()));
		assertEquals(7, Files.readAllLines(dir.resolve(RunLog.FILE)).size(), "no duplicate rows");
		Map<String, Long> byFile = rows.stream().collect(Collectors.groupingBy(x -> x.file, Collectors.counting()));
		assertEquals(6, byFile.size());
		assertEquals(0, rows.get(2).angleDeg == -60 ? 0 : 1, "recovered row keeps its angle");
		// the resumed run moved straight to the state of the first missing collection: t = 0
		assertEquals(2, second.runout().size(), "resume rotated only for the remaining angles (0 and 60)");
		assertEquals(0, second.runout().get(0).angleDeg, 1e-9);
	}

	@Test
	void pauseResumeAndAbort() throws Exception {
		InstrumentSimulator s = sim();
		CaInstrument ca = client(s);
		ScanControl control = new ScanControl();
		long[] pausedAt = new long[1];
		ScanRunner runner = new ScanRunner(ca, new FrameFiles(true)).waitScale(0.01).control(control).afterCollect(k -> {
			if (k == 1) {
				control.pause();
				pausedAt[0] = System.nanoTime();
				new Thread(() -> {
					sleep(300);
					control.resume();
				}).start();
			}
		});
		ScanRunner.Result r = runner.run(tomo(".tif"), dir.resolve("a"), null);
		assertEquals(6, r.collected);
		assertTrue(System.nanoTime() - pausedAt[0] > 300_000_000L, "the run waited while paused");

		ScanControl abort = new ScanControl();
		ScanRunner aborting = new ScanRunner(ca, new FrameFiles(true)).waitScale(0.01).control(abort).afterCollect(k -> {
			if (k == 1) abort.abort();
		});
		assertThrows(CancelledException.class, () -> aborting.run(tomo(".tif"), dir.resolve("b"), null));
		assertEquals(2, files(dir.resolve("b"), ".tif"));
		assertEquals(3, Files.readAllLines(dir.resolve("b").resolve(RunLog.FILE)).size());
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
